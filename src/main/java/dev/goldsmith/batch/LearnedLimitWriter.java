package dev.goldsmith.batch;

import dev.goldsmith.store.StoreException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the limit a run learns in its batch's {@code metadata}, through the single writer: when it is first
 * learned, when it moves by 2 % or more (at most every {@value #EVERY_SECONDS} s), and once more as the run ends, so a
 * resume starts from it. Lives on the engine loop.
 */
final class LearnedLimitWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LearnedLimitWriter.class);
    static final long EVERY_SECONDS = 5;

    private final RunConfig cfg;
    private final String batchId;
    private final Supplier<LearnedLimits> learned;
    private LearnedLimits written;
    private long lastWrite = Long.MIN_VALUE;

    /** @param alreadyKept what the batch's metadata holds now */
    LearnedLimitWriter(RunConfig cfg, String batchId, Supplier<LearnedLimits> learned, LearnedLimits alreadyKept) {
        this.cfg = cfg;
        this.batchId = batchId;
        this.learned = learned;
        this.written = alreadyKept;
    }

    /** Called after each answer. */
    void maybeWrite(long now) {
        LearnedLimits current = learned.get();
        if (current.isEmpty() || !current.differsFrom(written)) {
            return;
        }
        if (lastWrite != Long.MIN_VALUE && now - lastWrite < EVERY_SECONDS * 1_000_000_000L) {
            return;
        }
        write(current, now);
    }

    /** Called as the run ends, before its end is recorded. */
    void flush(long now) {
        LearnedLimits current = learned.get();
        if (!current.isEmpty() && !current.equals(written)) {
            write(current, now);
        }
    }

    private void write(LearnedLimits limits, long now) {
        written = limits;
        lastWrite = now;
        try {
            cfg.writer().execute(() -> {
                try {
                    cfg.store().updateMetadata(batchId, cfg.ownerId(), m -> BatchSettings.withLearnedLimits(m, limits));
                } catch (StoreException | IllegalArgumentException e) {
                    LOG.warn("could not keep the learned rate limit of batch {}", batchId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("the engine is shut down; the learned rate limit of batch {} is not kept", batchId);
        }
    }
}
