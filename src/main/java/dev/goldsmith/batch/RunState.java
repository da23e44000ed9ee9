package dev.goldsmith.batch;

import dev.goldsmith.vault.QualityTier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/** The counters and outcome of a run, as committed; and how the run ends. Confined to the engine loop. */
final class RunState {

    static final int RECENT = 50;

    final BatchRecord record;
    final long startNanos;
    final ThroughputMeter meter;
    BatchStatus status;
    int processed;
    int succeeded;
    int failed;
    int skipped;
    int unchanged;
    long promptTokens;
    long completionTokens;
    BigDecimal cost;
    final ArrayDeque<ItemOutcome> recent = new ArrayDeque<>();

    /** Why the run stops; {@code null} while it goes on. */
    private StopReason stopReason;

    RunState(BatchRecord record, long startNanos) {
        this.record = record;
        this.startNanos = startNanos;
        this.meter = new ThroughputMeter(startNanos);
        this.status = record.status();
        this.processed = record.processedItems();
        this.succeeded = record.successfulItems();
        this.failed = record.failedItems();
        this.skipped = record.skippedItems();
        this.unchanged = record.unchangedItems();
        this.promptTokens = record.promptTokens();
        this.completionTokens = record.completionTokens();
        this.cost = record.costUsd();
    }

    /**
     * Stops the run for {@code reason}, unless it already stops for one that comes first (see
     * {@link StopReason#outranks}).
     *
     * @return whether {@code reason} is now the run's
     */
    boolean stop(StopReason reason) {
        if (!reason.outranks(stopReason)) {
            return false;
        }
        stopReason = reason;
        return true;
    }

    boolean stopping() {
        return stopReason != null;
    }

    /** The reason the run stops for; {@code null} while it goes on. */
    StopReason stopReason() {
        return stopReason;
    }

    /** Counts a committed result; {@code committed} tells what an answer came to (written, unchanged or stale). */
    void count(ItemResult r, QualityTier oldTier, CheckpointWriter.Committed committed, long now) {
        ItemStatus status = committed != null ? committed.status() : r.status();
        String error = committed != null && committed.error() != null ? committed.error() : r.error();
        processed++;
        switch (status) {
            case SUCCEEDED -> succeeded++;
            case UNCHANGED -> {
                succeeded++;
                unchanged++;
            }
            case SKIPPED -> skipped++;
            case FAILED, PENDING -> failed++;
        }
        promptTokens += r.usage().promptTokens();
        completionTokens += r.usage().completionTokens();
        cost = cost.add(r.cost());
        if (status != ItemStatus.SKIPPED) {
            meter.record(now);
        }
        recent.addFirst(new ItemOutcome(r.itemId(), status, r.attempts(), error, r.httpStatus(),
                committed != null ? committed.oldTier() : oldTier, committed != null ? committed.newTier() : null,
                r.latencyMs(), r.finishedAt()));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    /**
     * How the run ends; {@code drained} when no item is left to send. A cancel or the budget that came when every
     * item was done ends it completed.
     */
    BatchStatus finalStatus(boolean drained) {
        BatchStatus stoppedAs = stopReason == null ? BatchStatus.CANCELLED : stopReason.kind().endsAs();
        if (stoppedAs == BatchStatus.CANCELLED && drained && processed == record.totalItems()) {
            return BatchStatus.COMPLETED;
        }
        return stoppedAs;
    }

    /** The message a run that ends {@code end} records: its stop reason's, none when it completed. */
    String finalMessage(BatchStatus end) {
        return stopReason == null || end == BatchStatus.COMPLETED ? null : stopReason.message();
    }

    /** The message of the run as it stands: the one it will end with (the same rule, so they cannot disagree). */
    String message() {
        return finalMessage(status);
    }

    /**
     * @param waitingRetries items waiting for their next attempt after a failed one
     * @param nextRetryIn    when the first of them goes
     * @param lastError      the latest failed attempt's message, or {@code null}
     */
    BatchSnapshot snapshot(long now, int inFlight, Duration holdRemaining, int waitingRetries,
                           Optional<Duration> nextRetryIn, String lastError) {
        int remaining = record.totalItems() - processed;
        return new BatchSnapshot(record.id(), record.vaultId(), record.operation(), status, record.totalItems(),
                processed, succeeded, failed, skipped, unchanged, inFlight, waitingRetries, nextRetryIn,
                meter.perMinute(now), meter.eta(now, remaining),
                Duration.ofMillis(record.activeMs()).plusNanos(now - startNanos), promptTokens, completionTokens, cost,
                List.copyOf(recent), message(), holdRemaining, lastError,
                Pacing.NONE);
    }
}
