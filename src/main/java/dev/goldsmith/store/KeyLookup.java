package dev.goldsmith.store;

import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.ApiKeys;
import dev.goldsmith.ai.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the API key for a provider comes from, the one lookup both faces use (the command line's batches and
 * provider check, the window's launch, resume and Test connection): the environment variables of the provider — of
 * the preset its settings point at ({@code GROQ_API_KEY} for Groq), else of its kind ({@code ANTHROPIC_API_KEY} for
 * Anthropic), always {@code GOLDSMITH_API_KEY} first — else the key saved from the settings screen. Never an argument;
 * none for the offline rules engine. The rule itself is {@link ApiKeys#resolve(ProviderSettings, Map, Optional)}.
 */
public final class KeyLookup {

    private final ApiKeyStore saved;
    private final Map<String, String> env;

    public KeyLookup(ApiKeyStore saved, Map<String, String> env) {
        this.saved = saved;
        this.env = Map.copyOf(env);
    }

    /** The key for {@code settings}; reads the saved key file (not on the FX thread). */
    public Optional<ApiKey> find(ProviderSettings settings) {
        return ApiKeys.resolve(settings, env, saved.read());
    }

    /** The key for {@code settings} with {@code typed} standing in for the saved one (a key typed, not yet saved). */
    public Optional<ApiKey> find(ProviderSettings settings, Optional<String> typed) {
        return ApiKeys.resolve(settings, env, typed);
    }

    /** The key for {@code settings} from the environment only: then the saved key is not used. Reads no file. */
    public Optional<ApiKey> fromEnvironment(ProviderSettings settings) {
        return ApiKeys.resolve(settings, env, Optional.empty());
    }

    /** {@code settings} with their key attached ({@link #find}), or with none when there is none. */
    public ProviderSettings withKey(ProviderSettings settings) {
        return settings.withApiKey(find(settings).map(ApiKey::value).orElse(null));
    }

    /** The environment variables the key for {@code settings} is read from, in order. */
    public List<String> variables(ProviderSettings settings) {
        return ApiKeys.variables(settings);
    }

    /** The environment the keys are read from (the Shared database section reads {@code GOLDSMITH_DB} there too). */
    public Map<String, String> env() {
        return env;
    }

    /** The key saved from the settings screen. */
    public ApiKeyStore saved() {
        return saved;
    }
}
