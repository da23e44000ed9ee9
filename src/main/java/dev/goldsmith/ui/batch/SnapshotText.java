package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.ItemOutcome;
import dev.goldsmith.ui.Messages;

/** The words and numbers the live panel shows for a snapshot, from {@code messages.properties}. */
final class SnapshotText {

    private final Messages messages;

    SnapshotText(Messages messages) {
        this.messages = messages;
    }

    /** "Processing 15/50 items", "Paused at 15/50 items", "Finished 50/50 items", … */
    String headline(BatchSnapshot s) {
        return messages.get("live.headline." + s.status().wireName(), s.processed(), s.total(),
                s.errorMessage() == null ? "" : s.errorMessage());
    }

    /** "✓ 15 enhanced": the items that changed (an unchanged answer is counted apart). */
    String succeeded(BatchSnapshot s) {
        return messages.get("live.succeeded." + s.operation().wireName(), changed(s));
    }

    /** "= 38 unchanged": valid answers identical to their item, nothing written. */
    String unchanged(BatchSnapshot s) {
        return messages.get("live.unchanged", s.unchanged());
    }

    String failed(BatchSnapshot s) {
        return messages.get("live.failed", s.failed());
    }

    String skipped(BatchSnapshot s) {
        return messages.get("live.skipped", s.skipped());
    }

    String rate(BatchSnapshot s) {
        return messages.get("live.rate", s.itemsPerMinute());
    }

    String elapsed(BatchSnapshot s) {
        return messages.get("live.elapsed", Durations.clock(s.elapsed()));
    }

    /** Empty until the engine has enough data for a meaningful ETA, and once the batch has ended. */
    String eta(BatchSnapshot s) {
        return s.isFinished() ? "" : s.eta().map(d -> messages.get("live.eta", Durations.clock(d))).orElse("");
    }

    String tokens(BatchSnapshot s) {
        return messages.get("live.tokens", s.promptTokens() + s.completionTokens());
    }

    String cost(BatchSnapshot s) {
        return messages.get("live.cost", s.costUsd());
    }

    /**
     * The end banner: "Batch finished: ✓ 15 enhanced · = 38 unchanged · ✗ 0 failed · ↷ 7 skipped in 0:01", "Every
     * item failed: …", "Batch stopped: The server at … could not be reached (…)"; a cancelled batch names its reason.
     */
    String notice(BatchSnapshot s) {
        BatchOutcome outcome = BatchOutcome.of(s);
        String key = "live.notice." + outcome.key();
        if (outcome == BatchOutcome.STOPPED) {
            key += "." + s.status().wireName() + (s.errorMessage() != null ? ".reason" : "");
        } else if (outcome == BatchOutcome.FAILED && s.canResume()) {
            key += ".resumable";
        }
        return messages.get(key, counts(s), Durations.clock(s.elapsed()),
                s.errorMessage() == null ? "" : s.errorMessage(), s.failed(), s.processed(), s.total());
    }

    /** "✓ 15 enhanced · = 38 unchanged · ✗ 2 failed · ↷ 7 skipped". */
    String counts(BatchSnapshot s) {
        return String.join(" \u00b7 ", succeeded(s), unchanged(s), failed(s), skipped(s));
    }

    private static int changed(BatchSnapshot s) {
        return Math.max(0, s.succeeded() - s.unchanged());
    }

    /** "pp-1 · bronze → silver · 1 attempt" or "pp-3 · HTTP 400 · the error". */
    String outcome(ItemOutcome o, Operation operation) {
        String detail;
        if (o.error() != null) {
            detail = o.error();
        } else if (o.newTier() != null && o.oldTier() != null && o.newTier() != o.oldTier()) {
            detail = messages.get("live.outcome.tier", tier(o.oldTier().wireName()), tier(o.newTier().wireName()));
        } else if (o.status() == dev.goldsmith.batch.ItemStatus.SUCCEEDED) {
            detail = messages.get(operation == Operation.KEYWORD_SUGGEST ? "live.outcome.keywords" : "live.outcome.sameTier");
        } else {
            detail = messages.get("live.outcome." + o.status().wireName());
        }
        return messages.get("live.outcome", o.itemId(), detail, o.attempts());
    }

    String operation(Operation operation) {
        return messages.get("operation." + operation.wireName());
    }

    private String tier(String wireName) {
        return messages.get("tier." + wireName);
    }
}
