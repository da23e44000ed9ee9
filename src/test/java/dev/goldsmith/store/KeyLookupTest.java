package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one key lookup both faces use: each provider reads its own variables, then the saved key file. */
class KeyLookupTest {

    @TempDir
    Path dir;

    private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-openai-key", "ANTHROPIC_API_KEY",
            "sk-ant-key", "AZURE_OPENAI_API_KEY", "az-key", "GROQ_API_KEY", "gsk-groq-key");

    private KeyLookup lookup(Map<String, String> env, String saved) {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("api-key"));
        store.write(saved);
        return new KeyLookup(store, env);
    }

    private static String value(Optional<ApiKey> key) {
        return key.map(ApiKey::value).orElse(null);
    }

    @Test
    void eachProviderGetsItsOwnKeyNeverAnothersAndTheRulesEngineNone() {
        KeyLookup keys = lookup(ENV, "saved-key");

        assertThat(value(keys.find(ProviderSettings.defaults(ProviderKind.ANTHROPIC)))).isEqualTo("sk-ant-key");
        assertThat(value(keys.find(ProviderSettings.defaults(ProviderKind.AZURE)))).isEqualTo("az-key");
        assertThat(value(keys.find(ProviderSettings.defaults(ProviderKind.OPENAI)))).isEqualTo("sk-openai-key");
        assertThat(keys.find(ProviderSettings.rules())).isEmpty();
        assertThat(keys.withKey(ProviderSettings.defaults(ProviderKind.ANTHROPIC)).apiKey()).isEqualTo("sk-ant-key");
    }

    @Test
    void aPresetReadsItsServicesVariableAndOnlyGoldsmithsComesFirst() {
        ProviderSettings groq = ProviderPreset.byId("groq").orElseThrow().settings();

        assertThat(value(lookup(ENV, null).find(groq))).as("GROQ_API_KEY, not OPENAI_API_KEY").isEqualTo("gsk-groq-key");
        assertThat(lookup(ENV, null).fromEnvironment(groq)).get().extracting(ApiKey::origin).isEqualTo("GROQ_API_KEY");
        assertThat(value(lookup(Map.of("OPENAI_API_KEY", "sk-openai-key"), "saved-key").find(groq)))
                .as("another service's key is never sent: the saved one is").isEqualTo("saved-key");
        assertThat(value(lookup(Map.of("GOLDSMITH_API_KEY", "gs-key", "GROQ_API_KEY", "gsk"), null).find(groq)))
                .isEqualTo("gs-key");
        assertThat(lookup(ENV, null).variables(groq)).containsExactly("GOLDSMITH_API_KEY", "GROQ_API_KEY");
    }

    @Test
    void theSavedKeyComesLastAndATypedOneStandsInForIt() {
        ProviderSettings anthropic = ProviderSettings.defaults(ProviderKind.ANTHROPIC);
        KeyLookup keys = lookup(Map.of("OPENAI_API_KEY", "sk-openai-key"), "saved-key");

        assertThat(keys.find(anthropic)).get().extracting(ApiKey::source).isEqualTo(ApiKey.Source.SETTINGS);
        assertThat(value(keys.find(anthropic, Optional.of("typed-key")))).isEqualTo("typed-key");
        assertThat(keys.fromEnvironment(anthropic)).as("the file is not read for the environment's key").isEmpty();
        assertThat(value(lookup(ENV, "saved-key").find(anthropic, Optional.of("typed-key"))))
                .as("the environment wins").isEqualTo("sk-ant-key");
    }
}
