package dev.goldsmith.batch;

import java.time.Instant;

/** One row of {@code batch_items}: the checkpoint of one selected item. */
public record BatchItemRecord(
        String batchId,
        String itemId,
        int position,
        ItemStatus status,
        int attempts,
        String lastError,
        Integer httpStatus,
        Long latencyMs,
        long promptTokens,
        long completionTokens,
        Instant startedAt,
        Instant finishedAt) {
}
