package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a running batch, published to listeners after every change.
 * Counts only include results that are committed to the database.
 *
 * @param unchanged      valid answers identical to their item (counted in {@code succeeded} too)
 * @param inFlight       calls being answered right now
 * @param waitingRetries items whose last attempt failed and that wait for their next one
 * @param nextRetryIn    when the next of those goes, if any waits
 * @param itemsPerMinute over the recent window (0 until there is data)
 * @param eta            once there is enough data to be meaningful
 * @param recent         the latest outcomes, newest first
 * @param holdRemaining  how long new dispatches are held after a 429, zero when not held
 * @param lastError      the latest failed attempt's message as soon as it happened (also one that will be
 *                       retried), or {@code null}
 * @param pacing         how new requests are paced, and why
 */
public record BatchSnapshot(
        String batchId,
        String vaultId,
        Operation operation,
        BatchStatus status,
        int total,
        int processed,
        int succeeded,
        int failed,
        int skipped,
        int unchanged,
        int inFlight,
        int waitingRetries,
        Optional<Duration> nextRetryIn,
        double itemsPerMinute,
        Optional<Duration> eta,
        Duration elapsed,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd,
        List<ItemOutcome> recent,
        String errorMessage,
        Duration holdRemaining,
        String lastError,
        Pacing pacing) {

    public BatchSnapshot {
        recent = List.copyOf(recent);
        eta = eta == null ? Optional.empty() : eta;
        nextRetryIn = nextRetryIn == null ? Optional.empty() : nextRetryIn;
        pacing = pacing == null ? Pacing.NONE : pacing;
    }

    /** The same picture, paced as {@code value} says. */
    public BatchSnapshot withPacing(Pacing value) {
        return new BatchSnapshot(batchId, vaultId, operation, status, total, processed, succeeded, failed, skipped,
                unchanged, inFlight, waitingRetries, nextRetryIn, itemsPerMinute, eta, elapsed, promptTokens,
                completionTokens, costUsd, recent, errorMessage, holdRemaining, lastError, value);
    }

    /** processed / total × 100; 100 for an empty batch. */
    public double progress() {
        return total == 0 ? 100.0 : processed * 100.0 / total;
    }

    /** Whether the batch, as it ended, can be resumed: see {@link BatchRecord#canResume()}. */
    public boolean canResume() {
        return status.allowsResume(processed < total);
    }

    public boolean isFinished() {
        return !status.isLive();
    }
}
