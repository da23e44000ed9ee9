package dev.goldsmith.ai;

import dev.goldsmith.ai.RateLimits.Budget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the rate limits a provider announces in the headers of an answer — any answer: a 200, a 429 or an error —
 * into {@link RateLimits}. Independent of any one provider: it takes a header lookup, so the OpenAI-compatible
 * provider and any other can share it.
 *
 * <ul>
 *   <li>OpenAI style (OpenAI, Azure, Groq, …): {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}};</li>
 *   <li>Anthropic: {@code anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}}.</li>
 * </ul>
 *
 * <p>Limits and remainders are whole non-negative numbers. A reset is read in whichever form it comes: a Go
 * duration ({@code 20ms}, {@code 1s}, {@code 6m0s}, {@code 1h2m3.5s}), a bare number of seconds, or an RFC 3339 time
 * ({@code 2026-01-01T00:00:30Z}, turned into a wait on the clock; one already past is {@code 0}); a reset further
 * than {@link #MAX_RESET} away is held there. When both styles name the same part, the OpenAI one wins. A header
 * that is missing, empty or garbled leaves its part out; it is never an error.
 */
public final class RateLimitHeaders {

    /** The longest reset taken from a header; a longer one (a date years ahead) is held to this. */
    public static final Duration MAX_RESET = Duration.ofDays(1);

    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    private final Clock clock;

    public RateLimitHeaders(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The limits announced by the headers {@code header} returns (case-insensitively, {@code null} when absent);
     * {@link RateLimits#NONE} when there are none.
     */
    public RateLimits parse(Function<String, String> header) {
        RateLimits limits = new RateLimits(
                budget(header, "x-ratelimit-%s-requests", "anthropic-ratelimit-requests-%s"),
                budget(header, "x-ratelimit-%s-tokens", "anthropic-ratelimit-tokens-%s"),
                budget(header, null, "anthropic-ratelimit-input-tokens-%s"),
                budget(header, null, "anthropic-ratelimit-output-tokens-%s"));
        return limits.isEmpty() ? RateLimits.NONE : limits;
    }

    private Optional<Budget> budget(Function<String, String> header, String openAi, String anthropic) {
        OptionalLong limit = first(whole(value(header, openAi, "limit")), whole(value(header, anthropic, "limit")));
        OptionalLong remaining = first(whole(value(header, openAi, "remaining")),
                whole(value(header, anthropic, "remaining")));
        Optional<Duration> reset = reset(value(header, openAi, "reset")).or(() -> reset(value(header, anthropic, "reset")));
        if (limit.isEmpty() && remaining.isEmpty() && reset.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Budget(limit, remaining, reset));
    }

    private static String value(Function<String, String> header, String pattern, String part) {
        if (pattern == null) {
            return null;
        }
        String v = header.apply(String.format(Locale.ROOT, pattern, part));
        return v == null ? null : v.strip();
    }

    private static OptionalLong first(OptionalLong a, OptionalLong b) {
        return a.isPresent() ? a : b;
    }

    /** A whole non-negative number that fits a {@code long}, or empty. */
    static OptionalLong whole(String value) {
        if (value == null || !WHOLE.matcher(value).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** A Go duration, a number of seconds or an RFC 3339 time; at most {@link #MAX_RESET}; empty when garbled. */
    Optional<Duration> reset(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> wait = RetryAfter.goDuration(value);
        if (wait.isEmpty() && SECONDS.matcher(value).matches()) {
            wait = Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(value) * 1e9)));
        }
        if (wait.isEmpty()) {
            wait = instant(value).map(at -> {
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            });
        }
        return wait.map(d -> d.compareTo(MAX_RESET) > 0 ? MAX_RESET : d);
    }

    private static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
