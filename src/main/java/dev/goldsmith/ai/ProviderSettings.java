package dev.goldsmith.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything needed to build an {@link Enhancer}. The API key is held here but never printed:
 * {@link #toString()} masks it.
 *
 * @param kind           the provider: rules, openai, azure or anthropic
 * @param baseUrl        e.g. {@code https://api.openai.com/v1}; {@code null} for the kind's default
 * @param model          the model; for Azure the underlying model (for token counts and history), or {@code null}
 *                       to take the deployment's name
 * @param apiKey         may be {@code null} (rules provider, or a local server without auth)
 * @param maxConnections the connection pool size: the batch concurrency
 * @param deployment     Azure only: the deployment name in the URL; {@code null} elsewhere
 * @param apiVersion     Azure only: the {@code api-version} query parameter ({@link #DEFAULT_API_VERSION} when not
 *                       given)
 */
public record ProviderSettings(ProviderKind kind, String baseUrl, String model, String apiKey,
                               double temperature, int maxTokens, Duration timeout, int maxConnections,
                               Pricing pricing, String deployment, String apiVersion) {

    /** The {@code openai} provider's default base URL ({@link ProviderKind#defaultBaseUrl()} of {@code OPENAI}). */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The {@code openai} provider's default model. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    /** The Azure OpenAI {@code api-version} used when none is given: the GA version with structured outputs. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";
    /** The longest request timeout: what the HTTP client can take, and more than any answer needs. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    /** The shortest request timeout: the HTTP client counts in milliseconds. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(1);

    public ProviderSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        pricing = pricing == null ? Pricing.FREE : pricing;
        deployment = deployment == null || deployment.isBlank() ? null : deployment.strip();
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion.strip();
    }

    /** Settings without an Azure deployment (and the default api-version). */
    public ProviderSettings(ProviderKind kind, String baseUrl, String model, String apiKey, double temperature,
                            int maxTokens, Duration timeout, int maxConnections, Pricing pricing) {
        this(kind, baseUrl, model, apiKey, temperature, maxTokens, timeout, maxConnections, pricing, null, null);
    }

    /** The offline rules provider with defaults. */
    public static ProviderSettings rules() {
        return new ProviderSettings(ProviderKind.RULES, null, "rules", null, 0.7, 500, Duration.ofSeconds(60), 5,
                Pricing.FREE);
    }

    /**
     * A provider with its defaults: its default base URL and model (none for Azure, whose resource and deployment
     * are the user's own), temperature 0.7, {@code max_tokens} 500, a 60 s timeout, 5 connections, free.
     */
    public static ProviderSettings defaults(ProviderKind kind) {
        return new ProviderSettings(kind, kind.defaultBaseUrl().orElse(null), kind.defaultModel().orElse(null), null,
                0.7, 500, Duration.ofSeconds(60), 5, Pricing.FREE);
    }

    /**
     * These settings with the kind's defaults filled in where nothing is set: the base URL and the model (the one
     * rule "an openai provider without a base URL talks to api.openai.com" lives here).
     */
    public ProviderSettings withDefaultsFilledIn() {
        return new ProviderSettings(kind,
                baseUrl == null || baseUrl.isBlank() ? kind.defaultBaseUrl().orElse(null) : baseUrl,
                model == null || model.isBlank() ? kind.defaultModel().orElse(null) : model,
                apiKey, temperature, maxTokens, timeout, maxConnections, pricing, deployment, apiVersion);
    }

    public ProviderSettings withApiKey(String key) {
        return new ProviderSettings(kind, baseUrl, model, key, temperature, maxTokens, timeout, maxConnections,
                pricing, deployment, apiVersion);
    }

    public ProviderSettings withMaxConnections(int connections) {
        return new ProviderSettings(kind, baseUrl, model, apiKey, temperature, maxTokens, timeout, connections,
                pricing, deployment, apiVersion);
    }

    /** The same settings for another provider {@code value} (base URL and model as they are). */
    public ProviderSettings withKind(ProviderKind value) {
        return new ProviderSettings(value, baseUrl, model, apiKey, temperature, maxTokens, timeout, maxConnections,
                pricing, deployment, apiVersion);
    }

    /** The same settings with another base URL ({@code null} for the kind's default). */
    public ProviderSettings withBaseUrl(String value) {
        return new ProviderSettings(kind, value, model, apiKey, temperature, maxTokens, timeout, maxConnections,
                pricing, deployment, apiVersion);
    }

    /** The same settings at other prices. */
    public ProviderSettings withPricing(Pricing value) {
        return new ProviderSettings(kind, baseUrl, model, apiKey, temperature, maxTokens, timeout, maxConnections,
                value, deployment, apiVersion);
    }

    /** Azure: the deployment the calls go to. */
    public ProviderSettings withDeployment(String value) {
        return new ProviderSettings(kind, baseUrl, model, apiKey, temperature, maxTokens, timeout, maxConnections,
                pricing, value, apiVersion);
    }

    /** Azure: the {@code api-version}; {@code null} or blank for {@link #DEFAULT_API_VERSION}. */
    public ProviderSettings withApiVersion(String value) {
        return new ProviderSettings(kind, baseUrl, model, apiKey, temperature, maxTokens, timeout, maxConnections,
                pricing, deployment, value);
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
        return "ProviderSettings[provider=" + kind.id() + ", baseUrl=" + baseUrl + ", model=" + model
                + ", apiKey=" + (hasApiKey() ? "****" : "none") + ", temperature=" + temperature
                + ", maxTokens=" + maxTokens + ", timeout=" + timeout + ", maxConnections=" + maxConnections
                + ", pricing=" + pricing + (deployment == null ? "" : ", deployment=" + deployment)
                + (kind.usesDeployment() ? ", apiVersion=" + apiVersion : "") + "]";
    }
}
