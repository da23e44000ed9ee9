package dev.goldsmith.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link EngineLoop}: one daemon thread with a timer queue. */
public final class ThreadEngineLoop implements EngineLoop {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadEngineLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;

    public ThreadEngineLoop(String name, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /**
     * Once the loop is shut down its batch is over and ignores everything, so a task that arrives late (a control
     * call racing the end, e.g. {@code BatchService.close()} cancelling a batch that just finished, or a late
     * provider answer) is dropped instead of throwing {@link RejectedExecutionException} at the caller.
     */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("batch loop already shut down; task dropped");
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            LOG.debug("batch loop already shut down; timer dropped");
            return () -> { };
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("unexpected error on the batch loop", e);
                throw e;
            }
        };
    }
}
