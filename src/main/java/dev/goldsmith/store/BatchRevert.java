package dev.goldsmith.store;

import java.util.List;

/**
 * What reverting a whole batch did.
 *
 * @param reverted the items given back their state from before the batch, in the order the batch wrote them
 * @param skipped  the items the batch wrote that were left as they are, each with the reason
 */
public record BatchRevert(String batchId, List<String> reverted, List<Skipped> skipped) {

    public BatchRevert {
        reverted = List.copyOf(reverted);
        skipped = List.copyOf(skipped);
    }

    /** An item left as it is: {@code reason} completes "not reverted: …". */
    public record Skipped(String itemId, String reason) {
    }
}
