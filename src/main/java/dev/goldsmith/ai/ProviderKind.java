package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.Request;

/**
 * The providers Goldsmith speaks to, and the one place that knows each: its id (the wire name in settings, batch
 * metadata and {@code --provider}), its wire format, default base URL and model, the environment variables its key
 * may come from (in order), the header the key is sent in, what it supports (structured outputs, which rate-limit
 * headers it announces) and how its {@link Enhancer} is built. Code asks the kind instead of comparing names; switches
 * over it are exhaustive, so a new constant makes the compiler list every place to handle
 * (docs/architecture.md, "How to add a provider").
 */
public enum ProviderKind {

    /** The offline rules engine: no network, no key, not an AI model. */
    RULES("rules", "Offline rules (not an AI model)", WireFormat.OFFLINE, null, "rules", List.of(), KeyHeader.NONE,
            false, LimitHeaders.NONE),
    /** Any OpenAI-compatible {@code POST {base}/chat/completions}: OpenAI, OpenRouter, Groq, Gemini, Ollama, LM Studio, vLLM. */
    OPENAI("openai", "OpenAI-compatible", WireFormat.CHAT_COMPLETIONS, "https://api.openai.com/v1", "gpt-4o-mini",
            List.of(ApiKeys.GOLDSMITH_API_KEY, ApiKeys.OPENAI_API_KEY), KeyHeader.BEARER, true, LimitHeaders.OPENAI),
    /**
     * Azure OpenAI: chat completions at {@code {base}/openai/deployments/{deployment}/chat/completions?api-version={v}}.
     * No default base URL (it is the resource's own) and no default model (the deployment's name stands in).
     */
    AZURE("azure", "Azure OpenAI", WireFormat.CHAT_COMPLETIONS, null, null,
            List.of(ApiKeys.GOLDSMITH_API_KEY, ApiKeys.AZURE_OPENAI_API_KEY), KeyHeader.API_KEY, true, LimitHeaders.OPENAI),
    /** Anthropic's Messages API, {@code POST {base}/messages}. */
    ANTHROPIC("anthropic", "Anthropic", WireFormat.MESSAGES, "https://api.anthropic.com/v1", "claude-haiku-4-5",
            List.of(ApiKeys.GOLDSMITH_API_KEY, ApiKeys.ANTHROPIC_API_KEY), KeyHeader.X_API_KEY, false, LimitHeaders.ANTHROPIC);

    /** What an Azure OpenAI base URL looks like: the resource's endpoint. */
    public static final String AZURE_EXAMPLE_BASE_URL = "https://NAME.openai.azure.com";

    /** How requests and answers are written. */
    public enum WireFormat {
        /** No network at all. */
        OFFLINE,
        /** OpenAI's {@code /chat/completions}. */
        CHAT_COMPLETIONS,
        /** Anthropic's {@code /messages}. */
        MESSAGES
    }

    /** The header an API key is sent in. */
    public enum KeyHeader {
        /** No key is sent. */
        NONE(null, ""),
        /** {@code Authorization: Bearer KEY} (OpenAI and compatible servers). */
        BEARER("Authorization", "Bearer "),
        /** {@code api-key: KEY} (Azure OpenAI). */
        API_KEY("api-key", ""),
        /** {@code x-api-key: KEY} (Anthropic). */
        X_API_KEY("x-api-key", "");

        private final String header;
        private final String prefix;

        KeyHeader(String header, String prefix) {
            this.header = header;
            this.prefix = prefix;
        }

        /** The header's name; empty for {@link #NONE}. */
        public Optional<String> header() {
            return Optional.ofNullable(header);
        }

        /** Sets the key's header on {@code request} when there is a key (trimmed); nothing otherwise. */
        void apply(Request.Builder request, String key) {
            if (header != null && key != null && !key.isBlank()) {
                request.header(header, prefix + key.strip());
            }
        }
    }

    /** The rate-limit headers a provider announces (all are read by {@link RateLimitHeaders} whichever it is). */
    public enum LimitHeaders {
        /** None (the offline rules engine). */
        NONE,
        /** {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}}, resets as Go durations. */
        OPENAI,
        /** {@code anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-{limit,remaining,reset}}, RFC 3339 resets. */
        ANTHROPIC
    }

