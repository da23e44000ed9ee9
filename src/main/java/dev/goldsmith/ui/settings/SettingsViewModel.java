package dev.goldsmith.ui.settings;

import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderCheck;
import dev.goldsmith.ai.ProviderCheckResult;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchDefaults;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.KeyLookup;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Settings tab: the provider and engine settings new batches start with, as editable text, saved through
 * {@link BatchDefaults} (the key through the {@link KeyLookup}'s key file, never the database). Choosing a preset
 * ({@link ProviderPreset}) fills the provider, base URL, model and list prices, all editable; the preset shown is
 * the one the fields point at. A key in the provider's environment variables wins over the saved one and cannot be
 * edited here. Test connection runs the provider check in the background with the key a batch would get.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final BatchDefaults defaults;
    private final KeyLookup keys;
    private final TaskExecutor executor;
    private final Messages messages;
    private final BooleanProperty darkTheme;
    private final ObjectProperty<ProviderKind> provider = new SimpleObjectProperty<>(ProviderKind.RULES);
    private final ObjectProperty<ProviderPreset> preset = new SimpleObjectProperty<>();
    private final StringProperty baseUrl = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty deployment = new SimpleStringProperty("");
    private final StringProperty apiVersion = new SimpleStringProperty("");
    private final StringProperty apiKey = new SimpleStringProperty("");
    private final StringProperty temperature = new SimpleStringProperty("");
    private final StringProperty maxTokens = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty("");
    private final StringProperty concurrency = new SimpleStringProperty("");
    private final StringProperty rpm = new SimpleStringProperty("");
    private final StringProperty tpm = new SimpleStringProperty("");
    private final StringProperty maxAttempts = new SimpleStringProperty("");
    private final StringProperty baseDelayMs = new SimpleStringProperty("");
    private final StringProperty promptPrice = new SimpleStringProperty("");
    private final StringProperty completionPrice = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty review = new javafx.beans.property.SimpleBooleanProperty();
    private final StringProperty confirmItems = new SimpleStringProperty("");
    private final StringProperty confirmCost = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper remote = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper usesDeployment = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper keyFromEnvironment = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper keyNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pricesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper savedRevision = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper();
    private final DialogService dialogs;
    private final SharedDatabaseViewModel sharedDatabase;
    /** The fields and key as last loaded or saved: what "unsaved changes" compares with. */
    private SettingsForm savedForm;
    private String savedKey = "";
    /** Fields are being filled (shown, or from a preset): not a choice of the user's to act on. */
    private boolean filling;

    /** What to do with unsaved changes on leaving the screen. */
    private enum Leave { SAVE, DISCARD }

    public SettingsViewModel(BatchDefaults defaults, KeyLookup keys, TaskExecutor executor, DialogService dialogs,
                             Messages messages, BooleanProperty darkTheme) {
        this.defaults = defaults;
        this.dialogs = dialogs;
        this.keys = keys;
        this.executor = executor;
        this.messages = messages;
        this.darkTheme = darkTheme;
        this.sharedDatabase = new SharedDatabaseViewModel(keys.saved().file().toAbsolutePath().getParent(),
                keys.env(), executor, messages);
        provider.addListener((obs, was, now) -> {
            if (!filling && now != null) {
                ProviderPreset.all().stream().filter(p -> p.kind() == now).findFirst().ifPresent(this::fill);
            }
        });
        preset.addListener((obs, was, now) -> {
            if (!filling && now != null) {
                fill(now);
            }
        });
        javafx.beans.InvalidationListener follow = obs -> follow();
        provider.addListener(follow);
        baseUrl.addListener(follow);
        model.addListener(follow);
        deployment.addListener(follow);
        follow();
    }

    /** The "Shared database" section: which team database this machine opens. */
    public SharedDatabaseViewModel sharedDatabase() {
        return sharedDatabase;
    }

    /** Reads the saved settings (and key) in the background and shows them. */
    public void load() {
        sharedDatabase.load();
        busy.set(true);
        executor.submit(() -> new Saved(defaults.load(Operation.ENHANCE), defaults.confirmThreshold(),
                keys.saved().read()), saved -> {
            show(SettingsForm.of(saved.settings(), saved.threshold()));
            apiKey.set(saved.key().orElse(""));
            savedForm = form();
            savedKey = apiKey.get();
            error.set("");
            busy.set(false);
        }, failure -> {
            busy.set(false);
            error.set(String.valueOf(failure.getMessage()));
        });
    }

    private record Saved(BatchSettings settings, dev.goldsmith.batch.ConfirmThreshold threshold, Optional<String> key) {
    }

    /**
     * Checks the fields and saves them in the background; a bad value is shown in {@link #errorProperty()} and
     * nothing is saved.
     *
     * @return whether the fields were valid (saving then goes on in the background)
     */
    public boolean save() {
        BatchSettings settings;
        dev.goldsmith.batch.ConfirmThreshold threshold;
        try {
            settings = form().toSettings();
            threshold = form().toThreshold();
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            status.set("");
            return false;
        }
        error.set("");
        busy.set(true);
        boolean saveKey = !keyFromEnvironment.get();
        String key = apiKey.get();
        SettingsForm saving = form();
        String keyChange = keyFromEnvironment.get() ? "from the environment"
                : Objects.equals(key, savedKey) ? "unchanged" : key == null || key.isBlank() ? "removed" : "changed";
        executor.submit(() -> {
            defaults.save(settings);
            defaults.saveConfirmThreshold(threshold);
            if (saveKey) {
                keys.saved().write(key);
            }
            return null;
        }, ok -> {
            busy.set(false);
            savedForm = saving;
            savedKey = key;
            status.set(messages.get("settings.saved"));
            savedRevision.set(savedRevision.get() + 1);
            ProviderSettings p = settings.provider();
            LOG.info("settings saved: provider {}, base URL {}, model {}{}, concurrency {}, rpm {}, tpm {}, max attempts {},"
                    + " base delay {} ms, prices {}/{} per million tokens; API key {}", p.kind().id(), p.baseUrl(),
                    p.model(), p.kind().usesDeployment() ? ", deployment " + p.deployment() + " (api-version "
                            + p.apiVersion() + ")" : "", settings.options().concurrency(), settings.options().rpm(), settings.options().tpm(),
                    settings.options().maxAttempts(), settings.options().baseDelay().toMillis(),
                    p.pricing().promptPerMillion(), p.pricing().completionPerMillion(), keyChange);
        }, failure -> {
            busy.set(false);
            error.set(String.valueOf(failure.getMessage()));
        });
        return true;
    }

    /** Checks the provider with the fields as they are (not yet saved) and the key that would be used. */
    public void testConnection() {
        ProviderSettings p;
        try {
            p = form().toSettings().provider().withApiKey(keyToUse());
        } catch (IllegalArgumentException e) {
            testOk.set(false);
            testResult.set(e.getMessage());
            return;
        }
        busy.set(true);
        testResult.set(messages.get("settings.test.running"));
        executor.submit(() -> ProviderCheck.check(p), this::showTest, failure -> showTest(
                new ProviderCheckResult(false, String.valueOf(failure.getMessage()), 0, java.time.Duration.ZERO)));
    }

    /** Fields changed (or a key typed) since they were last loaded or saved. */
    public boolean hasUnsavedChanges() {
        return savedForm != null && (!form().equals(savedForm)
                || !keyFromEnvironment.get() && !Objects.equals(apiKey.get(), savedKey));
    }

    /**
     * Before leaving the screen (another tab, closing the window): with unsaved changes, asks whether to save them,
     * discard them or stay. Returns whether the user may leave: saved (when the fields are valid) or discarded.
     */
    public boolean confirmLeave() {
        if (!hasUnsavedChanges()) {
            return true;
        }
        Optional<Leave> choice = dialogs.choose(messages.get("settings.leave.title"), messages.get("settings.leave.text"),
                List.of(new DialogService.Choice<>(messages.get("settings.leave.save"), Leave.SAVE),
                        new DialogService.Choice<>(messages.get("settings.leave.discard"), Leave.DISCARD)));
        if (choice.isEmpty()) {
            return false;
        }
        return switch (choice.get()) {
            case SAVE -> save();
            case DISCARD -> {
                show(savedForm);
                apiKey.set(savedKey);
                error.set("");
                yield true;
            }
        };
    }

    private void showTest(ProviderCheckResult result) {
        busy.set(false);
        testOk.set(result.ok());
        testResult.set(result.message());
    }

    /** The key a batch with these fields would get: the environment's, else the one typed (not yet saved). */
    private String keyToUse() {
        Optional<String> typed = Optional.ofNullable(apiKey.get()).filter(k -> !k.isBlank());
        return keys.find(form().roughProvider(), typed).map(ApiKey::value).orElse(null);
    }

    private SettingsForm form() {
        return new SettingsForm(provider.get(), baseUrl.get(), model.get(), deployment.get(), apiVersion.get(),
                temperature.get(), maxTokens.get(), timeoutSeconds.get(), concurrency.get(), rpm.get(), tpm.get(),
                maxAttempts.get(), baseDelayMs.get(), promptPrice.get(), completionPrice.get(), review.get(),
                confirmItems.get(), confirmCost.get());
    }

    private void show(SettingsForm f) {
        filling = true;
        try {
            provider.set(f.provider());
            baseUrl.set(f.baseUrl());
            model.set(f.model());
            deployment.set(f.deployment());
            apiVersion.set(f.apiVersion());
            temperature.set(f.temperature());
            maxTokens.set(f.maxTokens());
            timeoutSeconds.set(f.timeoutSeconds());
            concurrency.set(f.concurrency());
            rpm.set(f.rpm());
            tpm.set(f.tpm());
            maxAttempts.set(f.maxAttempts());
            baseDelayMs.set(f.baseDelayMs());
            promptPrice.set(f.promptPrice());
            completionPrice.set(f.completionPrice());
            review.set(f.review());
            confirmItems.set(f.confirmItems());
            confirmCost.set(f.confirmCost());
        } finally {
            filling = false;
        }
        follow();
    }

    /** Fills the provider, base URL, model (Azure: and deployment) and the default model's list prices of a preset. */
    private void fill(ProviderPreset chosen) {
        ProviderSettings p = chosen.settings();
        filling = true;
        try {
            provider.set(p.kind());
            baseUrl.set(p.baseUrl());
            model.set(p.model());
            deployment.set(p.kind().usesDeployment() ? p.deployment() : "");
            apiVersion.set(p.kind().usesDeployment() ? p.apiVersion() : "");
            promptPrice.set(p.pricing().promptPerMillion().toPlainString());
            completionPrice.set(p.pricing().completionPerMillion().toPlainString());
        } finally {
            filling = false;
        }
        follow();
    }

    /**
     * Derived state after any provider field changed: the preset the fields point at, whether the fields of a
     * server or of Azure apply, where the key comes from, and the note on a preset's list prices.
     */
    private void follow() {
        ProviderKind kind = provider.get() == null ? ProviderKind.RULES : provider.get();
        ProviderSettings rough = form().roughProvider();
        Optional<ProviderPreset> matching = kind.isRemote() ? ProviderPreset.matching(rough) : Optional.empty();
        boolean wasFilling = filling;
        filling = true;
        try {
            preset.set(matching.orElse(null));
        } finally {
            filling = wasFilling;
        }
        remote.set(kind.isRemote());
        usesDeployment.set(kind.usesDeployment());
        Optional<ApiKey> fromEnv = keys.fromEnvironment(rough);
        keyFromEnvironment.set(fromEnv.isPresent());
        if (fromEnv.isPresent()) {
            keyNote.set(messages.get("settings.key.fromEnvironment", fromEnv.get().origin()));
        } else if (!kind.isRemote()) {
            keyNote.set(messages.get("settings.key.none"));
        } else if (matching.filter(p -> !p.keyRequired()).isPresent()) {
            keyNote.set(messages.get("settings.key.local"));
        } else {
            keyNote.set(messages.get("settings.key.variables", String.join(" or ", keys.variables(rough))));
        }
        boolean listed = matching.filter(p -> p.prices().stream().anyMatch(m -> m.pricing().promptPerMillion().signum() > 0
                || m.pricing().completionPerMillion().signum() > 0)).isPresent();
        pricesNote.set(listed ? messages.get("settings.prices.listed", matching.get().displayName(),
                ProviderPreset.PRICES_AS_OF.toString()) : "");
    }

    /** "Offline rules", "OpenAI-compatible", "Azure OpenAI", "Anthropic". */
    public String providerName(ProviderKind value) {
        return value == null ? "" : messages.get("settings.provider." + value.id());
    }

    /** "Groq", "LM Studio": a preset's own name; for none, what that means. */
    public String presetName(ProviderPreset value) {
        return value == null ? messages.get("settings.preset.none") : value.displayName();
    }

    /** The provider kinds offered, in order. */
    public List<ProviderKind> providers() {
        return List.of(ProviderKind.values());
    }

    /** The presets offered, in order. */
    public List<ProviderPreset> presets() {
        return ProviderPreset.all();
    }

    public ObjectProperty<ProviderKind> providerProperty() { return provider; }

    /** The preset the fields point at (empty for a server of one's own); choosing one fills the fields. */
    public ObjectProperty<ProviderPreset> presetProperty() { return preset; }

    /** Azure OpenAI: the deployment calls go to. */
    public StringProperty deploymentProperty() { return deployment; }

    /** Azure OpenAI: the api-version. */
    public StringProperty apiVersionProperty() { return apiVersion; }

    /** The provider calls a server (its base URL, model and key apply). */
    public ReadOnlyBooleanProperty remoteProperty() { return remote.getReadOnlyProperty(); }

    /** The provider is Azure OpenAI (deployment and api-version apply). */
    public ReadOnlyBooleanProperty usesDeploymentProperty() { return usesDeployment.getReadOnlyProperty(); }

    /** "List prices of Groq as of 2026-12-01: check them …", or empty. */
    public ReadOnlyStringProperty pricesNoteProperty() { return pricesNote.getReadOnlyProperty(); }

    public StringProperty baseUrlProperty() { return baseUrl; }
    public StringProperty modelProperty() { return model; }
    public StringProperty apiKeyProperty() { return apiKey; }
    public StringProperty temperatureProperty() { return temperature; }
    public StringProperty maxTokensProperty() { return maxTokens; }
    public StringProperty timeoutSecondsProperty() { return timeoutSeconds; }
    public StringProperty concurrencyProperty() { return concurrency; }
    public StringProperty rpmProperty() { return rpm; }
    public StringProperty tpmProperty() { return tpm; }
    public StringProperty maxAttemptsProperty() { return maxAttempts; }
    public StringProperty baseDelayMsProperty() { return baseDelayMs; }
    public StringProperty promptPriceProperty() { return promptPrice; }
    public StringProperty completionPriceProperty() { return completionPrice; }

    /** The window's theme (shared with the View menu; saved when it changes). */
    public BooleanProperty darkThemeProperty() { return darkTheme; }

    /** True when one of the provider's key variables is set (e.g. ANTHROPIC_API_KEY): the key field is then disabled. */
    public ReadOnlyBooleanProperty keyFromEnvironmentProperty() { return keyFromEnvironment.getReadOnlyProperty(); }

    /** "Using the key from the environment (GROQ_API_KEY)", or where the key may come from. */
    public ReadOnlyStringProperty keyNoteProperty() { return keyNote.getReadOnlyProperty(); }

    /** Why the fields cannot be saved, in one sentence; empty when they can. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** "Settings saved." after a save. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** Loading, saving or testing is under way. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** The provider check's plain-words message. */
    public ReadOnlyStringProperty testResultProperty() { return testResult.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty testOkProperty() { return testOk.getReadOnlyProperty(); }

    /** Goes up by one each time settings are saved: other screens reload their defaults on it. */
    public ReadOnlyLongProperty savedRevisionProperty() { return savedRevision.getReadOnlyProperty(); }

    /** "Review before applying" for new batches: the launch panel's switch starts from it. */
    public javafx.beans.property.BooleanProperty reviewProperty() {
        return review;
    }

    /** A new batch with more items to send than this asks for confirmation first. */
    public StringProperty confirmItemsProperty() {
        return confirmItems;
    }

    /** A new batch estimated to cost more than this (US dollars) asks for confirmation first. */
    public StringProperty confirmCostProperty() {
        return confirmCost;
    }
}
