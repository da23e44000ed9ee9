package dev.goldsmith.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings a batch runs with, kept in {@code batch_operations.metadata} so a resume uses them again.
 * The API key is never written: it always comes from the environment or the settings store.
 */
public record BatchSettings(BatchOptions options, ProviderSettings provider) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEARNED_RPM = "learned_rpm";
    private static final String LEARNED_TPM = "learned_tpm";
    private static final String LEARNED_FROM = "learned_from";

    public BatchSettings {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(provider, "provider");
    }

    public BatchSettings withOptions(BatchOptions value) {
        return new BatchSettings(value, provider);
    }

    public BatchSettings withProvider(ProviderSettings value) {
        return new BatchSettings(options, value);
    }

    /** The metadata JSON: settings, provider and model — never the key. */
    public String toMetadata(String appVersion) {
        ObjectNode n = JSON.createObjectNode();
        n.put("operation", options.operation().wireName());
        n.put("concurrency", options.concurrency());
        n.put("rpm", options.rpm());
        n.put("tpm", options.tpm());
        n.put("max_attempts", options.maxAttempts());
        n.put("base_delay_ms", options.baseDelay().toMillis());
        n.put("max_delay_ms", options.maxDelay().toMillis());
        n.put("max_rate_limit_waits", options.maxRateLimitWaits());
        if (options.maxCostUsd() != null) {
            n.put("max_cost_usd", options.maxCostUsd());
        }
        if (options.review()) {
            n.put("review", true); // answers become proposals: a resume keeps that
        }
        n.put("provider", provider.kind().id());
        n.put("base_url", provider.baseUrl());
        n.put("model", provider.model());
        if (provider.kind().usesDeployment()) {
            n.put("deployment", provider.deployment());
            n.put("api_version", provider.apiVersion());
        }
        n.put("temperature", provider.temperature());
        n.put("max_tokens", provider.maxTokens());
        n.put("timeout_ms", provider.timeout().toMillis());
        n.put("prompt_price_per_million", provider.pricing().promptPerMillion());
        n.put("completion_price_per_million", provider.pricing().completionPerMillion());
        n.put("goldsmith_version", appVersion);
        return n.toString();
    }

    /**
     * Reads what {@link #toMetadata} wrote; missing fields take their defaults. The key is left empty.
     *
     * @throws IllegalArgumentException metadata that is not JSON, or names a provider that is not one of
     *                                  {@link ProviderKind#ids()} (one sentence naming it)
     */
    public static BatchSettings fromMetadata(String metadata) {
        JsonNode n;
        try {
            n = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The batch's stored settings are not valid JSON.", e);
        }
        Operation op = Operation.fromWire(n.path("operation").asText("enhance")).orElse(Operation.ENHANCE);
        BatchOptions d = BatchOptions.defaults(op);
        BigDecimal maxCost = n.hasNonNull("max_cost_usd") ? n.get("max_cost_usd").decimalValue() : null;
        BatchOptions options = new BatchOptions(op, n.path("concurrency").asInt(d.concurrency()),
                n.path("rpm").asInt(d.rpm()), n.path("tpm").asInt(d.tpm()), n.path("max_attempts").asInt(d.maxAttempts()),
                Duration.ofMillis(n.path("base_delay_ms").asLong(d.baseDelay().toMillis())),
                Duration.ofMillis(n.path("max_delay_ms").asLong(d.maxDelay().toMillis())),
                n.path("max_rate_limit_waits").asInt(d.maxRateLimitWaits()), maxCost, n.path("review").asBoolean(false));
        ProviderSettings rules = ProviderSettings.rules();
        String id = n.path("provider").asText(ProviderKind.RULES.id());
        ProviderKind kind = ProviderKind.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "The provider '" + id + "' the batch ran with is not one of " + ProviderKind.ids() + "."));
        ProviderSettings provider = new ProviderSettings(kind,
                n.hasNonNull("base_url") ? n.get("base_url").asText() : null,
                n.hasNonNull("model") ? n.get("model").asText() : kind.defaultModel().orElse(null), null,
                n.path("temperature").asDouble(rules.temperature()), n.path("max_tokens").asInt(rules.maxTokens()),
                Duration.ofMillis(n.path("timeout_ms").asLong(rules.timeout().toMillis())), options.concurrency(),
                new Pricing(decimal(n, "prompt_price_per_million"), decimal(n, "completion_price_per_million")),
                text(n, "deployment"), text(n, "api_version"));
        return new BatchSettings(options, provider);
    }

    /**
     * The metadata of a batch that goes on with {@code now}: every setting {@code toMetadata} writes replaced by the
     * one it now runs with (a resume with other options, or with the settings saved today), what else was recorded
     * kept, and {@code appVersion} as the version when anything changed. {@code null} when nothing changed.
     */
    public static String metadataRunningWith(String metadata, BatchSettings now, String appVersion) {
        try {
            JsonNode old = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
            ObjectNode o = old instanceof ObjectNode obj ? obj.deepCopy() : JSON.createObjectNode();
            JsonNode version = o.get("goldsmith_version");
            o.remove(java.util.List.of("review", "max_cost_usd", "deployment", "api_version")); // written when set
            o.setAll((ObjectNode) JSON.readTree(now.toMetadata(appVersion)));
            if (version != null) {
                o.set("goldsmith_version", version);
            } else {
                o.remove("goldsmith_version");
            }
            if (o.equals(old)) {
                return null;
            }
            o.put("goldsmith_version", appVersion);
            return o.toString();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The batch's stored settings are not valid JSON.", e);
        }
    }

    /** Whether the batch runs in review mode (its answers become proposals); {@code false} when unreadable. */
    public static boolean isReview(String metadata) {
        try {
            return JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata).path("review").asBoolean(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The metadata JSON with review mode set to {@code review}; everything else as it was. */
    public static String metadataWithReview(String metadata, boolean review) {
        try {
            JsonNode n = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
            ObjectNode o = n instanceof ObjectNode obj ? obj : JSON.createObjectNode();
            if (review) {
                o.put("review", true);
            } else {
                o.remove("review");
            }
            return o.toString();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The batch's stored settings are not valid JSON.", e);
        }
    }

    /** The {@code max_tokens} the batch's requests ask for (the default when the metadata cannot be read). */
    static int maxTokens(String metadata) {
        try {
            return fromMetadata(metadata).provider().maxTokens();
        } catch (IllegalArgumentException e) {
            return ProviderSettings.rules().maxTokens();
        }
    }

    /**
     * The limit a run of the batch learned, kept beside its settings: {@code learned_rpm}, {@code learned_tpm} (per
     * minute) and {@code learned_from} ({@code provider}: its rate-limit headers; {@code 429s}: learned from its
     * refusals). {@link LearnedLimits#NONE} when there is none, or the metadata cannot be read.
     */
    public static LearnedLimits learnedLimits(String metadata) {
        try {
            JsonNode n = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
            return new LearnedLimits(n.path(LEARNED_RPM).asDouble(0), n.path(LEARNED_TPM).asDouble(0),
                    LearnedLimits.Source.fromWire(n.path(LEARNED_FROM).asText("")));
        } catch (java.io.IOException e) {
            return LearnedLimits.NONE;
        }
    }

    /** The metadata with the learned limit replaced (removed when {@code limits} is empty); the rest kept as it is. */
    public static String withLearnedLimits(String metadata, LearnedLimits limits) {
        ObjectNode n;
        try {
            JsonNode read = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
            n = read instanceof ObjectNode o ? o : JSON.createObjectNode();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The batch's stored settings are not valid JSON.", e);
        }
        n.remove(List.of(LEARNED_RPM, LEARNED_TPM, LEARNED_FROM));
        if (!limits.isEmpty()) {
            if (limits.requestsPerMinute() > 0) {
                n.put(LEARNED_RPM, Math.round(limits.requestsPerMinute() * 10) / 10.0);
            }
            if (limits.tokensPerMinute() > 0) {
                n.put(LEARNED_TPM, Math.round(limits.tokensPerMinute()));
            }
            n.put(LEARNED_FROM, limits.source().wireName());
        }
        return n.toString();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).decimalValue() : BigDecimal.ZERO;
    }
}
