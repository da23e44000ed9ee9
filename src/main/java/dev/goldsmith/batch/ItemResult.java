package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Usage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The final result of one item in a batch, ready to be checkpointed.
 *
 * @param success the validated answer when {@code status} is succeeded, else {@code null}
 */
record ItemResult(String batchId, String ownerId, String vaultId, String itemId, Operation operation, ItemStatus status,
                  int attempts, String error, Integer httpStatus, long latencyMs, Usage usage, BigDecimal cost,
                  Instant startedAt, Instant finishedAt, EnhanceResult.Success success) {
}
