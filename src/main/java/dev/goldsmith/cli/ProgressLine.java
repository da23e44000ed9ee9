package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.Pacing;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live stderr line: {@code Processing 15/50 (30%) ✓14 ✗1 ↷3 · 9.8/min · ETA 3:40}, redrawn in place at most
 * every {@code interval}; the final snapshot is always drawn, then the line is ended. {@code ✓} counts items that
 * changed; {@code =5} (shown once there are any) those whose answer was identical to them. While retries wait it
 * adds {@code · 3 waiting to retry (next in 0:04)}. While the batch is paced it says how and why
 * ({@code · paced 588/min (provider limit 600/min)}), while a 429 holds it, for how long
 * ({@code · rate limited, waiting 0:01}).
 */
final class ProgressLine {

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private long lastDraw = Long.MIN_VALUE;
    private int lastLength;
    private boolean ended;

    ProgressLine(PrintWriter err, LongSupplier nanoTime, Duration interval) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
    }

    synchronized void accept(BatchSnapshot s) {
        long now = nanoTime.getAsLong();
        if (ended) {
            return;
        }
        if (!s.isFinished() && lastDraw != Long.MIN_VALUE && now - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = now;
        String line = render(s);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        err.print("\r" + line + pad);
        if (s.isFinished()) {
            err.println();
            ended = true;
        }
        err.flush();
        lastLength = line.length();
    }

    /** {@code paced 588/min (provider limit 600/min)}: the pace and the limit it follows. */
    static String pacing(Pacing p) {
        String pace = "paced " + perMinute(p.requestsPerMinute()) + "/min";
        String limit = perMinute(p.limitPerMinute());
        String tokens = String.format(Locale.ROOT, "%,d", Math.round(p.limitPerMinute())) + " tokens/min";
        return pace + switch (p.reason()) {
            case RPM_SETTING -> " (your limit)";
            case TPM_SETTING -> " (your limit " + tokens + ")";
            case PROVIDER_REQUESTS -> " (provider limit " + limit + "/min)";
            case PROVIDER_TOKENS -> " (provider limit " + tokens + ")";
            case LEARNED -> p.limitPerMinute() > 0 ? " (learned limit " + limit + "/min)" : " (learning the provider's limit)";
            case NONE -> "";
        };
    }

    private static String perMinute(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.1f", value);
    }

    static String render(BatchSnapshot s) {
        StringBuilder b = new StringBuilder();
        String verb = switch (s.status()) {
            case PAUSED -> "Paused";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed";
            case INTERRUPTED -> "Interrupted";
            default -> "Processing";
        };
        b.append(verb).append(' ').append(s.processed()).append('/').append(s.total())
                .append(String.format(Locale.ROOT, " (%d%%)", (int) Math.floor(s.progress())))
                .append(" ✓").append(s.succeeded() - s.unchanged());
        if (s.unchanged() > 0) {
            b.append(" =").append(s.unchanged());
        }
        b.append(" ✗").append(s.failed()).append(" ↷").append(s.skipped())
                .append(String.format(Locale.ROOT, " · %.1f/min", s.itemsPerMinute()));
        if (!s.isFinished()) {
            s.eta().ifPresent(eta -> b.append(" · ETA ").append(Durations.clock(eta)));
            if (!s.holdRemaining().isZero()) {
                b.append(" · rate limited, waiting ").append(Durations.clock(s.holdRemaining()));
            } else if (s.pacing().isPaced()) {
                b.append(" · ").append(pacing(s.pacing()));
            }
            if (s.waitingRetries() > 0) {
                b.append(" · ").append(s.waitingRetries()).append(" waiting to retry");
                s.nextRetryIn().ifPresent(next -> b.append(" (next in ").append(Durations.clock(next)).append(')'));
            }
        } else {
            b.append(" · ").append(Durations.clock(s.elapsed()));
        }
        return b.toString();
    }
}
