package dev.goldsmith.batch;

import java.time.Duration;
import java.time.Instant;

/**
 * The single thread a batch's scheduling state lives on, with its timers and clocks. Everything the scheduler
 * does runs through {@link #execute}, one task at a time, so its state needs no locks. Tests use a virtual-time
 * implementation: no sleeps, every delay exact.
 */
public interface EngineLoop {

    /** Runs the task on the loop, after the tasks already queued. Safe from any thread. */
    void execute(Runnable task);

    /** Runs the task on the loop after the delay; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds, for rates and delays. */
    long nanoTime();

    /** Wall-clock time, for what is written to the database. */
    Instant now();

    /** Releases the loop's thread once the batch is over. */
    void shutdown();

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
