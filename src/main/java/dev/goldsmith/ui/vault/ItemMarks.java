package dev.goldsmith.ui.vault;

import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.review.ReviewService;
import java.util.HashSet;
import java.util.Set;

/**
 * What the batches did to a vault's items, for the "changed by a batch" and "pending review" filters.
 *
 * @param changed items a batch has written back (directly, or by a proposal accepted in Review), reverted since or not
 * @param pending items with a proposal that waits for a decision in Review and can still be applied
 */
public record ItemMarks(Set<String> changed, Set<String> pending) {

    public static final ItemMarks NONE = new ItemMarks(Set.of(), Set.of());

    public ItemMarks {
        changed = Set.copyOf(changed);
        pending = Set.copyOf(pending);
    }

    /** Reads a vault's marks from the store (blocking: call it off the FX thread). */
    public static ItemMarks read(BatchService batches, ReviewService reviews, String vaultId) {
        Set<String> changed = new HashSet<>();
        for (BatchRecord b : batches.history(new HistoryQuery(Set.of(), null, vaultId, null, null, null, 0))) {
            if (b.successfulItems() > 0) {
                changed.addAll(batches.changedItemIds(b.id()));
            }
        }
        return new ItemMarks(changed, new HashSet<>(reviews.pendingItemIds(vaultId)));
    }

    /** Which of the marks an item must have to show. */
    public enum Mark {
        CHANGED, PENDING_REVIEW;

        boolean has(ItemMarks marks, String itemId) {
            return switch (this) {
                case CHANGED -> marks.changed().contains(itemId);
                case PENDING_REVIEW -> marks.pending().contains(itemId);
            };
        }
    }
}
