package dev.goldsmith.ui;

import dev.goldsmith.Version;
import dev.goldsmith.store.SettingsRepository;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The main window's own state: the theme and the open vault (saved in settings), the shortcuts and About boxes. */
public final class MainWindowViewModel {

    static final String THEME_KEY = "ui.theme";
    static final String VAULT_KEY = "ui.vault";

    private final SettingsRepository settings;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final String lastVault;

    public MainWindowViewModel(Map<String, String> savedSettings, SettingsRepository settings, TaskExecutor executor,
                               DialogService dialogs, Messages messages) {
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        darkTheme.set("dark".equals(savedSettings.get(THEME_KEY)));
        lastVault = savedSettings.get(VAULT_KEY);
        darkTheme.addListener((obs, was, dark) -> save(THEME_KEY, dark ? "dark" : "light"));
    }

    /** The dark theme is on; changing it is saved in the background. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The vault that was open when the window last closed, or {@code null}. */
    public String lastVault() {
        return lastVault;
    }

    /** Remembers the open vault for the next start (saved in the background). */
    public void vaultOpened(String vaultId) {
        save(VAULT_KEY, vaultId);
    }

    /** Help ▸ Keyboard shortcuts. */
    public void showShortcuts() {
        String mod = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "\u2318" : "Ctrl+";
        dialogs.showInfo(messages.get("shortcuts.title"), messages.get("shortcuts.text", mod));
    }

    public void showAbout() {
        dialogs.showInfo(messages.get("about.title"), messages.get("about.text", Version.current()));
    }

    private void save(String key, String value) {
        executor.submit(() -> {
            settings.put(key, value);
            return null;
        }, ok -> { }, failure -> dialogs.showError(messages.get("settings.saveFailed"), failure.getMessage()));
    }
}
