package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.BatchStatus;
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

    String succeeded(BatchSnapshot s) {
        return messages.get("live.succeeded." + s.operation().wireName(), s.succeeded());
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

    /** "Batch finished: ✓ 48 ✗ 2 ↷ 3 in 1:12"; a batch stopped by its budget says so. */
    String notice(BatchSnapshot s) {
        String key = "live.notice." + s.status().wireName();
        if (s.status() == BatchStatus.CANCELLED && s.errorMessage() != null) {
            key = "live.notice.cancelled.reason";
        }
        return messages.get(key, s.succeeded(), s.failed(), s.skipped(), Durations.clock(s.elapsed()),
                s.errorMessage() == null ? "" : s.errorMessage());
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
