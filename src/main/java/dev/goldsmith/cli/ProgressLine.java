package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live stderr line: {@code Processing 15/50 (30%) ✓14 ✗1 ↷3 · 9.8/min · ETA 3:40}, redrawn in place at most
 * every {@code interval}; the final snapshot is always drawn, then the line is ended. {@code ✓} counts items that
 * changed; {@code =5} (shown once there are any) those whose answer was identical to them. While retries wait it
 * adds {@code · 3 waiting to retry (next in 0:04)}.
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
