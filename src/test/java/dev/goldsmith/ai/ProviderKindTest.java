package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The provider type (issue 13.1): the one place that knows each provider, and the code that asks it. */
class ProviderKindTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void eachKindKnowsItsWireFormatDefaultsKeyAndHeader() {
        assertThat(ProviderKind.ids()).isEqualTo("rules, openai, azure, anthropic");

        assertThat(ProviderKind.RULES.isRemote()).isFalse();
        assertThat(ProviderKind.RULES.keyVariables()).isEmpty();
        assertThat(ProviderKind.RULES.keyHeader().header()).isEmpty();

        assertThat(ProviderKind.OPENAI.wireFormat()).isEqualTo(ProviderKind.WireFormat.CHAT_COMPLETIONS);
        assertThat(ProviderKind.OPENAI.defaultBaseUrl()).contains(ProviderSettings.DEFAULT_BASE_URL);
        assertThat(ProviderKind.OPENAI.defaultModel()).contains(ProviderSettings.DEFAULT_MODEL);
        assertThat(ProviderKind.OPENAI.keyVariables()).containsExactly("GOLDSMITH_API_KEY", "OPENAI_API_KEY");
        assertThat(ProviderKind.OPENAI.keyHeader().header()).contains("Authorization");
        assertThat(ProviderKind.OPENAI.structuredOutputs()).isTrue();
        assertThat(ProviderKind.OPENAI.limitHeaders()).isEqualTo(ProviderKind.LimitHeaders.OPENAI);

        assertThat(ProviderKind.AZURE.wireFormat()).isEqualTo(ProviderKind.WireFormat.CHAT_COMPLETIONS);
        assertThat(ProviderKind.AZURE.defaultBaseUrl()).isEmpty();
        assertThat(ProviderKind.AZURE.defaultModel()).isEmpty();
        assertThat(ProviderKind.AZURE.usesDeployment()).isTrue();
        assertThat(ProviderKind.AZURE.keyVariables()).containsExactly("GOLDSMITH_API_KEY", "AZURE_OPENAI_API_KEY");
        assertThat(ProviderKind.AZURE.keyHeader().header()).contains("api-key");

