package dev.goldsmith.ui.batch;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Items per minute, computed one way for the live panel and History so both show the same figure: the items that
 * were answered (succeeded or failed; skipped ones are never sent) over the batch's active time.
 */
public final class Throughput {

    private Throughput() {
    }

    /** Empty before any time was spent. */
    public static OptionalDouble perMinute(long answered, Duration active) {
        long ms = active.toMillis();
        return ms <= 0 ? OptionalDouble.empty() : OptionalDouble.of(answered * 60_000.0 / ms);
    }
}
