package dev.goldsmith.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings tab's view model on a real SQLite file and key file, without the FX toolkit. */
class SettingsViewModelTest {

    private static final String KEY = "sk-test-SECRET-0123456789abcdef";

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private Services services;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void open() {
        services = TestVaults.jordan(dir);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private SettingsViewModel vm(Map<String, String> env) {
        SettingsViewModel vm = new SettingsViewModel(services.batchDefaults(), services.keyLookup(env),
                new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT), new SimpleBooleanProperty());
        vm.load();
        return vm;
    }

    @Test
    void theReviewDefaultAndTheConfirmationThresholdAreShownSavedAndKeptBySavingOtherFields() {
        dev.goldsmith.batch.BatchSettings saved = services.batchDefaults().load(dev.goldsmith.ai.Operation.ENHANCE);
        services.batchDefaults().save(saved.withOptions(saved.options().withReview(true)));
        SettingsViewModel vm = vm(Map.of());
        assertThat(vm.reviewProperty().get()).isTrue();
        assertThat(vm.confirmItemsProperty().get()).isEqualTo("500");
        assertThat(vm.confirmCostProperty().get()).isEqualTo("1");

        vm.rpmProperty().set("90"); // saving another field used to write review=false
        assertThat(vm.save()).isTrue();
        assertThat(services.batchDefaults().load(dev.goldsmith.ai.Operation.ENHANCE).options().review())
                .as("kept").isTrue();

        vm.reviewProperty().set(false);
        vm.confirmItemsProperty().set("2000");
        vm.confirmCostProperty().set("$5.50");
        assertThat(vm.save()).isTrue();
        assertThat(services.batchDefaults().load(dev.goldsmith.ai.Operation.ENHANCE).options().review()).isFalse();
        assertThat(services.batchDefaults().confirmThreshold()).isEqualTo(new dev.goldsmith.batch.ConfirmThreshold(2000,
                new java.math.BigDecimal("5.50")));

        vm.confirmItemsProperty().set("-3");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("The confirmation threshold cannot be a negative number of items,"
                + " not -3.");
        vm.confirmItemsProperty().set("lots");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Confirm above (items) must be a whole number, not 'lots'.");
        assertThat(services.batchDefaults().confirmThreshold().items()).as("nothing saved").isEqualTo(2000);
    }

    @Test
    void leavingWithUnsavedChangesAsksAndSavesDiscardsOrStays() {
        SettingsViewModel vm = vm(Map.of());
        assertThat(vm.confirmLeave()).as("nothing changed: no question").isTrue();
        assertThat(dialogs.choices).isEmpty();

        vm.rpmProperty().set("90");
        dialogs.pick(-1);
        assertThat(vm.confirmLeave()).as("cancelled: stay").isFalse();
        assertThat(dialogs.choices).singleElement().asString().startsWith("Save the changed settings?: ")
                .endsWith("[Save | Discard changes]");

        dialogs.pick(1);
        assertThat(vm.confirmLeave()).as("discarded").isTrue();
        assertThat(vm.rpmProperty().get()).isEqualTo("0");
        assertThat(services.settings().all()).doesNotContainKey("rpm");

        vm.rpmProperty().set("90");
        dialogs.pick(0);
        assertThat(vm.confirmLeave()).as("saved").isTrue();
        assertThat(services.settings().all()).containsEntry("rpm", "90");
        assertThat(vm.hasUnsavedChanges()).isFalse();

        vm.concurrencyProperty().set("0");
        dialogs.pick(0);
        assertThat(vm.confirmLeave()).as("invalid: saving is refused, so the user stays to fix it").isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Concurrency must be between 1 and 64");

        vm.concurrencyProperty().set("5");
        vm.apiKeyProperty().set(KEY);
        assertThat(vm.hasUnsavedChanges()).as("a typed key is a change too").isTrue();
    }

