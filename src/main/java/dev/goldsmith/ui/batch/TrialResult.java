package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.TrialRun;
import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.review.DiffPresentation;

/**
 * One item of a "Try on 3", as the trial window shows it: what the answer would change (as a word diff), or why the
 * call failed, or that the answer is the item as it is.
 *
 * @param diff {@code null} when the call failed
 * @param note "Unchanged: …", the error, or empty
 */
public record TrialResult(String itemId, DiffPresentation diff, String note) {

    static TrialResult of(TrialRun.Outcome o, Messages messages) {
        String id = o.before().id();
        if (!o.succeeded()) {
            return new TrialResult(id, null, messages.get("launch.try.itemFailed", o.error()));
        }
        DiffPresentation diff = DiffPresentation.of(ItemDiff.of(ItemState.of(o.before()), o.after()), messages);
        return new TrialResult(id, diff, o.unchanged() ? messages.get("launch.try.unchanged") : "");
    }
}
