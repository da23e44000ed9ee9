package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import java.time.Instant;
import java.util.Set;

/**
 * Which batches to list, newest first. Every filter is optional ({@code null} or empty = any).
 *
 * @param search matched against the batch id, vault id, vault name and error message
 * @param userId only the batches this operator started ("mine"); on a team store also those recorded under the
 *               database role this console logs in as
 */
public record HistoryQuery(Set<BatchStatus> statuses, Operation operation, String vaultId, Instant from,
                           Instant to, String search, int limit, String userId) {

    public HistoryQuery(Set<BatchStatus> statuses, Operation operation, String vaultId, Instant from, Instant to,
                        String search, int limit) {
        this(statuses, operation, vaultId, from, to, search, limit, null);
    }

    /** The same query, for one operator's batches only. */
    public HistoryQuery mine(String operator) {
        return new HistoryQuery(statuses, operation, vaultId, from, to, search, limit, operator);
    }

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
