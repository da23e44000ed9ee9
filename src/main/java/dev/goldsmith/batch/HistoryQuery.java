package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import java.time.Instant;
import java.util.Set;

/**
 * Which batches to list, newest first. Every filter is optional ({@code null} or empty = any).
 *
 * @param search matched against the batch id, vault id, vault name and error message
 */
public record HistoryQuery(Set<BatchStatus> statuses, Operation operation, String vaultId, Instant from,
                           Instant to, String search, int limit) {

    public HistoryQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 0) {
            throw new IllegalArgumentException("limit cannot be negative, not " + limit + ".");
        }
    }

    public static HistoryQuery all(int limit) {
        return new HistoryQuery(Set.of(), null, null, null, null, null, limit);
    }
}
