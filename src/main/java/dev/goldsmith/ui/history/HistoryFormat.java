package dev.goldsmith.ui.history;

import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.ui.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;

/** How the history screen writes times, durations, rates, counts and money. */
public final class HistoryFormat {

    private final Messages messages;
    private final DateTimeFormatter when;

    HistoryFormat(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    public String created(Instant at) {
        return at == null ? "" : when.format(at);
    }

    /** "42 s", "3 min 05 s", "1 h 02 min". */
    public String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return messages.get("history.duration.seconds", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return messages.get("history.duration.minutes", s / 60, s % 60);
        }
        return messages.get("history.duration.hours", s / 3600, (s % 3600) / 60);
    }

    /** "10 · ✓7 =1 ✗1 ↷1": total, changed, unchanged, failed, skipped. */
    public String counts(BatchRecord b) {
        return messages.get("history.counts", b.totalItems(), changed(b), b.unchangedItems(), b.failedItems(),
                b.skippedItems());
    }

    /**
     * "✓ 7 enhanced · = 1 unchanged · ✗ 1 failed · ↷ 1 skipped of 10": the detail's counts in words ("✓ 7 proposed
     * for review" for a review batch: nothing is written until accepted).
     */
    public String countsInWords(BatchRecord b) {
        String answered = BatchSettings.isReview(b.metadata()) ? "live.proposed" : "live.succeeded." + b.operation().wireName();
        return messages.get("history.detail.counts", messages.get(answered, changed(b)),
                messages.get("live.unchanged", b.unchangedItems()), messages.get("live.failed", b.failedItems()),
                messages.get("live.skipped", b.skippedItems()), b.totalItems());
    }

    private static int changed(BatchRecord b) {
        return Math.max(0, b.successfulItems() - b.unchangedItems());
    }

    String rate(OptionalDouble perMinute) {
        return perMinute.isPresent() ? messages.get("history.rate", perMinute.getAsDouble()) : messages.get("history.none");
    }

    /** "$0.0123"; "unknown" when tokens were used but no price was set; "–" when nothing was counted (offline). */
    public String cost(BatchRecord b) {
        BigDecimal usd = b.costUsd();
        if (usd == null || usd.signum() == 0) {
            return messages.get(b.promptTokens() + b.completionTokens() > 0 ? "history.cost.unknown" : "history.none");
        }
        return "$" + usd.setScale(usd.compareTo(BigDecimal.ONE) < 0 ? 4 : 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The cost cell's tooltip: why a cost is unknown, or the tokens it is made of. */
    public String costDetail(BatchRecord b) {
        boolean unknown = (b.costUsd() == null || b.costUsd().signum() == 0) && b.promptTokens() + b.completionTokens() > 0;
        return unknown ? messages.get("live.cost.unknown")
                : messages.get("history.cost.tokens", b.promptTokens(), b.completionTokens());
    }
}