        assertThat(ProviderKind.ANTHROPIC.wireFormat()).isEqualTo(ProviderKind.WireFormat.MESSAGES);
        assertThat(ProviderKind.ANTHROPIC.defaultBaseUrl()).contains("https://api.anthropic.com/v1");
        assertThat(ProviderKind.ANTHROPIC.keyVariables()).containsExactly("GOLDSMITH_API_KEY", "ANTHROPIC_API_KEY");
        assertThat(ProviderKind.ANTHROPIC.keyHeader().header()).contains("x-api-key");
        assertThat(ProviderKind.ANTHROPIC.structuredOutputs()).isFalse();
        assertThat(ProviderKind.ANTHROPIC.limitHeaders()).isEqualTo(ProviderKind.LimitHeaders.ANTHROPIC);
    }

    @Test
    void idsAreReadIgnoringCaseAndAnUnknownOneIsNamed() {
        assertThat(ProviderKind.fromId(" Anthropic ")).contains(ProviderKind.ANTHROPIC);
        assertThat(ProviderKind.fromId("AZURE")).contains(ProviderKind.AZURE);
        assertThat(ProviderKind.fromId("claude")).isEmpty();
        assertThat(ProviderKind.fromId(null)).isEmpty();
        assertThatThrownBy(() -> ProviderKind.require("claude"))
                .hasMessage("The provider 'claude' is not one of rules, openai, azure, anthropic.");
    }

    @ParameterizedTest
    @CsvSource({"rules, RulesEnhancer, rules", "openai, OpenAiEnhancer, openai", "azure, OpenAiEnhancer, azure",
        "anthropic, AnthropicEnhancer, anthropic", "OpenAI, OpenAiEnhancer, openai"})
    void theFactoryAsksTheKind(String id, String type, String recorded) {
        ProviderSettings settings = new ProviderSettings(ProviderKind.require(id), server.url("/v1").toString(), "m", KEY, 0.7, 500,
                Duration.ofSeconds(5), 1, null, "prod", null);
        try (Enhancer enhancer = Enhancers.create(settings)) {
            assertThat(enhancer.getClass().getSimpleName()).isEqualTo(type);
            assertThat(enhancer.providerName()).isEqualTo(recorded);
        }
    }

    @Test
    void theOldKeyLookupStillReadsGoldsmithThenOpenAi() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "oa-key", "ANTHROPIC_API_KEY", "an-key");

        assertThat(ApiKeys.resolve(env, Optional.empty())).get().extracting(ApiKey::origin).isEqualTo("OPENAI_API_KEY");
    }

    @Test
    void eachProviderReadsItsOwnKeyVariableAfterGoldsmiths() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "oa-key", "AZURE_OPENAI_API_KEY", "az-key",
                "ANTHROPIC_API_KEY", "an-key");

        assertThat(ApiKeys.resolve(ProviderKind.OPENAI, env, Optional.empty())).get().extracting(ApiKey::value).isEqualTo("oa-key");
        assertThat(ApiKeys.resolve(ProviderKind.AZURE, env, Optional.empty())).get().extracting(ApiKey::value).isEqualTo("az-key");
        assertThat(ApiKeys.resolve(ProviderKind.ANTHROPIC, env, Optional.empty())).get().extracting(ApiKey::value)
                .isEqualTo("an-key");
        assertThat(ApiKeys.resolve(ProviderKind.RULES, env, Optional.of("stored"))).isEmpty();
        assertThat(ApiKeys.resolve(ProviderKind.ANTHROPIC, Map.of("GOLDSMITH_API_KEY", "gs", "ANTHROPIC_API_KEY", "an"),
                Optional.empty())).get().extracting(ApiKey::origin).isEqualTo("GOLDSMITH_API_KEY");
        assertThat(ApiKeys.resolve(ProviderKind.ANTHROPIC, Map.of("OPENAI_API_KEY", "oa-key"), Optional.of("stored-1")))
                .as("an OpenAI key is never sent to Anthropic").get().extracting(ApiKey::value).isEqualTo("stored-1");
    }

    @Test
    void settingsReadTheKeyOfTheirPresetOrTheirKind() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "oa-key", "GROQ_API_KEY", "gq-key");
        ProviderSettings groq = ProviderPreset.byId("groq").orElseThrow().settings();
        ProviderSettings own = new ProviderSettings(ProviderKind.OPENAI, "https://llm.example.com/v1", "m", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);

        assertThat(ApiKeys.resolve(groq, env, Optional.empty())).get().extracting(ApiKey::value)
                .as("Groq's key, not the OpenAI one").isEqualTo("gq-key");
        assertThat(ApiKeys.resolve(groq, Map.of("OPENAI_API_KEY", "oa-key"), Optional.empty())).isEmpty();
        assertThat(ApiKeys.variables(groq)).containsExactly("GOLDSMITH_API_KEY", "GROQ_API_KEY");
        assertThat(ApiKeys.resolve(own, env, Optional.empty())).get().extracting(ApiKey::value).isEqualTo("oa-key");
        assertThat(ApiKeys.resolve(ProviderSettings.rules(), env, Optional.of("stored"))).isEmpty();
    }

    @Test
    void readinessAsksTheKind() {
        ProviderSettings anthropicRemote = ProviderSettings.defaults(ProviderKind.ANTHROPIC);
        ProviderSettings anthropicLocal = TestData.anthropic(server, null);
        ProviderSettings azureNoBase = ProviderSettings.defaults(ProviderKind.AZURE).withDeployment("prod");
        ProviderSettings openAiDefault = new ProviderSettings(ProviderKind.OPENAI, null, "gpt-4o-mini", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);

        assertThat(Readiness.of(anthropicRemote, false)).isEqualTo(Readiness.NO_KEY);
        assertThat(Readiness.of(anthropicRemote, true)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(anthropicLocal, false)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(azureNoBase, true)).isEqualTo(Readiness.BAD_BASE_URL);
        assertThat(Readiness.of(openAiDefault, true)).as("no base URL means OpenAI's").isEqualTo(Readiness.READY);
        assertThat(Readiness.problem(anthropicRemote, false)).contains("No API key is set for api.anthropic.com: set"
                + " GOLDSMITH_API_KEY or ANTHROPIC_API_KEY, or save one in the settings.");
        assertThat(Readiness.problem(anthropicRemote, true)).isEmpty();
        assertThat(Readiness.problem(ProviderSettings.rules(), false)).isEmpty();
    }

    @Test
    void theOldConstructorStillWorksAndAzureFieldsTravelThroughEveryWither() {
        ProviderSettings old = new ProviderSettings(ProviderKind.OPENAI, "https://api.openai.com/v1", "gpt-4o-mini", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);
        assertThat(old.deployment()).isNull();
        assertThat(old.apiVersion()).isEqualTo("2024-10-21");
        assertThat(old.kind()).isEqualTo(ProviderKind.OPENAI);

        ProviderSettings azure = ProviderSettings.defaults(ProviderKind.AZURE).withDeployment(" prod ")
                .withApiVersion("2025-04-01-preview").withApiKey(KEY).withMaxConnections(7);
        assertThat(azure.deployment()).isEqualTo("prod");
        assertThat(azure.apiVersion()).isEqualTo("2025-04-01-preview");
        assertThat(azure.maxConnections()).isEqualTo(7);
        assertThat(azure.withApiVersion(" ").apiVersion()).isEqualTo(ProviderSettings.DEFAULT_API_VERSION);
        assertThat(azure.toString()).contains("deployment=prod", "apiVersion=2025-04-01-preview").doesNotContain(KEY);
    }

    @Test
    void defaultsAreTheKindsAndFillInOnlyWhatIsMissing() {
        ProviderSettings blank = new ProviderSettings(ProviderKind.ANTHROPIC, " ", null, null, 0.7, 500, Duration.ofSeconds(5), 1, null);
        ProviderSettings own = new ProviderSettings(ProviderKind.OPENAI, "http://localhost:11434/v1", "llama3.2", null, 0.7, 500,
                Duration.ofSeconds(5), 1, null);

        assertThat(blank.withDefaultsFilledIn().baseUrl()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(blank.withDefaultsFilledIn().model()).isEqualTo("claude-haiku-4-5");
        assertThat(own.withDefaultsFilledIn()).isEqualTo(own);
        assertThat(ProviderSettings.defaults(ProviderKind.OPENAI).baseUrl()).isEqualTo(ProviderSettings.DEFAULT_BASE_URL);
        assertThat(ProviderSettings.defaults(ProviderKind.RULES).model()).isEqualTo(ProviderSettings.rules().model());
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void operationsCarryTheirOwnBehaviour(Operation operation) {
        var gold = TestData.item("Cut costs by 30%.", dev.goldsmith.vault.QualityTier.GOLD);
        var bronze = TestData.item("Cut costs.", dev.goldsmith.vault.QualityTier.BRONZE);
        boolean enhance = operation == Operation.ENHANCE;

        assertThat(operation.skipsGold()).isEqualTo(enhance);
        assertThat(operation.skips(gold)).isEqualTo(enhance);
        assertThat(operation.skips(bronze)).isFalse();
        assertThat(operation.rewritesContent()).isEqualTo(enhance);
        assertThat(Prompts.forItem(bronze, operation).user()).contains("Cut costs.");
        assertThat(operation.answerSchema().path("required")).isNotEmpty();
        // the answer the prompt shows is one the schema describes
        operation.answerSchema().path("required").forEach(field ->
                assertThat(Prompts.forItem(bronze, operation).user()).contains("\"" + field.asText() + "\""));
    }
}
