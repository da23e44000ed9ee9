package dev.goldsmith.ai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wait a provider asks for after a {@code 429}, from its headers, first found wins:
 * {@code retry-after-ms} (milliseconds), {@code Retry-After} (seconds or an HTTP date), then
 * {@code x-ratelimit-reset-requests} (a Go duration such as {@code 20ms}, {@code 1.5s}, {@code 6m0s}).
 * Malformed or negative values are ignored; an HTTP date already past means no wait ({@code 0}).
 */
public final class RetryAfter {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern GO_DURATION = Pattern.compile("((\\d+(\\.\\d+)?)(ns|us|µs|ms|s|m|h))+");

    private final Clock clock;

    public RetryAfter(Clock clock) {
        this.clock = clock;
    }

    /** The longest wait taken from a provider: a larger one (or a date years ahead) is held to this. */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    /**
     * Reads the wait from response headers; {@code header} returns {@code null} for an absent header. A wait over
     * {@link #MAX_WAIT} is capped there.
     */
    public Optional<Duration> parse(Function<String, String> header) {
        Optional<Duration> wait = millis(header.apply("retry-after-ms"));
        if (wait.isEmpty()) {
            wait = retryAfter(header.apply("Retry-After"));
        }
        if (wait.isEmpty()) {
            wait = goDuration(header.apply("x-ratelimit-reset-requests"));
        }
        return wait.map(w -> w.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : w);
    }

    static Optional<Duration> millis(String value) {
        return decimal(value).map(ms -> Duration.ofNanos(Math.round(ms * 1_000_000d)));
    }

    /** Seconds ({@code "30"}) or an RFC 1123 date ({@code "Wed, 21 Oct 2026 07:28:00 GMT"}). */
    Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Double> seconds = decimal(value);
        if (seconds.isPresent()) {
            return Optional.of(Duration.ofMillis(Math.round(seconds.get() * 1000d)));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code "20ms"}, {@code "1.5s"}, {@code "6m0s"}, {@code "1h2m3s"}. */
    static Optional<Duration> goDuration(String value) {
        if (value == null || !GO_DURATION.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        double nanos = 0;
        Matcher m = GO_PART.matcher(value.strip());
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            nanos += switch (m.group(2)) {
                case "ns" -> n;
                case "us", "µs" -> n * 1e3;
                case "ms" -> n * 1e6;
                case "s" -> n * 1e9;
                case "m" -> n * 60e9;
                default -> n * 3600e9;
            };
        }
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }

    /** A non-negative decimal number, or empty (a minus sign, letters or junk make it malformed). */
    private static Optional<Double> decimal(String value) {
        if (value == null || !NUMBER.matcher(value.strip()).matches()) {
            return Optional.empty();
        }
        double d = Double.parseDouble(value.strip());
        return Double.isFinite(d) && d <= 1e12 ? Optional.of(d) : Optional.empty();
    }
}
