package dev.goldsmith.ui;

import dev.goldsmith.Version;
import dev.goldsmith.store.SettingsRepository;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The main window's own state: the theme (saved in settings) and the About box. */
public final class MainWindowViewModel {

    static final String THEME_KEY = "ui.theme";

    private final SettingsRepository settings;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();

    public MainWindowViewModel(Map<String, String> savedSettings, SettingsRepository settings, TaskExecutor executor,
                               DialogService dialogs, Messages messages) {
        this.settings = settings;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        darkTheme.set("dark".equals(savedSettings.get(THEME_KEY)));
        darkTheme.addListener((obs, was, dark) -> save(THEME_KEY, dark ? "dark" : "light"));
    }

    /** The dark theme is on; changing it is saved in the background. */
    public BooleanProperty darkThemeProperty() {
        return darkTheme;
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
