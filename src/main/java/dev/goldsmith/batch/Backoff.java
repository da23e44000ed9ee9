package dev.goldsmith.batch;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, base × 2^(n-1))}, and never less than the wait the provider asked for.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /**
     * @param failedAttempts how many attempts failed so far (1 after the first failure)
     * @param providerWait   the provider's Retry-After, if any
     */
    Duration delay(int failedAttempts, Optional<Duration> providerWait) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() * (1L << Math.min(exponent, 20)));
        long jittered = ceiling / 2 + Math.round(random.getAsDouble() * (ceiling - ceiling / 2));
        Duration delay = Duration.ofMillis(jittered);
        return providerWait.filter(w -> w.compareTo(delay) > 0).orElse(delay);
    }

    /**
     * How long every new dispatch waits after a 429: the provider's own wait when it gave one. Without one, a fixed
     * rpm backs off exponentially from the base delay; the adaptive pacer has already cut its rate, so it only
     * backs off once 429s keep coming (the third in a row and on).
     */
    Duration holdAfter429(Optional<Duration> providerWait, boolean fixedRpm, int consecutive429s) {
        if (providerWait.isPresent()) {
            return providerWait.get();
        }
        int streak = fixedRpm ? consecutive429s : consecutive429s - 2;
        return streak > 0 ? delay(streak, Optional.empty()) : Duration.ZERO;
    }

    /** {@code now + d} in monotonic nanos, saturating instead of overflowing (a provider may ask for years). */
    static long later(long now, Duration d) {
        long nanos = d.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : d.toNanos();
        long sum = now + nanos;
        return ((now ^ sum) & (nanos ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
