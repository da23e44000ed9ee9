package dev.goldsmith.ui.history;

import dev.goldsmith.batch.BatchItemRecord;
import dev.goldsmith.batch.ItemChange;
import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalStatus;

/**
 * One item of a batch: how it ended, what the batch wrote back, and for a review batch its proposal.
 *
 * @param httpStatus the last HTTP status, or {@code null}
 * @param change     the write-back (text, tier and keywords before and after), or {@code null} when nothing was written
 * @param proposal   the item's proposal when the batch ran with review, or {@code null}
 */
public record OutcomeRow(int position, String itemId, ItemStatus status, int attempts, Integer httpStatus,
                         String error, ItemChange change, Proposal proposal) {

    static OutcomeRow of(BatchItemRecord item, ItemChange change, Proposal proposal) {
        return new OutcomeRow(item.position(), item.itemId(), item.status(), item.attempts(), item.httpStatus(),
                item.lastError(), change, proposal);
    }

    /** The batch wrote this item back (directly or by an accepted proposal): the "changed only" filter. */
    public boolean written() {
        return change != null;
    }

    /** Its proposal waits for a decision and can still be applied: the "pending review" filter. */
    public boolean pendingReview() {
        return change == null && proposal != null && proposal.status() == ProposalStatus.PROPOSED;
    }

    /** The content before the write-back, or {@code null} when nothing was written. */
    public String before() {
        return change == null ? null : change.beforeContent();
    }

    /** The content the batch wrote, or {@code null}. */
    public String after() {
        return change == null ? null : change.afterContent();
    }

    /** The version row the write-back recorded (what Revert restores), or {@code null}. */
    public Long versionId() {
        return change == null ? null : change.versionId();
    }
}
