package dev.goldsmith.batch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Control of a running batch, from any thread. */
public interface BatchHandle {

    String batchId();

    /** The newest snapshot. */
    BatchSnapshot latest();

    /** Stop dispatching; calls in flight finish. */
    void pause();

    /** Dispatch again after a pause. */
    void resume();

    /** Stop dispatching and abort calls in flight; their items stay pending, so the batch can be resumed. */
    void cancel();

    /**
     * Receives every snapshot from now on (the newest at once). Delivery never blocks the engine: a listener that
     * falls behind gets the newest snapshot next, skipping those in between; the final one always arrives.
     *
     * @return call to stop receiving
     */
    Runnable subscribe(Consumer<BatchSnapshot> listener);

    /** Completes with the final snapshot when the batch ends (completed, failed or cancelled). */
    CompletableFuture<BatchSnapshot> completion();
}
