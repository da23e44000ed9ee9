package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.goldsmith.Services;
import dev.goldsmith.ui.settings.SettingsViewModel;
import dev.goldsmith.ui.vault.VaultFilesViewModel;
import dev.goldsmith.ui.vault.VaultWorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What the window does is in the log at INFO — an import, a settings change — and the API key never is. */
class WindowLogTest {

    private static final String KEY = "sk-test-LOGGED-NEVER-0123456789";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ui = (Logger) LoggerFactory.getLogger("dev.goldsmith.ui");
    private Level previous;
    private Services services;

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
        previous = ui.getLevel();
        ui.setLevel(Level.INFO);
        services = TestVaults.jordan(dir);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        ui.setLevel(previous);
        services.close();
    }

    @Test
    void importsAndSettingsChangesAreLoggedAtInfoWithoutTheKey() throws Exception {
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        Messages messages = Messages.load(Locale.ROOT);
        VaultWorkspaceViewModel workspace = new VaultWorkspaceViewModel(services.vaults(), services.items(), executor,
                dialogs, messages);
        VaultFilesViewModel files = new VaultFilesViewModel(services.vaultImporter(), services.vaultExporter(),
                workspace, executor, dialogs, messages);
        Path file = Files.writeString(dir.resolve("ada.json"), "{\"vault\": {\"id\": \"v-ada\", \"name\": \"Ada\"},"
                + " \"items\": [{\"id\": \"pp-1\", \"type\": \"power_phrase\", \"content\": \"Shipped the compiler\"}]}");
        SettingsViewModel settings = new SettingsViewModel(services.batchDefaults(), services.keyLookup(Map.of()),
                executor, dialogs, messages, new SimpleBooleanProperty());
        settings.load();

        files.importFile(file);
        settings.rpmProperty().set("90");
        settings.apiKeyProperty().set(KEY);
        settings.save();

        List<String> info = appender.list.stream().filter(e -> e.getLevel() == Level.INFO)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(info).anyMatch(m -> m.startsWith("importing ") && m.endsWith("ada.json from the window"))
                .contains("imported vault v-ada (Ada, new): 1 added, 0 updated, 0 unchanged")
                .anyMatch(m -> m.startsWith("settings saved: provider rules") && m.contains("rpm 90")
                        && m.endsWith("API key changed"));
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(KEY));
        assertThat(dialogs.errors).isEmpty();
    }
}