    @Test
    void startsFromTheRulesDefaults() {
        SettingsViewModel vm = vm(Map.of());
        assertThat(vm.providerProperty().get()).isEqualTo(ProviderKind.RULES);
        assertThat(vm.concurrencyProperty().get()).isEqualTo("5");
        assertThat(vm.keyFromEnvironmentProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void savedSettingsComeBackAndTheKeyGoesToAnOwnerOnlyFileNeverTheDatabase() throws Exception {
        SettingsViewModel vm = vm(Map.of());
        vm.providerProperty().set(ProviderKind.OPENAI);
        assertThat(vm.baseUrlProperty().get()).as("filled in on switching").isEqualTo(ProviderSettings.DEFAULT_BASE_URL);
        vm.modelProperty().set("gpt-4o");
        vm.apiKeyProperty().set(KEY);
        vm.concurrencyProperty().set("8");
        vm.rpmProperty().set("120");
        vm.tpmProperty().set("90000");
        vm.maxAttemptsProperty().set("4");
        vm.baseDelayMsProperty().set("500");
        vm.temperatureProperty().set("0.3");
        vm.maxTokensProperty().set("400");
        vm.timeoutSecondsProperty().set("30");
        vm.promptPriceProperty().set("0.15");
        vm.completionPriceProperty().set("0.6");

        assertThat(vm.save()).isTrue();

        assertThat(vm.statusProperty().get()).isEqualTo("Settings saved.");
        assertThat(vm.savedRevisionProperty().get()).as("other screens are told").isEqualTo(1);
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        assertThat(saved.provider().kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(saved.provider().model()).isEqualTo("gpt-4o");
        assertThat(saved.provider().timeout().toSeconds()).isEqualTo(30);
        assertThat(saved.options().concurrency()).isEqualTo(8);
        assertThat(saved.options().rpm()).isEqualTo(120);
        assertThat(saved.options().tpm()).isEqualTo(90_000);
        assertThat(services.settings().all()).containsEntry("tpm", "90000");
        assertThat(saved.options().baseDelay().toMillis()).isEqualTo(500);
        assertThat(saved.provider().pricing().completionPerMillion()).isEqualByComparingTo("0.6");

        Path keyFile = services.apiKeyStore().file();
        assertThat(Files.readString(keyFile)).isEqualTo(KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(services.settings().all().values()).noneMatch(v -> v.contains(KEY));
        assertThat(services.settings().all().keySet()).noneMatch(k -> k.toLowerCase(Locale.ROOT).contains("key"));

        SettingsViewModel again = vm(Map.of());
        assertThat(again.providerProperty().get()).isEqualTo(ProviderKind.OPENAI);
        assertThat(again.modelProperty().get()).isEqualTo("gpt-4o");
        assertThat(again.concurrencyProperty().get()).isEqualTo("8");
        assertThat(again.maxAttemptsProperty().get()).isEqualTo("4");
        assertThat(again.tpmProperty().get()).isEqualTo("90000");
        assertThat(again.apiKeyProperty().get()).isEqualTo(KEY);
    }

    @Test
    void anEnvironmentKeyIsShownAsSuchAndNeverSaved() {
        SettingsViewModel vm = vm(Map.of("GOLDSMITH_API_KEY", "sk-env-key-000000000000"));
        vm.providerProperty().set(ProviderKind.OPENAI);
        assertThat(vm.keyFromEnvironmentProperty().get()).isTrue();
        assertThat(vm.keyNoteProperty().get()).isEqualTo("Using the key from the environment (GOLDSMITH_API_KEY)");
        assertThat(vm.apiKeyProperty().get()).isEmpty();

        assertThat(vm.save()).isTrue();
        assertThat(services.apiKeyStore().read()).isEmpty();
    }

    @Test
    void aBadValueIsRefusedInOneSentenceAndNothingIsSaved() {
        SettingsViewModel vm = vm(Map.of());
        vm.concurrencyProperty().set("0");

        assertThat(vm.save()).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("Concurrency must be between 1 and 64, not 0.");
        assertThat(vm.savedRevisionProperty().get()).isZero();
        assertThat(services.settings().all()).doesNotContainKey("concurrency");

        vm.concurrencyProperty().set("lots");
        vm.save();
        assertThat(vm.errorProperty().get()).isEqualTo("Concurrency must be a whole number, not 'lots'.");

        vm.concurrencyProperty().set("3");
        vm.tpmProperty().set("-5");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Tokens per minute must be 0 (no cap) or a whole number up to 1,000,000,000, not -5.");

        vm.tpmProperty().set("0");
        assertThat(vm.save()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void testConnectionReportsOkFromALoopbackServer() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"ok\\\": true}\"}}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}")
                .build());
        SettingsViewModel vm = openai(vm(Map.of()));

        vm.testConnection();

        assertThat(vm.testOkProperty().get()).as(vm.testResultProperty().get()).isTrue();
        assertThat(vm.testResultProperty().get()).startsWith("OK: model gpt-test answered in");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void testConnectionSaysTheKeyWasRefusedOn401() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"invalid_api_key\"}}")
                .build());
        SettingsViewModel vm = openai(vm(Map.of()));

        vm.testConnection();

        assertThat(vm.testOkProperty().get()).isFalse();
        assertThat(vm.testResultProperty().get()).contains("401").doesNotContain(KEY);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void eachPresetFillsProviderBaseUrlModelAndListPricesAndIsKeptWhenSaved() {
        for (ProviderPreset preset : ProviderPreset.all()) {
            SettingsViewModel vm = vm(Map.of());
            vm.presetProperty().set(preset);

            ProviderSettings expected = preset.settings();
            assertThat(vm.providerProperty().get()).as(preset.id()).isEqualTo(preset.kind());
            assertThat(vm.baseUrlProperty().get()).as(preset.id()).isEqualTo(preset.baseUrl());
            assertThat(vm.modelProperty().get()).as(preset.id()).isEqualTo(preset.defaultModel());
            assertThat(vm.promptPriceProperty().get()).as(preset.id())
                    .isEqualTo(expected.pricing().promptPerMillion().toPlainString());
            assertThat(vm.completionPriceProperty().get()).as(preset.id())
                    .isEqualTo(expected.pricing().completionPerMillion().toPlainString());
            assertThat(vm.usesDeploymentProperty().get()).as(preset.id()).isEqualTo(preset.kind() == ProviderKind.AZURE);
            assertThat(vm.deploymentProperty().get()).as(preset.id())
                    .isEqualTo(preset.kind() == ProviderKind.AZURE ? preset.defaultModel() : "");
            boolean listed = expected.pricing().promptPerMillion().signum() > 0;
            assertThat(vm.pricesNoteProperty().get()).as(preset.id()).isEqualTo(listed ? preset.displayName()
                    + "'s list prices as of " + ProviderPreset.PRICES_AS_OF + ": check them on its pricing page." : "");

            assertThat(vm.save()).as("%s: %s", preset.id(), vm.errorProperty().get()).isTrue();
            SettingsViewModel reopened = vm(Map.of());
            assertThat(reopened.presetProperty().get()).as(preset.id()).isEqualTo(preset);
            assertThat(reopened.baseUrlProperty().get()).isEqualTo(preset.baseUrl());
            assertThat(reopened.modelProperty().get()).isEqualTo(preset.defaultModel());
            assertThat(reopened.deploymentProperty().get()).isEqualTo(vm.deploymentProperty().get());
            assertThat(reopened.promptPriceProperty().get()).isEqualTo(vm.promptPriceProperty().get());
            assertThat(reopened.hasUnsavedChanges()).isFalse();
        }
    }

    @Test
    void editedPricesAndAnOwnBaseUrlAreKeptAndTheFieldsNoLongerNameThePreset() {
        SettingsViewModel vm = vm(Map.of());
        vm.presetProperty().set(ProviderPreset.byId("groq").orElseThrow());
        vm.promptPriceProperty().set("0.5");
        assertThat(vm.presetProperty().get().id()).as("prices are editable; the preset stays").isEqualTo("groq");

        vm.baseUrlProperty().set("https://llm.example.com/v1");

        assertThat(vm.presetProperty().get()).as("a server of one's own").isNull();
        assertThat(vm.pricesNoteProperty().get()).isEmpty();
        assertThat(vm.promptPriceProperty().get()).isEqualTo("0.5");
        assertThat(vm.save()).isTrue();
        assertThat(services.batchDefaults().load(Operation.ENHANCE).provider().pricing().promptPerMillion())
                .isEqualByComparingTo("0.5");
    }

    @Test
    void switchingTheProviderFillsItsDefaultsAndTheAzureFieldsApplyOnlyToAzure() {
        SettingsViewModel vm = vm(Map.of());
        assertThat(vm.remoteProperty().get()).isFalse();

        vm.providerProperty().set(ProviderKind.ANTHROPIC);
        assertThat(vm.baseUrlProperty().get()).isEqualTo("https://api.anthropic.com/v1");
        assertThat(vm.modelProperty().get()).isEqualTo("claude-haiku-4-5");
        assertThat(vm.usesDeploymentProperty().get()).isFalse();

        vm.providerProperty().set(ProviderKind.AZURE);
        assertThat(vm.usesDeploymentProperty().get()).isTrue();
        assertThat(vm.apiVersionProperty().get()).isEqualTo(ProviderSettings.DEFAULT_API_VERSION);
        vm.baseUrlProperty().set("https://acme.openai.azure.com");
        vm.deploymentProperty().set("team-4o");
        vm.apiVersionProperty().set("2025-01-01-preview");
        assertThat(vm.save()).isTrue();
        ProviderSettings saved = services.batchDefaults().load(Operation.ENHANCE).provider();
        assertThat(saved.kind()).isEqualTo(ProviderKind.AZURE);
        assertThat(saved.deployment()).isEqualTo("team-4o");
        assertThat(saved.apiVersion()).isEqualTo("2025-01-01-preview");

        vm.deploymentProperty().set(" ");
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("The Azure OpenAI deployment is empty");
    }

    @Test
    void whatTheProviderRefusesIsRefusedOnSaveInOneSentence() {
        SettingsViewModel vm = vm(Map.of());
        vm.providerProperty().set(ProviderKind.ANTHROPIC);
        vm.temperatureProperty().set("1.5");

        assertThat(vm.save()).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("Anthropic takes a temperature from 0 to 1, not 1.5.");
        assertThat(services.settings().all()).doesNotContainKey("provider");
    }

    @Test
    void theKeyComesFromTheProvidersOwnVariableAndTheNoteSaysWhere() {
        SettingsViewModel vm = vm(Map.of("OPENAI_API_KEY", "sk-openai-0123456789", "GROQ_API_KEY", "gsk-0123456789"));

        vm.presetProperty().set(ProviderPreset.byId("groq").orElseThrow());
        assertThat(vm.keyFromEnvironmentProperty().get()).isTrue();
        assertThat(vm.keyNoteProperty().get()).isEqualTo("Using the key from the environment (GROQ_API_KEY)");

        vm.presetProperty().set(ProviderPreset.byId("anthropic").orElseThrow());
        assertThat(vm.keyFromEnvironmentProperty().get()).as("an OpenAI key is not Anthropic's").isFalse();
        assertThat(vm.keyNoteProperty().get())
                .isEqualTo("Or set GOLDSMITH_API_KEY or ANTHROPIC_API_KEY in the environment.");

        vm.presetProperty().set(ProviderPreset.byId("ollama").orElseThrow());
        assertThat(vm.keyNoteProperty().get()).isEqualTo("No key needed for a server on this computer.");

        vm.presetProperty().set(ProviderPreset.byId("openai").orElseThrow());
        assertThat(vm.keyNoteProperty().get()).isEqualTo("Using the key from the environment (OPENAI_API_KEY)");
    }

    @Test
    void testConnectionSpeaksAnthropicWithTheAnthropicKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                        + "\"text\":\"{\\\"ok\\\": true}\"}],\"stop_reason\":\"end_turn\","
                        + "\"usage\":{\"input_tokens\":9,\"output_tokens\":4}}")
                .build());
        SettingsViewModel vm = vm(Map.of("OPENAI_API_KEY", "sk-openai-0123456789", "ANTHROPIC_API_KEY", "sk-ant-0123456789"));
        vm.providerProperty().set(ProviderKind.ANTHROPIC);
        vm.baseUrlProperty().set(server.url("/v1").toString());

