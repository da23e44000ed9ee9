package dev.goldsmith.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to build an {@link Enhancer}. The API key is held here but never printed:
 * {@link #toString()} masks it.
 *
 * @param provider     "rules" or "openai"
 * @param baseUrl      e.g. {@code https://api.openai.com/v1}
 * @param apiKey       may be {@code null} (rules provider, or a local server without auth)
 * @param maxConnections the connection pool size: the batch concurrency
 */
public record ProviderSettings(String provider, String baseUrl, String model, String apiKey,
                               double temperature, int maxTokens, Duration timeout, int maxConnections,
                               Pricing pricing) {

    public static final String RULES = "rules";
    public static final String OPENAI = "openai";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** The longest request timeout: what the HTTP client can take, and more than any answer needs. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The shortest request timeout: the HTTP client counts in milliseconds. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    public ProviderSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(timeout, "timeout");
        pricing = pricing == null ? Pricing.FREE : pricing;
    }

    /** The offline rules provider with defaults. */
    public static ProviderSettings rules() {
        return new ProviderSettings(RULES, null, "rules", null, 0.7, 500, Duration.ofSeconds(60), 5, Pricing.FREE);
    }

    public ProviderSettings withApiKey(String key) {
        return new ProviderSettings(provider, baseUrl, model, key, temperature, maxTokens, timeout, maxConnections, pricing);
    }

    public ProviderSettings withMaxConnections(int connections) {
        return new ProviderSettings(provider, baseUrl, model, apiKey, temperature, maxTokens, timeout, connections, pricing);
    }

    /**
     * Checks that {@code timeout} is one the HTTP client can take: {@link #MIN_TIMEOUT} to {@link #MAX_TIMEOUT}.
     *
     * @throws IllegalArgumentException one sentence naming the value and the allowed range
     */
    public static Duration requireTimeout(Duration timeout) {
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("The request timeout must be between 1 ms and 1 hour ("
                    + String.format(java.util.Locale.ROOT, "%,d", MAX_TIMEOUT.toMillis()) + " ms), not " + describe(timeout) + ".");
        }
        return timeout;
    }

    private static String describe(Duration d) {
        if (d.getNano() % 1_000_000 != 0 && d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
            return new java.math.BigDecimal(d.toNanos()).movePointLeft(6).stripTrailingZeros().toPlainString() + " ms";
        }
        try {
            return d.toMillis() + " ms";
        } catch (ArithmeticException e) {
            return d.toString();
        }
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (hasApiKey() ? "****" : "none") + ", temperature=" + temperature
                + ", maxTokens=" + maxTokens + ", timeout=" + timeout + ", maxConnections=" + maxConnections
                + ", pricing=" + pricing + "]";
    }
}
