package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code batch_operations}, as stored.
 *
 * @param unchangedItems valid answers identical to their item; counted in {@code successfulItems} too
 */
public record BatchRecord(
        String id,
        String userId,
        String vaultId,
        Operation operation,
        BatchStatus status,
        int totalItems,
        int processedItems,
        int successfulItems,
        int failedItems,
        int skippedItems,
        int unchangedItems,
        String errorMessage,
        String metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        long promptTokens,
        long completionTokens,
        BigDecimal costUsd,
        String ownerId,
        Instant heartbeatAt,
        String parentBatchId,
        long activeMs) {

    /** processed / total × 100, 100 for an empty batch. */
    public double progress() {
        return totalItems == 0 ? 100.0 : processedItems * 100.0 / totalItems;
    }

    /**
     * Whether {@code resume} can continue it: cancelled or interrupted, or failed (a refused key, say) with items
     * still pending.
     */
    public boolean canResume() {
        return status.allowsResume(processedItems < totalItems);
    }

    /** Whether the batch has ended and will not change unless resumed. */
    public boolean isComplete() {
        return !status.isLive();
    }

    public Duration activeDuration() {
        return Duration.ofMillis(activeMs);
    }

    public BatchRecord withStatus(BatchStatus newStatus, String message) {
        return new BatchRecord(id, userId, vaultId, operation, newStatus, totalItems, processedItems,
                successfulItems, failedItems, skippedItems, unchangedItems, message, metadata, createdAt, updatedAt, completedAt,
                promptTokens, completionTokens, costUsd, ownerId, heartbeatAt, parentBatchId, activeMs);
    }
}