        vm.testConnection();

        assertThat(vm.testOkProperty().get()).as(vm.testResultProperty().get()).isTrue();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-ant-0123456789");
    }

    @Test
    void testConnectionSpeaksAzureAtTheDeploymentWithTheTypedKey() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"{\\\"ok\\\": true}\"}}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}")
                .build());
        SettingsViewModel vm = vm(Map.of("OPENAI_API_KEY", "sk-openai-0123456789"));
        vm.presetProperty().set(ProviderPreset.byId("azure").orElseThrow());
        vm.baseUrlProperty().set(server.url("/").toString());
        vm.deploymentProperty().set("team-4o");
        vm.apiKeyProperty().set(KEY);

        vm.testConnection();

        assertThat(vm.testOkProperty().get()).as(vm.testResultProperty().get()).isTrue();
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/team-4o/chat/completions");
        assertThat(request.getHeaders().get("api-key")).as("the typed key, not OPENAI_API_KEY").isEqualTo(KEY);
    }

    private SettingsViewModel openai(SettingsViewModel vm) {
        vm.providerProperty().set(ProviderKind.OPENAI);
        vm.baseUrlProperty().set(server.url("/v1").toString());
        vm.modelProperty().set("gpt-test");
        vm.apiKeyProperty().set(KEY);
        return vm;
    }
}
