package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The final result of one item in a batch, ready to be checkpointed.
 *
 * @param sent    the item as it was sent to the provider: a write-back over anything else would lose an edit
 * @param success the validated answer when {@code status} is succeeded, else {@code null}
 */
record ItemResult(String batchId, String ownerId, String vaultId, VaultItem sent, Operation operation, ItemStatus status,
                  int attempts, String error, Integer httpStatus, long latencyMs, Usage usage, BigDecimal cost,
                  Instant startedAt, Instant finishedAt, EnhanceResult.Success success) {

    String itemId() {
        return sent.id();
    }

    /** The same result, committed as another outcome (an answer found unchanged or stale at write-back). */
    ItemResult as(ItemStatus newStatus, String newError) {
        return new ItemResult(batchId, ownerId, vaultId, sent, operation, newStatus, attempts, newError, httpStatus,
                latencyMs, usage, cost, startedAt, finishedAt, success);
    }
}
