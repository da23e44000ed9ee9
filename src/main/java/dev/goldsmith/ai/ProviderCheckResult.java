package dev.goldsmith.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ProviderCheck} found.
 *
 * @param ok         true when the model answered
 * @param message    one plain sentence: "OK: model gpt-4o-mini answered in 230 ms.", "The API key was refused (401)."
 * @param httpStatus the HTTP status, or 0 when there was no HTTP answer
 * @param latency    how long the check took
 */
public record ProviderCheckResult(boolean ok, String message, int httpStatus, Duration latency) {
    public ProviderCheckResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(latency, "latency");
    }
}
