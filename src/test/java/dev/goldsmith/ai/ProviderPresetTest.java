package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The presets (issue 13.5): complete, runnable, priced, and described in docs/providers.md. */
class ProviderPresetTest {

    static List<ProviderPreset> presets() {
        return ProviderPreset.all();
    }

    @Test
    void theNamedServicesAreAllThereWithTheirBaseUrls() {
        assertThat(ProviderPreset.all()).extracting(ProviderPreset::id)
                .containsExactly("openai", "azure", "anthropic", "openrouter", "groq", "gemini", "ollama", "lmstudio", "vllm");
        assertThat(ProviderPreset.byId("gemini").orElseThrow().baseUrl())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta/openai");
        assertThat(ProviderPreset.byId("ollama").orElseThrow().baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(ProviderPreset.byId("lmstudio").orElseThrow().baseUrl()).isEqualTo("http://localhost:1234/v1");
        assertThat(ProviderPreset.byId("vllm").orElseThrow().baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(ProviderPreset.byId("azure").orElseThrow().kind()).isEqualTo(ProviderKind.AZURE);
        assertThat(ProviderPreset.byId("anthropic").orElseThrow().kind()).isEqualTo(ProviderKind.ANTHROPIC);
        assertThat(ProviderPreset.byId("AZURE")).isPresent();
        assertThat(ProviderPreset.byId("claude")).isEmpty();
        assertThat(ProviderPreset.PRICES_AS_OF).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetResolvesToAProviderAndABaseUrlAndBuilds(ProviderPreset preset) {
        assertThat(preset.kind().isRemote()).isTrue();
        assertThat(BaseUrls.require(preset.baseUrl())).isNotNull();
        assertThat(preset.defaultModel()).isNotBlank();
        assertThat(preset.displayName()).isNotBlank();
        try (Enhancer enhancer = Enhancers.create(preset.settings())) {
            assertThat(enhancer.providerName()).isEqualTo(preset.kind().id());
        }
        assertThat(ProviderPreset.matching(preset.settings())).contains(preset);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void pricesAreNonNegativeAndTheDefaultModelHasOne(ProviderPreset preset) {
        assertThat(preset.prices()).isNotEmpty();
        for (ProviderPreset.ModelPrice p : preset.prices()) {
            assertThat(p.pricing().promptPerMillion()).as(p.model()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(p.pricing().completionPerMillion()).as(p.model()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
        assertThat(preset.pricing(preset.defaultModel())).isPresent();
        assertThat(preset.settings().pricing()).isEqualTo(preset.pricing(preset.defaultModel()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theKeyComesFromGoldsmithsVariableFirstAndLocalServersNeedNone(ProviderPreset preset) {
        assertThat(preset.keyVariables()).first().isEqualTo(ApiKeys.GOLDSMITH_API_KEY);
        boolean local = BaseUrls.isLoopback(BaseUrls.require(preset.baseUrl()).host());
        assertThat(preset.keyRequired()).isEqualTo(!local);
        if (local) {
            assertThat(preset.prices()).allMatch(p -> p.pricing().equals(Pricing.FREE)
                    || p.pricing().promptPerMillion().signum() == 0 && p.pricing().completionPerMillion().signum() == 0);
            assertThat(Readiness.of(preset.settings(), false)).isEqualTo(Readiness.READY);
        } else {
            assertThat(Readiness.of(preset.settings(), false)).isEqualTo(Readiness.NO_KEY);
        }
    }

    @Test
    void settingsFindTheirPresetByKindAndBaseUrl() {
        ProviderSettings groqSlash = new ProviderSettings(ProviderKind.OPENAI, "https://API.groq.com/openai/v1/", "m", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);
        ProviderSettings openAiDefault = new ProviderSettings(ProviderKind.OPENAI, null, "m", null, 0.7, 500, Duration.ofSeconds(5), 1, null);
        ProviderSettings own = new ProviderSettings(ProviderKind.OPENAI, "https://llm.example.com/v1", "m", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);
        ProviderSettings groqAsAnthropic = new ProviderSettings(ProviderKind.ANTHROPIC, "https://api.groq.com/openai/v1", "m", null,
                0.7, 500, Duration.ofSeconds(5), 1, null);

        assertThat(ProviderPreset.matching(groqSlash)).map(ProviderPreset::id).contains("groq");
        assertThat(ProviderPreset.matching(openAiDefault)).map(ProviderPreset::id).contains("openai");
        assertThat(ProviderPreset.matching(own)).isEmpty();
        assertThat(ProviderPreset.matching(groqAsAnthropic)).isEmpty();
        assertThat(ProviderPreset.matching(ProviderSettings.rules())).isEmpty();
        assertThat(ProviderPreset.byId("openai").orElseThrow().pricing("GPT-4o-mini"))
                .contains(Pricing.perMillion(0.15, 0.60));
    }

    @Test
    void docsProvidersMdHasASectionForEveryPresetAndProvider() throws IOException {
        String docs = Files.readString(Path.of("docs/providers.md"));

        for (ProviderPreset preset : ProviderPreset.all()) {
            assertThat(docs).as(preset.id()).contains("### " + preset.displayName()).contains(preset.baseUrl())
                    .contains(preset.defaultModel());
            preset.keyVariables().forEach(v -> assertThat(docs).as(preset.id()).contains(v));
        }
        for (ProviderKind kind : ProviderKind.values()) {
            assertThat(docs).contains("`" + kind.id() + "`");
        }
        assertThat(docs).contains(ProviderPreset.PRICES_AS_OF.toString());
    }
}
