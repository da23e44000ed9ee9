package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchSettings;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void theEstimateLineFollowsTheSelectionAndSaysWhatIsAssumed() {
        f = new BatchFixture(dir, Map.of("GOLDSMITH_API_KEY", "sk-test-123456789"));
        f.launch.loadDefaults();
        assertThat(f.launch.estimateTextProperty().get()).as("nothing selected").isEmpty();

        f.select("pp-1", "pp-2", "hc-1"); // pp-2 is gold: enhance skips it

        assertThat(f.launch.estimateTextProperty().get())
                .isEqualTo("Estimate: 2 items to send (1 gold skipped) · no tokens or cost (offline rules engine) · about 0:00");

        saveOpenAi("http://127.0.0.1:9/v1"); // no prices, no recent calls
        f.launch.loadDefaults();
        String line = f.launch.estimateTextProperty().get();
        assertThat(line).startsWith("Estimate: 2 items to send (1 gold skipped) · ~").contains(" tokens (")
                .contains("cost unknown: set prices in Settings")
                .endsWith("Assumed: completion tokens and duration (no recent calls of this provider and model)");
        assertThat(f.launch.estimateNotesProperty().get()).isNotBlank();
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1))).as("nothing sent, nothing recorded")
                .isEmpty();

        BatchSettings saved = f.services.batchDefaults().load(Operation.ENHANCE);
        f.services.batchDefaults().save(saved.withProvider(saved.provider().withPricing(
                dev.goldsmith.ai.Pricing.perMillion(150_000, 600_000))));
        f.launch.loadDefaults();
        assertThat(f.launch.estimateTextProperty().get()).containsPattern(" · \\$\\d+\\.\\d\\d · about ");

        f.select();
        assertThat(f.launch.estimateTextProperty().get()).isEmpty();
    }

    @Test
    void theEstimateWaitsForTheViewsPauseAndOnlyTheLatestOneShows() {
        f = new BatchFixture(dir);
        List<Runnable> scheduled = new java.util.ArrayList<>();
        f.launch.scheduleEstimatesWith(scheduled::add);
        f.launch.loadDefaults();
        f.select("pp-1");
        f.select("pp-1", "hc-1");
        assertThat(f.launch.estimateTextProperty().get()).as("not before the pause").isEmpty();

        scheduled.get(scheduled.size() - 1).run();

        assertThat(f.launch.estimateTextProperty().get()).startsWith("Estimate: 2 items to send");
    }

    @Test
    void aBatchAboveTheThresholdAsksWithItsFiguresAndStartsOnlyOnYes() throws Exception {
        f = new BatchFixture(dir);
        f.services.batchDefaults().saveConfirmThreshold(new dev.goldsmith.batch.ConfirmThreshold(1,
                java.math.BigDecimal.ONE));
        f.launch.loadDefaults();
        f.select("pp-1", "hc-1");

        f.dialogs.answer(false);
        f.launch.start();
        assertThat(f.dialogs.questions).singleElement().asString().isEqualTo("Start this batch?: It is above the"
                + " confirmation threshold (more than 1 items or $1, set in Settings).\n\n2 items to send ·"
                + " no tokens or cost (offline rules engine) · about 0:00.\n\nStart it?");
        assertThat(f.dialogs.questions.get(0)).doesNotContain("Assumed"); // the rules engine answers at once
        f.awaitIdle();
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1))).as("said no").isEmpty();

        f.launch.start();
        f.awaitIdle();
        assertThat(f.dialogs.questions).hasSize(2);
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1))).hasSize(1);

        f.select("pp-1");
        f.launch.start();
        f.awaitIdle();
        assertThat(f.dialogs.questions).as("at the threshold: no question").hasSize(2);
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(5))).hasSize(2);
    }

    @Test
    void reviewBeforeApplyingStartsFromTheSettingsAndGoesIntoTheBatchsSettings() throws Exception {
        f = new BatchFixture(dir);
        BatchSettings saved = f.services.batchDefaults().load(Operation.ENHANCE);
        f.services.batchDefaults().save(saved.withOptions(saved.options().withReview(true)));
        f.launch.loadDefaults();
        assertThat(f.launch.reviewProperty().get()).isTrue();
        f.select("pp-3");
        String before = f.services.items().find(dev.goldsmith.ui.TestVaults.VAULT, "pp-3").orElseThrow().content();

        f.launch.start();
        f.awaitIdle();

        var batch = f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1)).get(0);
        assertThat(batch.metadata()).contains("\"review\":true");
        assertThat(f.services.items().find(dev.goldsmith.ui.TestVaults.VAULT, "pp-3").orElseThrow().content())
                .as("a proposal, nothing written").isEqualTo(before);
        assertThat(f.services.reviews().pendingItemIdsOfBatch(batch.id())).containsExactly("pp-3");

        f.launch.reviewProperty().set(false);
        f.launch.start();
        f.awaitIdle();
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1)).get(0).metadata())
                .doesNotContain("\"review\":true");
        assertThat(f.services.items().find(dev.goldsmith.ui.TestVaults.VAULT, "pp-3").orElseThrow().content())
                .isNotEqualTo(before);
    }

    @Test
    void tryOnThreeShowsThreeItemsDiffsAndWritesNothing() {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-2", "pp-1", "pp-3", "ts-1", "hc-1"); // pp-2 is gold: not tried
        var before = f.services.items().list(dev.goldsmith.ui.TestVaults.VAULT);

        f.launch.tryOnThree();

        assertThat(f.launch.trialProperty().get()).extracting(TrialResult::itemId).containsExactly("pp-1", "pp-3", "ts-1");
        TrialResult pp3 = f.launch.trialProperty().get().get(1);
        assertThat(pp3.diff().before()).isEqualTo("Helped with the Python data pipeline");
        assertThat(pp3.diff().after()).isNotEqualTo(pp3.diff().before());
        assertThat(pp3.note()).isEmpty();
        assertThat(f.launch.trialProperty().get().get(0).note()).startsWith("Unchanged: ");
        assertThat(f.services.items().list(dev.goldsmith.ui.TestVaults.VAULT)).as("nothing written").isEqualTo(before);
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(1))).isEmpty();
        assertThat(f.dialogs.errors).isEmpty();
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
