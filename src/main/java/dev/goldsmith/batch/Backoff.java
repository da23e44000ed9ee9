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

    /** The hold after a 429 that came without a wait: grows with consecutive 429s, capped. */
    Duration rateLimitHold(int consecutive) {
        return delay(consecutive, Optional.empty());
    }
}
