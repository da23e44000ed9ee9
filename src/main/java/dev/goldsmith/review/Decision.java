package dev.goldsmith.review;

import java.util.List;

/**
 * What one decision on a batch's proposals did.
 *
 * @param accepted the items written back, in the batch's order
 * @param rejected the items kept as they were
 * @param stale    the batch's proposals that can no longer be applied because their item changed after they were
 *                 made (those found so by this decision among them): never written
 */
public record Decision(String batchId, List<String> accepted, List<String> rejected, List<String> stale) {
    public Decision {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
        stale = List.copyOf(stale);
    }
}
