package dev.goldsmith.ai;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A service Goldsmith knows how to reach, as the settings screen offers it and docs/providers.md describes it: the
 * provider kind it speaks, its base URL, a default model, where its key comes from, and list prices per million tokens
 * for its common models (editable in the settings; {@link #PRICES_AS_OF} says when they were recorded — they are list
 * prices to check against the provider's pricing page, not a quote).
 *
 * @param id              "openai", "azure", "anthropic", "openrouter", "groq", "gemini", "ollama", "lmstudio", "vllm"
 * @param baseUrl         where calls go; for Azure an example to replace with the resource's own
 *                        ({@link #baseUrlIsExample})
 * @param defaultModel    the model filled in (for Azure also the usual deployment name)
 * @param keyVariables    the environment variables the key is read from, in order; {@code GOLDSMITH_API_KEY} first
 * @param keyRequired     whether the service refuses calls without a key (local servers do not)
 * @param prices          list prices of its common models, in US dollars per million input and output tokens
 */
public record ProviderPreset(String id, String displayName, ProviderKind kind, String baseUrl, boolean baseUrlIsExample,
                             String defaultModel, List<String> keyVariables, boolean keyRequired,
                             List<ModelPrice> prices) {

    /** When the prices below were recorded, from the providers' published list prices; check them before relying on them. */
    public static final LocalDate PRICES_AS_OF = LocalDate.of(2026, 12, 1);

    /** A model's list price in US dollars per million input (prompt) and output (completion) tokens. */
    public record ModelPrice(String model, Pricing pricing) {
        public ModelPrice {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(pricing, "pricing");
        }

        static ModelPrice of(String model, double input, double output) {
            return new ModelPrice(model, Pricing.perMillion(input, output));
        }
    }

    public ProviderPreset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(baseUrl, "baseUrl");
        keyVariables = List.copyOf(keyVariables);
        prices = List.copyOf(prices);
    }

    private static final String G = ApiKeys.GOLDSMITH_API_KEY;

    private static final List<ProviderPreset> ALL = List.of(
            new ProviderPreset("openai", "OpenAI", ProviderKind.OPENAI, "https://api.openai.com/v1", false, "gpt-4o-mini",
                    List.of(G, ApiKeys.OPENAI_API_KEY), true, List.of(
                            ModelPrice.of("gpt-4o-mini", 0.15, 0.60),
                            ModelPrice.of("gpt-4.1-nano", 0.10, 0.40),
                            ModelPrice.of("gpt-4.1-mini", 0.40, 1.60),
                            ModelPrice.of("gpt-4.1", 2.00, 8.00),
                            ModelPrice.of("gpt-4o", 2.50, 10.00))),
            new ProviderPreset("azure", "Azure OpenAI", ProviderKind.AZURE, ProviderKind.AZURE_EXAMPLE_BASE_URL, true,
                    "gpt-4o-mini", List.of(G, ApiKeys.AZURE_OPENAI_API_KEY), true, List.of(
                            // Global Standard deployments; regional and data-zone deployments list about 10% more
                            ModelPrice.of("gpt-4o-mini", 0.15, 0.60),
                            ModelPrice.of("gpt-4.1-mini", 0.40, 1.60),
                            ModelPrice.of("gpt-4.1", 2.00, 8.00),
                            ModelPrice.of("gpt-4o", 2.50, 10.00))),
            new ProviderPreset("anthropic", "Anthropic", ProviderKind.ANTHROPIC, "https://api.anthropic.com/v1", false,
                    "claude-haiku-4-5", List.of(G, ApiKeys.ANTHROPIC_API_KEY), true, List.of(
                            ModelPrice.of("claude-haiku-4-5", 1.00, 5.00),
                            ModelPrice.of("claude-sonnet-4-5", 3.00, 15.00),
                            ModelPrice.of("claude-opus-4-5", 5.00, 25.00))),
            new ProviderPreset("openrouter", "OpenRouter", ProviderKind.OPENAI, "https://openrouter.ai/api/v1", false,
                    "openai/gpt-4o-mini", List.of(G, "OPENROUTER_API_KEY"), true, List.of(
                            ModelPrice.of("openai/gpt-4o-mini", 0.15, 0.60),
                            ModelPrice.of("google/gemini-2.5-flash-lite", 0.10, 0.40),
                            ModelPrice.of("anthropic/claude-haiku-4.5", 1.00, 5.00))),
            new ProviderPreset("groq", "Groq", ProviderKind.OPENAI, "https://api.groq.com/openai/v1", false,
                    "llama-3.3-70b-versatile", List.of(G, "GROQ_API_KEY"), true, List.of(
                            ModelPrice.of("llama-3.3-70b-versatile", 0.59, 0.79),
                            ModelPrice.of("llama-3.1-8b-instant", 0.05, 0.08),
                            ModelPrice.of("openai/gpt-oss-120b", 0.15, 0.60))),
            new ProviderPreset("gemini", "Google Gemini", ProviderKind.OPENAI,
                    "https://generativelanguage.googleapis.com/v1beta/openai", false, "gemini-2.5-flash-lite",
                    List.of(G, "GEMINI_API_KEY"), true, List.of(
                            ModelPrice.of("gemini-2.5-flash-lite", 0.10, 0.40),
                            ModelPrice.of("gemini-2.5-flash", 0.30, 2.50),
                            ModelPrice.of("gemini-2.5-pro", 1.25, 10.00))),
            new ProviderPreset("ollama", "Ollama", ProviderKind.OPENAI, "http://localhost:11434/v1", false, "llama3.2",
                    List.of(G), false, List.of(
                            ModelPrice.of("llama3.2", 0, 0),
                            ModelPrice.of("qwen2.5:7b", 0, 0))),
            new ProviderPreset("lmstudio", "LM Studio", ProviderKind.OPENAI, "http://localhost:1234/v1", false,
                    "qwen2.5-7b-instruct", List.of(G), false, List.of(
                            ModelPrice.of("qwen2.5-7b-instruct", 0, 0))),
            new ProviderPreset("vllm", "vLLM", ProviderKind.OPENAI, "http://localhost:8000/v1", false,
                    "Qwen/Qwen2.5-7B-Instruct", List.of(G), false, List.of(
                            ModelPrice.of("Qwen/Qwen2.5-7B-Instruct", 0, 0))));

    /** Every preset, in the order the settings screen offers them. */
    public static List<ProviderPreset> all() {
        return ALL;
    }

    /** The preset whose id is {@code id} (ignoring case). */
    public static Optional<ProviderPreset> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.id.equals(wanted)).findFirst();
    }

    /**
     * The preset {@code settings} point at: the same provider kind and base URL (ignoring case of the host, a trailing
     * slash, and the kind's default standing in for no base URL). Empty for a server of one's own. An Azure preset's
     * example URL matches no real resource; any Azure settings take the Azure preset.
     */
    public static Optional<ProviderPreset> matching(ProviderSettings settings) {
        ProviderKind kind = settings.kind();
        if (kind.usesDeployment()) {
            return ALL.stream().filter(p -> p.kind == kind).findFirst();
        }
        String url = settings.baseUrl() == null || settings.baseUrl().isBlank()
                ? kind.defaultBaseUrl().orElse(null) : settings.baseUrl();
        Optional<String> wanted = normalized(url);
        return wanted.flatMap(w -> ALL.stream().filter(p -> p.kind == kind && normalized(p.baseUrl).equals(wanted))
                .findFirst());
    }

    private static Optional<String> normalized(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            return Optional.empty();
        }
        String s = parsed.toString();
        return Optional.of(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** The list price of {@code model} (ignoring case), when this preset knows it. */
    public Optional<Pricing> pricing(String model) {
        if (model == null) {
            return Optional.empty();
        }
        return prices.stream().filter(p -> p.model().equalsIgnoreCase(model.strip())).map(ModelPrice::pricing).findFirst();
    }

    /**
     * Settings for this preset: its kind, base URL and default model at that model's list price, with the usual
     * temperature 0.7, {@code max_tokens} 500, a 60 s timeout and 5 connections; no key (it comes from
     * {@link #keyVariables} or the store). For Azure the base URL is the example and the deployment is the default
     * model's name: both to be replaced with the resource's own.
     */
    public ProviderSettings settings() {
        ProviderSettings s = new ProviderSettings(kind, baseUrl, defaultModel, null, 0.7, 500,
                Duration.ofSeconds(60), 5, pricing(defaultModel).orElse(Pricing.FREE));
        return kind.usesDeployment() ? s.withDeployment(defaultModel) : s;
    }
}