    private final String id;
    private final String displayName;
    private final WireFormat wireFormat;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final List<String> keyVariables;
    private final KeyHeader keyHeader;
    private final boolean structuredOutputs;
    private final LimitHeaders limitHeaders;

    ProviderKind(String id, String displayName, WireFormat wireFormat, String defaultBaseUrl, String defaultModel,
                 List<String> keyVariables, KeyHeader keyHeader, boolean structuredOutputs, LimitHeaders limitHeaders) {
        this.id = id;
        this.displayName = displayName;
        this.wireFormat = wireFormat;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.keyVariables = keyVariables;
        this.keyHeader = keyHeader;
        this.structuredOutputs = structuredOutputs;
        this.limitHeaders = limitHeaders;
    }

    /** "rules", "openai", "azure", "anthropic": the name in settings, metadata, outcomes and {@code --provider}. */
    public String id() {
        return id;
    }

    /** "Azure OpenAI": for people. */
    public String displayName() {
        return displayName;
    }

    public WireFormat wireFormat() {
        return wireFormat;
    }

    /** Whether calls go over the network (all but the rules engine). */
    public boolean isRemote() {
        return wireFormat != WireFormat.OFFLINE;
    }

    /** The base URL used when none is set; empty for Azure (the resource's own) and the rules engine. */
    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    /** The model used when none is set; empty for Azure, where the deployment's name stands in. */
    public Optional<String> defaultModel() {
        return Optional.ofNullable(defaultModel);
    }

    /** The environment variables the key is read from, first found wins; empty when no key is used. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    public KeyHeader keyHeader() {
        return keyHeader;
    }

    /** Whether a deployment name (and an api-version) go into the URL: Azure. */
    public boolean usesDeployment() {
        return this == AZURE;
    }

    /**
     * Whether answers are asked for as the operation's JSON schema (structured outputs) by default. OpenAI-compatible
     * servers are asked by default (a server that refuses is asked again with less, once per batch); Azure from
     * api-version 2024-08-01-preview on ({@link #structuredOutputs(ProviderSettings)}); Anthropic has none.
     */
    public boolean structuredOutputs() {
        return structuredOutputs;
    }

    /** {@link #structuredOutputs()} for these settings: for Azure it depends on the api-version. */
    public boolean structuredOutputs(ProviderSettings settings) {
        return switch (this) {
            case RULES, ANTHROPIC -> false;
            case OPENAI -> true;
            case AZURE -> ChatCompletions.structuredOutputs(settings.apiVersion());
        };
    }

    public LimitHeaders limitHeaders() {
        return limitHeaders;
    }

    /**
     * Builds this provider's enhancer.
     *
     * @throws IllegalArgumentException one sentence (never the key) for settings it cannot run with: a base URL that
     *                                  is invalid or plain http to a host that is not loopback, an empty model, a
     *                                  missing Azure deployment, a timeout outside 1 ms – 1 hour
     */
    public Enhancer create(ProviderSettings settings) {
        return switch (this) {
            case RULES -> new RulesEnhancer();
            case OPENAI, AZURE -> new OpenAiEnhancer(settings.withKind(this));
            case ANTHROPIC -> new AnthropicEnhancer(settings.withKind(this));
        };
    }

    /** The wire format of an HTTP provider, checked against {@code settings}. */
    Wire wire(ProviderSettings settings, ObjectMapper mapper) {
        return switch (this) {
            case RULES -> throw new IllegalStateException("the rules provider has no wire format");
            case OPENAI -> ChatCompletions.openAi(settings, mapper);
            case AZURE -> ChatCompletions.azure(settings, mapper);
            case ANTHROPIC -> new AnthropicMessages(settings, mapper);
        };
    }

    /** The kind whose id is {@code id}, ignoring case and surrounding space; empty for an unknown or missing one. */
    public static Optional<ProviderKind> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }

    /**
     * The kind whose id is {@code id}.
     *
     * @throws IllegalArgumentException "The provider 'claude' is not one of rules, openai, azure, anthropic."
     */
    public static ProviderKind require(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(unknown(id)));
    }

    /** "The provider 'x' is not one of rules, openai, azure, anthropic." */
    public static String unknown(String id) {
        return "The provider '" + id + "' is not one of " + ids() + ".";
    }

    /** "rules, openai, azure, anthropic". */
    public static String ids() {
        return Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", "));
    }
}
