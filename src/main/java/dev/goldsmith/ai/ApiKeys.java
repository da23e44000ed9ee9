package dev.goldsmith.ai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API key — in the environment variables the provider's key may come from, first found wins (always
 * {@code GOLDSMITH_API_KEY} first, then the provider's own: {@code OPENAI_API_KEY}, {@code AZURE_OPENAI_API_KEY},
 * {@code ANTHROPIC_API_KEY}, or a preset's such as {@code GROQ_API_KEY}), else the settings store. Never a CLI
 * argument.
 */
public final class ApiKeys {

    public static final String GOLDSMITH_API_KEY = "GOLDSMITH_API_KEY";
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    public static final String AZURE_OPENAI_API_KEY = "AZURE_OPENAI_API_KEY";
    public static final String ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";

    private ApiKeys() {
    }

    /**
     * {@code GOLDSMITH_API_KEY}, else {@code OPENAI_API_KEY}, else the store: the lookup of the OpenAI-compatible
     * provider, kept for callers that do not yet say which provider the key is for.
     */
    public static Optional<ApiKey> resolve(Map<String, String> env, Optional<String> stored) {
        return resolve(ProviderKind.OPENAI.keyVariables(), env, stored);
    }

    /** The key for {@code kind}: its {@link ProviderKind#keyVariables()}, else the store; none for the rules engine. */
    public static Optional<ApiKey> resolve(ProviderKind kind, Map<String, String> env, Optional<String> stored) {
        return kind.isRemote() ? resolve(kind.keyVariables(), env, stored) : Optional.empty();
    }

    /**
     * The key for {@code settings}: the variables of the preset the settings point at (same provider and base URL,
     * e.g. Groq's {@code GROQ_API_KEY}), else those of the provider kind, else the store. None for the rules engine.
     */
    public static Optional<ApiKey> resolve(ProviderSettings settings, Map<String, String> env, Optional<String> stored) {
        if (!settings.kind().isRemote()) {
            return Optional.empty();
        }
        return resolve(variables(settings), env, stored);
    }

    /**
     * The environment variables the key for {@code settings} is read from, in order (see
     * {@link #resolve(ProviderSettings, Map, Optional)}): what a refused key's message tells the user to check.
     */
    public static List<String> variables(ProviderSettings settings) {
        return ProviderPreset.matching(settings).map(ProviderPreset::keyVariables)
                .orElseGet(() -> settings.kind().keyVariables());
    }

    private static Optional<ApiKey> resolve(List<String> names, Map<String, String> env, Optional<String> stored) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ApiKey(value.strip(), ApiKey.Source.ENVIRONMENT, name));
            }
        }
        return stored.filter(s -> !s.isBlank())
                .map(s -> new ApiKey(s.strip(), ApiKey.Source.SETTINGS, "the settings store"));
    }
}
