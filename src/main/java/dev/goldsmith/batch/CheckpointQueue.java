package dev.goldsmith.batch;

import dev.goldsmith.store.StoreException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a run's finished items to the single writer thread and brings each outcome back to the engine loop,
 * counting the writes still under way (a run ends only when none is). Whatever the writer meets — a database error,
 * or an {@link Error} such as running out of memory — comes back to the loop, so the count never stays up.
 */
final class CheckpointQueue {

    /** Called on the engine loop. */
    interface Outcome {
        /** @param committed what the answer came to; {@code null} for a failure or a skip */
        void committed(Work work, ItemResult result, CheckpointWriter.Committed committed);

        void failed(StoreException e);

        /** The writer met an {@link Error}: the batch ends. */
        void crashed(Throwable error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointQueue.class);

    private final RunConfig cfg;
    private final Outcome outcome;
    private int pending;

    CheckpointQueue(RunConfig cfg, Outcome outcome) {
        this.cfg = cfg;
        this.outcome = outcome;
    }

    /** Writes still under way. */
    int pending() {
        return pending;
    }

    /** On the engine loop. */
    void submit(Work work, ItemResult r) {
        pending++;
        try {
            cfg.writer().execute(() -> write(work, r));
        } catch (RejectedExecutionException e) {
            failed(new StoreException("The engine was shut down before item " + r.itemId() + " was saved.", e));
        }
    }

    /** On the writer thread. */
    private void write(Work work, ItemResult r) {
        try {
            var committed = r.status() == ItemStatus.SUCCEEDED ? cfg.checkpoints().answer(r) : null;
            if (committed == null) {
                cfg.checkpoints().failure(r);
            }
            cfg.loop().execute(() -> {
                pending--;
                outcome.committed(work, r, committed);
            });
        } catch (RuntimeException e) {
            LOG.error("checkpoint of item {} failed", r.itemId(), e);
            StoreException failure = e instanceof StoreException se ? se
                    : new StoreException("Could not save item " + r.itemId() + ": " + e, e);
            cfg.loop().execute(() -> failed(failure));
        } catch (Error e) {
            LOG.error("checkpoint of item {} failed", r.itemId(), e);
            cfg.loop().execute(() -> {
                pending--;
                outcome.crashed(e);
            });
        }
    }

    private void failed(StoreException e) {
        pending--;
        outcome.failed(e);
    }
}
