package dev.goldsmith.batch;

import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run writes besides item results, through the same single writer: its status changes (pause, resume) and
 * its heartbeat every few seconds, so other processes can tell it is alive. Lives on the engine loop.
 */
final class RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private final RunConfig cfg;
    private final String batchId;
    private final Consumer<Throwable> onError;
    private EngineLoop.Cancellable heartbeat;
    private boolean stopped;

    /** @param onError told of an {@link Error} on the writer while recording: the run ends */
    RunRecorder(RunConfig cfg, String batchId, Consumer<Throwable> onError) {
        this.cfg = cfg;
        this.batchId = batchId;
        this.onError = onError;
    }

    void startHeartbeat() {
        heartbeat = cfg.loop().schedule(cfg.heartbeat(), () -> {
            if (stopped) {
                return;
            }
            var now = cfg.loop().now();
            onWriter(() -> cfg.checkpoints().heartbeat(batchId, cfg.ownerId(), now), "heartbeat");
            startHeartbeat();
        });
    }

    void stopHeartbeat() {
        stopped = true;
        if (heartbeat != null) {
            heartbeat.cancel();
            heartbeat = null;
        }
    }

    /** Records a status that does not end the run (paused, processing again). */
    void status(BatchStatus status) {
        var now = cfg.loop().now();
        onWriter(() -> cfg.store().setStatus(batchId, cfg.ownerId(), status, null, now, 0), "status " + status);
    }

    private void onWriter(Runnable write, String what) {
        try {
            cfg.writer().execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("could not record the {} of batch {}", what, batchId, e);
                } catch (Error e) {
                    LOG.error("could not record the {} of batch {}", what, batchId, e);
                    onError.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("the engine is shut down; the {} of batch {} is not recorded", what, batchId);
        }
    }
}
