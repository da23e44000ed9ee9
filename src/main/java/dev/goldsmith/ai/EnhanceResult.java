package dev.goldsmith.ai;

import dev.goldsmith.vault.QualityTier;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one call to a provider: a success or a classified failure. */
public sealed interface EnhanceResult {

    /** Time from dispatch to answer. */
    Duration latency();

    /** Token usage reported by the provider (zero when none was reported). */
    Usage usage();

    /** The rate limits the provider announced with this answer ({@link RateLimits#NONE} when it sent none). */
    RateLimits limits();

    /**
     * A validated answer.
     *
     * @param content  the new content for {@code enhance}; {@code null} for {@code keyword_suggest}
     * @param newTier  the new tier for {@code enhance}; {@code null} for {@code keyword_suggest}
     * @param keywords 0..10 distinct keywords of 1–60 characters
     * @param confidence 0..1, or {@code null}
     */
    record Success(String content, QualityTier newTier, List<String> keywords, Double confidence,
                   String provider, Usage usage, Duration latency, RateLimits limits) implements EnhanceResult {
        public Success {
            keywords = List.copyOf(keywords);
            Objects.requireNonNull(usage, "usage");
            Objects.requireNonNull(latency, "latency");
            limits = limits == null ? RateLimits.NONE : limits;
        }

        /** An answer that came without rate-limit headers. */
        public Success(String content, QualityTier newTier, List<String> keywords, Double confidence,
                       String provider, Usage usage, Duration latency) {
            this(content, newTier, keywords, confidence, provider, usage, latency, RateLimits.NONE);
        }

        public Success withLimits(RateLimits value) {
            return new Success(content, newTier, keywords, confidence, provider, usage, latency, value);
        }
    }

    /**
     * A failed call.
     *
     * @param message    one sentence a person can read (never contains the API key)
     * @param httpStatus the HTTP status, or 0 when there was no HTTP answer
     * @param retryAfter the wait the provider asked for, when it gave one
     */
    record Failure(FailureKind kind, String message, int httpStatus, Optional<Duration> retryAfter,
                   Usage usage, Duration latency, RateLimits limits) implements EnhanceResult {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
            usage = usage == null ? Usage.NONE : usage;
            Objects.requireNonNull(latency, "latency");
            limits = limits == null ? RateLimits.NONE : limits;
        }

        /** A failure that came without rate-limit headers. */
        public Failure(FailureKind kind, String message, int httpStatus, Optional<Duration> retryAfter,
                       Usage usage, Duration latency) {
            this(kind, message, httpStatus, retryAfter, usage, latency, RateLimits.NONE);
        }

        public Failure withLimits(RateLimits value) {
            return new Failure(kind, message, httpStatus, retryAfter, usage, latency, value);
        }

        public static Failure of(FailureKind kind, String message, int httpStatus, Duration latency) {
            return new Failure(kind, message, httpStatus, Optional.empty(), Usage.NONE, latency);
        }
    }
}
