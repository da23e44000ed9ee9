package dev.goldsmith.ui.history;

import dev.goldsmith.batch.BatchItemRecord;
import dev.goldsmith.batch.ItemChange;
import dev.goldsmith.batch.ItemStatus;

/**
 * One item of a batch: how it ended, and its text before and after when the batch wrote it back.
 *
 * @param httpStatus the last HTTP status, or {@code null}
 * @param before     the content before the write-back, or {@code null} when nothing was written
 * @param versionId  the version row the write-back recorded (what Revert restores), or {@code null}
 */
public record OutcomeRow(int position, String itemId, ItemStatus status, int attempts, Integer httpStatus,
                         String error, String before, String after, Long versionId) {

    static OutcomeRow of(BatchItemRecord item, ItemChange change) {
        return new OutcomeRow(item.position(), item.itemId(), item.status(), item.attempts(), item.httpStatus(),
                item.lastError(), change == null ? null : change.beforeContent(),
                change == null ? null : change.afterContent(), change == null ? null : change.versionId());
    }

    public boolean written() {
        return after != null;
    }
}
