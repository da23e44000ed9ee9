package dev.goldsmith.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A small pool of daemon threads; results come back through {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;

    public FxTaskExecutor() {
        this(Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public FxTaskExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "goldsmith-background-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        FutureHandle handle = new FutureHandle();
        try {
            handle.future = pool.submit(() -> run(handle, work, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            // closed: the window is going away (a batch that ends during shutdown, a last setting); nothing to show
            LOG.debug("background work after close dropped");
            handle.cancel();
        }
        return handle;
    }

    private <T> void run(FutureHandle handle, Callable<T> work, Consumer<? super T> onSuccess,
                         Consumer<? super Throwable> onFailure) {
        try {
            T result = work.call();
            runOnUi(() -> {
                if (!handle.isCancelled()) {
                    onSuccess.accept(result);
                }
            });
        } catch (Exception | Error e) {
            if (!handle.isCancelled()) {
                LOG.warn("background work failed", e);
                runOnUi(() -> onFailure.accept(e));
            }
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static final class FutureHandle implements Handle {
        private volatile boolean cancelled;
        private volatile Future<?> future;

        @Override
        public void cancel() {
            cancelled = true;
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
