package dev.goldsmith.batch;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;

/** Items per minute over a recent window, and an ETA once there is enough data to mean something. */
final class ThroughputMeter {

    static final long WINDOW_NANOS = Duration.ofSeconds(60).toNanos();
    static final int MIN_SAMPLES_FOR_ETA = 5;
    static final long MIN_NANOS_FOR_ETA = Duration.ofSeconds(3).toNanos();

    private final ArrayDeque<Long> finishes = new ArrayDeque<>();
    private final long startNanos;

    ThroughputMeter(long startNanos) {
        this.startNanos = startNanos;
    }

    void record(long now) {
        finishes.addLast(now);
        trim(now);
    }

    double perMinute(long now) {
        trim(now);
        if (finishes.isEmpty()) {
            return 0;
        }
        long span = Math.min(WINDOW_NANOS, now - startNanos);
        return span <= 0 ? 0 : finishes.size() * 60e9 / span;
    }

    Optional<Duration> eta(long now, int remaining) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        double rate = perMinute(now);
        if (finishes.size() < MIN_SAMPLES_FOR_ETA || now - startNanos < MIN_NANOS_FOR_ETA || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(remaining / rate * 60_000)));
    }

    private void trim(long now) {
        while (!finishes.isEmpty() && now - finishes.peekFirst() > WINDOW_NANOS) {
            finishes.removeFirst();
        }
    }
}
