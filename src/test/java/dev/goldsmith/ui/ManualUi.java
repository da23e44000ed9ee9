package dev.goldsmith.ui;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A hand-driven "UI thread" for view-model tests without the FX toolkit: work handed to it waits in a queue
 * until the test runs it on its own thread, so every UI update happens where and when the test says.
 */
public final class ManualUi implements Executor {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable action) {
        queue.add(action);
    }

    public int pending() {
        return queue.size();
    }

    /** Runs what is waiting now (and what that schedules), without waiting for more. */
    public int runPending() {
        int ran = 0;
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
            ran++;
        }
        return ran;
    }

    /** Runs UI work as it arrives until {@code done} holds; fails after {@code timeout} without it. */
    public void runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            Runnable next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("UI state not reached within " + timeout);
            }
            next.run();
        }
    }
}
