package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.ItemOutcome;
import dev.goldsmith.batch.Pacing;
import dev.goldsmith.ui.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

    /** "9,578.5 items/min": answered items over the active time, as History computes it ({@link Throughput}). */
    String rate(BatchSnapshot s) {
        return rate(s, s.elapsed());
    }

    /** The same over {@code active}: once a batch ended, the active time it was stored with. */
    String rate(BatchSnapshot s, Duration active) {
        return messages.get("live.rate", Throughput.perMinute(s.succeeded() + s.failed(), active).orElse(0));
    }

    String elapsed(BatchSnapshot s) {
        return messages.get("live.elapsed", Durations.clock(s.elapsed()));
    }

    /** Empty until the engine has enough data for a meaningful ETA, and once the batch has ended. */
    String eta(BatchSnapshot s) {
        return s.isFinished() ? "" : s.eta().map(d -> messages.get("live.eta", Durations.clock(d))).orElse("");
    }

    /**
     * "$0.0123"; "cost unknown: set prices in Settings" when tokens were used but no price is set; empty when nothing
     * was counted (the offline rules engine).
     */
    String cost(BatchSnapshot s) {
        boolean noCost = s.costUsd() == null || s.costUsd().signum() == 0;
        if (noCost) {
            return s.promptTokens() + s.completionTokens() > 0 ? messages.get("live.cost.unknown") : "";
        }
        return messages.get("live.cost", s.costUsd());
    }

    /** "1,500 tokens"; empty when none were counted (the offline rules engine). */
    String tokens(BatchSnapshot s) {
        long tokens = s.promptTokens() + s.completionTokens();
        return tokens == 0 ? "" : messages.get("live.tokens", tokens);
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

    /**
     * What the batch is doing right now, while it runs: "3 in flight · 2 waiting to retry, next in 0:04 · paced
     * 588/min (provider limit 600/min)" or "… · rate limited, waiting 0:01"; empty once it ended.
     */
    String activity(BatchSnapshot s) {
        if (s.isFinished()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(messages.get("live.inFlight", s.inFlight()));
        if (s.waitingRetries() > 0) {
            parts.add(s.nextRetryIn().map(d -> messages.get("live.retrying.next", s.waitingRetries(), wait(d)))
                    .orElse(messages.get("live.retrying", s.waitingRetries())));
        }
        String pace = pacing(s);
        if (!pace.isEmpty()) {
            parts.add(pace);
        }
        return String.join(" \u00b7 ", parts);
    }

    /** "rate limited, waiting 0:01" during a 429 hold; else how requests are paced and why, or empty. */
    String pacing(BatchSnapshot s) {
        if (s.holdRemaining() != null && s.holdRemaining().compareTo(Duration.ZERO) > 0) {
            return messages.get("live.pacing.hold", wait(s.holdRemaining()));
        }
        Pacing p = s.pacing();
        if (!p.isPaced()) {
            return "";
        }
        String key = "live.pacing." + switch (p.reason()) {
            case NONE -> "none";
            case RPM_SETTING -> "rpm";
            case TPM_SETTING -> "tpm";
            case PROVIDER_REQUESTS -> "providerRequests";
            case PROVIDER_TOKENS -> "providerTokens";
            case LEARNED -> p.limitPerMinute() > 0 ? "learned" : "learning";
        };
        return messages.get(key, Math.round(p.requestsPerMinute()), Math.round(p.limitPerMinute()));
    }

    /** "Latest error: HTTP 503 · the server is busy", as soon as an attempt failed (also one that is retried). */
    String lastError(BatchSnapshot s) {
        return s.lastError() == null || s.lastError().isBlank() ? "" : messages.get("live.lastError", s.lastError());
    }

    /** A wait in whole seconds, rounded up: 0.3 s reads 0:01, not 0:00. */
    private static String wait(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return Durations.clock(Duration.ofSeconds((ms + 999) / 1000));
    }

    /** "pp-1 · bronze → silver · 1 attempt" or "pp-3 · HTTP 400 · the error". */
    String outcome(ItemOutcome o, Operation operation) {
        String detail;
        if (o.error() != null) {
            detail = o.error();
        } else if (o.newTier() != null && o.oldTier() != null && o.newTier() != o.oldTier()) {
            detail = messages.get("live.outcome.tier", tier(o.oldTier().wireName()), tier(o.newTier().wireName()));
        } else if (o.status() == dev.goldsmith.batch.ItemStatus.SUCCEEDED) {
            detail = messages.get(operation.rewritesContent() ? "live.outcome.sameTier" : "live.outcome.keywords");
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
