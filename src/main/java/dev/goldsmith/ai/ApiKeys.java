package dev.goldsmith.ai;

import java.util.Map;
import java.util.Optional;

/** Finds the API key: {@code GOLDSMITH_API_KEY}, else {@code OPENAI_API_KEY}, else the settings store. Never a CLI argument. */
public final class ApiKeys {

    public static final String GOLDSMITH_API_KEY = "GOLDSMITH_API_KEY";
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";

    private ApiKeys() {
    }

    /** The first non-blank key, trimmed, with where it came from; empty when there is none. */
    public static Optional<ApiKey> resolve(Map<String, String> env, Optional<String> stored) {
        for (String name : new String[] {GOLDSMITH_API_KEY, OPENAI_API_KEY}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(new ApiKey(value.strip(), ApiKey.Source.ENVIRONMENT, name));
            }
        }
        return stored.filter(s -> !s.isBlank())
                .map(s -> new ApiKey(s.strip(), ApiKey.Source.SETTINGS, "the settings store"));
    }
}
