package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state and the placement it remembers, on a real SQLite file, without the FX toolkit. */
class MainWindowViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theThemeStartsFromSettingsAndIsSavedWhenToggled() {
        Services services = TestVaults.jordan(dir);
        RecordingDialogService dialogs = new RecordingDialogService();
        MainWindowViewModel vm = new MainWindowViewModel(Map.of("ui.theme", "dark"), services.settings(),
                new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT));
        assertThat(vm.darkThemeProperty().get()).isTrue();

        vm.darkThemeProperty().set(false);

        assertThat(services.settings().get("ui.theme")).contains("light");
        vm.showAbout();
        assertThat(dialogs.infos).singleElement().asString().startsWith("About Goldsmith: Goldsmith ");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theOpenVaultIsRememberedForTheNextStartAndHelpListsTheShortcuts() {
        Services services = TestVaults.jordan(dir);
        RecordingDialogService dialogs = new RecordingDialogService();
        MainWindowViewModel vm = new MainWindowViewModel(Map.of("ui.vault", "v-empty"), services.settings(),
                new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT));
        assertThat(vm.lastVault()).isEqualTo("v-empty");

        vm.vaultOpened(TestVaults.VAULT);
        assertThat(services.settings().get("ui.vault")).contains(TestVaults.VAULT);

        vm.showShortcuts();
        assertThat(dialogs.infos).singleElement().asString().startsWith("Keyboard shortcuts: Start the batch (or queue it): ")
                .contains("Pause or resume: ", "Cancel the batch: ", "Search the items: ", "Space", "F1");
    }

    @Test
    void windowPlacementRoundTripsThroughSettings() {
        Services services = TestVaults.jordan(dir);
        WindowPlacement placement = new WindowPlacement(40, 60, 1280, 800, false);
        services.settings().putAll(placement.toSettings());

        assertThat(WindowPlacement.fromSettings(services.settings().all())).contains(placement);
    }

    @Test
    void missingOrUnusablePlacementIsIgnored() {
        assertThat(WindowPlacement.fromSettings(Map.of())).isEmpty();
        assertThat(WindowPlacement.fromSettings(new WindowPlacement(0, 0, 100, 80, false).toSettings())).isEmpty();
        assertThat(WindowPlacement.fromSettings(Map.of("ui.window.x", "left", "ui.window.y", "0",
                "ui.window.width", "900", "ui.window.height", "700"))).isEmpty();
    }
}
