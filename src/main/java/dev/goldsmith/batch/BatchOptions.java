package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a batch runs. Validated on construction: a bad value is refused with one sentence naming it.
 *
 * @param concurrency        requests in flight at most, 1–64
 * @param rpm                requests per minute cap, spread smoothly; 0 = none (adapt to the provider's 429s)
 * @param tpm                tokens per minute cap (a request counts as its prompt tokens + max_tokens); 0 = none
 * @param maxAttempts        attempts per item counting the first; 429s are not counted
 * @param baseDelay          first retry delay; doubles per attempt, with jitter
 * @param maxDelay           cap on one retry delay
 * @param maxRateLimitWaits  how many 429s one item may meet before it fails
 * @param maxCostUsd         stop dispatching once this much was spent; {@code null} = no budget
 * @param review             review mode: answers become proposals, nothing is written until one is accepted
 */
public record BatchOptions(Operation operation, int concurrency, int rpm, int tpm, int maxAttempts, Duration baseDelay,
                           Duration maxDelay, int maxRateLimitWaits, BigDecimal maxCostUsd, boolean review) {

    public static final int DEFAULT_CONCURRENCY = 5;
    public static final int MAX_CONCURRENCY = 64;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int MAX_ATTEMPTS = 20;
    public static final int MAX_RPM = 100_000;
    public static final int MAX_TPM = 1_000_000_000;
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(1000);
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RATE_LIMIT_WAITS = 50;

    public BatchOptions {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency + ".");
        }
        if (rpm < 0 || rpm > MAX_RPM) {
            throw new IllegalArgumentException("rpm must be 0 (no cap) or a number of requests per minute up to "
                    + MAX_RPM + ", not " + rpm + ".");
        }
        if (tpm < 0 || tpm > MAX_TPM) {
            throw new IllegalArgumentException("tpm must be 0 (no cap) or a number of tokens per minute up to "
                    + MAX_TPM + ", not " + tpm + ".");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("max attempts must be between 1 and " + MAX_ATTEMPTS + ", not " + maxAttempts + ".");
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException("base delay cannot be negative, not " + baseDelay.toMillis() + " ms.");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("max delay (" + maxDelay.toMillis() + " ms) cannot be below the base delay ("
                    + baseDelay.toMillis() + " ms).");
        }
        if (maxRateLimitWaits < 0) {
            throw new IllegalArgumentException("max rate-limit waits cannot be negative.");
        }
        if (maxCostUsd != null && maxCostUsd.signum() <= 0) {
            throw new IllegalArgumentException("max cost must be a positive amount of US dollars, not " + maxCostUsd.toPlainString() + ".");
        }
    }

    /** Without review mode: answers are written back as they arrive. */
    public BatchOptions(Operation operation, int concurrency, int rpm, int tpm, int maxAttempts, Duration baseDelay,
                        Duration maxDelay, int maxRateLimitWaits, BigDecimal maxCostUsd) {
        this(operation, concurrency, rpm, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, false);
    }

    public static BatchOptions defaults(Operation operation) {
        return new BatchOptions(operation, DEFAULT_CONCURRENCY, 0, 0, DEFAULT_MAX_ATTEMPTS, DEFAULT_BASE_DELAY,
                DEFAULT_MAX_DELAY, DEFAULT_MAX_RATE_LIMIT_WAITS, null);
    }

    public BatchOptions withConcurrency(int value) {
        return new BatchOptions(operation, value, rpm, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withRpm(int value) {
        return new BatchOptions(operation, concurrency, value, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withTpm(int value) {
        return new BatchOptions(operation, concurrency, rpm, value, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withMaxAttempts(int value) {
        return new BatchOptions(operation, concurrency, rpm, tpm, value, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withBaseDelay(Duration value) {
        Duration max = maxDelay.compareTo(value) < 0 ? value : maxDelay;
        return new BatchOptions(operation, concurrency, rpm, tpm, maxAttempts, value, max, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withMaxDelay(Duration value) {
        return new BatchOptions(operation, concurrency, rpm, tpm, maxAttempts, baseDelay, value, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withMaxCost(BigDecimal value) {
        return new BatchOptions(operation, concurrency, rpm, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, value, review);
    }

    public BatchOptions withOperation(Operation value) {
        return new BatchOptions(value, concurrency, rpm, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits, maxCostUsd, review);
    }

    public BatchOptions withReview(boolean value) {
        return new BatchOptions(operation, concurrency, rpm, tpm, maxAttempts, baseDelay, maxDelay, maxRateLimitWaits,
                maxCostUsd, value);
    }
}
