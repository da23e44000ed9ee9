package dev.goldsmith.batch;

import dev.goldsmith.vault.QualityTier;
import java.time.Instant;

/**
 * What happened to one item, for the live list of latest outcomes.
 *
 * @param error   the reason for a failure, or {@code null}
 * @param newTier the tier after an enhancement, or {@code null}
 */
public record ItemOutcome(String itemId, ItemStatus status, int attempts, String error, Integer httpStatus,
                          QualityTier oldTier, QualityTier newTier, long latencyMs, Instant at) {
}
