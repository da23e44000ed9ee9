package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start is disabled with a reason a person can act on, and takes its defaults from the saved settings. */
class LaunchPanelViewModelTest {

    @TempDir
    Path dir;

    private BatchFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void startIsDisabledWithAReasonUntilItemsAreSelected() {
        f = new BatchFixture(dir);
        assertThat(f.launch.startDisabled().get()).isTrue();
        assertThat(f.launch.disabledReason().get()).isEqualTo("Loading the provider settings\u2026");

        f.launch.loadDefaults();

        assertThat(f.launch.providerText().get()).isEqualTo("Offline rules engine \u2014 not an AI model");
        assertThat(f.launch.disabledReason().get()).startsWith("Check items in the table");
        assertThat(f.launch.startDisabled().get()).isTrue();
        assertThat(f.launch.reasonIsProblem().get()).as("a hint, not an error").isFalse();

        f.select("pp-1", "hc-1");

        assertThat(f.launch.startDisabled().get()).isFalse();
        assertThat(f.launch.disabledReason().get()).isEmpty();
        assertThat(f.launch.startText().get()).isEqualTo("Start batch (2 items)");
    }

    @Test
    void openAiWithoutAKeyToARemoteHostIsNotReadyButLoopbackIs() {
        f = new BatchFixture(dir);
        saveOpenAi("https://api.example.com/v1");
        f.select("pp-1");

        f.launch.loadDefaults();

        assertThat(f.launch.startDisabled().get()).isTrue();
        assertThat(f.launch.disabledReason().get()).contains("No API key").contains("GOLDSMITH_API_KEY");
        assertThat(f.launch.reasonIsProblem().get()).isTrue();
        assertThat(f.launch.providerText().get()).isEqualTo("OpenAI-compatible \u00b7 gpt-test \u00b7 https://api.example.com/v1");

        saveOpenAi("http://127.0.0.1:9/v1");
        f.launch.loadDefaults();

        assertThat(f.launch.startDisabled().get()).isFalse();
    }

    @Test
    void aKeyFromTheEnvironmentMakesARemoteProviderReady() {
        f = new BatchFixture(dir, Map.of("GOLDSMITH_API_KEY", "sk-test-123456789"));
        saveOpenAi("https://api.example.com/v1");
        f.select("pp-1");

        f.launch.loadDefaults();

        assertThat(f.launch.startDisabled().get()).isFalse();
    }

    @Test
    void anUnusableBaseUrlIsNamed() {
        f = new BatchFixture(dir);
        saveOpenAi("http://api.example.com/v1");
        f.select("pp-1");

        f.launch.loadDefaults();

        assertThat(f.launch.disabledReason().get()).contains("http://api.example.com/v1");
    }

    @Test
    void limitsStartFromTheSavedSettings() {
        f = new BatchFixture(dir);
        BatchSettings saved = f.services.batchDefaults().load(Operation.ENHANCE);
        f.services.batchDefaults().save(saved.withOptions(saved.options().withConcurrency(7).withRpm(120)
                .withTpm(90_000).withMaxAttempts(4)));

        f.launch.loadDefaults();

        assertThat(f.launch.concurrencyProperty().get()).isEqualTo(7);
        assertThat(f.launch.rpmProperty().get()).isEqualTo(120);
        assertThat(f.launch.tpmProperty().get()).isEqualTo(90_000);
        assertThat(f.launch.maxAttemptsProperty().get()).isEqualTo(4);
    }

    @Test
    void theBatchRunsWithTheLimitsAsSetIncludingTokensPerMinute() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-1");
        f.launch.concurrencyProperty().set(3);
        f.launch.rpmProperty().set(90);
        f.launch.tpmProperty().set(40_000);
        f.launch.maxAttemptsProperty().set(2);

        f.launch.start();
        f.awaitIdle();

        String metadata = f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1)).get(0).metadata();
        assertThat(metadata).contains("\"concurrency\":3,", "\"rpm\":90,", "\"tpm\":40000,", "\"max_attempts\":2,");
    }

    @Test
    void anAnthropicBatchFromTheWindowIsSentTheAnthropicKeyNeverTheOpenAiOne() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
                            + "\"text\",\"text\":\"{\\\"enhanced_content\\\":\\\"Led the onboarding of 12 hires.\\\","
                            + "\\\"new_tier\\\":\\\"silver\\\",\\\"suggested_keywords\\\":[\\\"onboarding\\\"]}\"}],"
                            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":90,\"output_tokens\":30}}").build());
            server.start();
            f = new BatchFixture(dir, Map.of("OPENAI_API_KEY", "sk-openai-0123456789", "ANTHROPIC_API_KEY",
                    "sk-ant-0123456789"));
            save(ProviderSettings.defaults(ProviderKind.ANTHROPIC).withBaseUrl(server.url("/v1").toString()));
            f.launch.loadDefaults();
            f.select("pp-1");
            assertThat(f.launch.providerText().get()).isEqualTo("Anthropic \u00b7 claude-haiku-4-5 \u00b7 "
                    + server.url("/v1"));

            f.launch.start();
            f.awaitIdle();

            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
            assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-0123456789");
            assertThat(request.getHeaders().get("Authorization")).isNull();
            assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1)).get(0).successfulItems())
                    .isEqualTo(1);
        }
    }

    @Test
    void theNotReadyReasonNamesTheProvidersKeyVariablesAndAMissingAzureDeployment() {
        f = new BatchFixture(dir, Map.of("OPENAI_API_KEY", "sk-openai-0123456789"));
        f.select("pp-1");
        save(ProviderSettings.defaults(ProviderKind.ANTHROPIC));

        f.launch.loadDefaults();

        assertThat(f.launch.disabledReason().get())
                .isEqualTo("No API key: add one in Settings or set GOLDSMITH_API_KEY or ANTHROPIC_API_KEY.");

        save(ProviderSettings.defaults(ProviderKind.AZURE).withBaseUrl("https://acme.openai.azure.com"));
        f.launch.loadDefaults();

        assertThat(f.launch.disabledReason().get()).isEqualTo("No Azure OpenAI deployment: give its name in Settings.");
        assertThat(f.launch.reasonIsProblem().get()).isTrue();
    }

    private void save(ProviderSettings provider) {
        BatchSettings saved = f.services.batchDefaults().load(Operation.ENHANCE);
        f.services.batchDefaults().save(saved.withProvider(provider));
    }

    private void saveOpenAi(String baseUrl) {
        BatchSettings saved = f.services.batchDefaults().load(Operation.ENHANCE);
        ProviderSettings p = saved.provider();
        f.services.batchDefaults().save(saved.withProvider(new ProviderSettings(ProviderKind.OPENAI, baseUrl,
                "gpt-test", null, p.temperature(), p.maxTokens(), p.timeout(), p.maxConnections(), p.pricing())));
    }
}
