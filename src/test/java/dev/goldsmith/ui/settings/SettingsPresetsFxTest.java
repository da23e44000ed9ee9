package dev.goldsmith.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Settings screen, headless (DESIGN §8): each preset picked fills provider, base URL, model and list prices
 * (with the note to check them), shows the deployment and api-version fields for Azure only, is saved, and comes back
 * the same in a window opened again on the same database.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsPresetsFxTest {

    @TempDir
    static Path root;

    private Services services;
    private FxTaskExecutor executor;
    private Stage stage;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        services = Services.open(Files.createTempDirectory(root, "db").resolve("goldsmith.db"), Clock.systemUTC());
        executor = new FxTaskExecutor(2);
        stage.setScene(new Scene(window(), 1200, 900));
        Theme.apply(stage.getScene(), false);
        stage.show();
    }

    private javafx.scene.Parent window() {
        return MainWindow.load(services, Map.of(), executor, dialogs, Messages.load(Locale.ROOT)).root();
    }

    @AfterEach
    void stop() {
        executor.close();
        services.close();
    }

    @Test
    void eachPresetPickedFillsTheFieldsIsSavedAndIsThereAgainWhenTheWindowIsOpenedAgain(FxRobot robot)
            throws Exception {
        for (ProviderPreset preset : ProviderPreset.all()) {
            openSettings(robot);
            ComboBox<ProviderPreset> presets = robot.lookup("#presetBox").queryComboBox();
            robot.interact(() -> presets.getSelectionModel().select(preset));

            ProviderSettings expected = preset.settings();
            ComboBox<ProviderKind> provider = robot.lookup("#providerBox").queryComboBox();
            assertThat(provider.getValue()).as(preset.id()).isEqualTo(preset.kind());
            assertThat(text(robot, "#baseUrlField")).as(preset.id()).isEqualTo(preset.baseUrl());
            assertThat(text(robot, "#modelField")).as(preset.id()).isEqualTo(preset.defaultModel());
            assertThat(text(robot, "#promptPriceField")).as(preset.id())
                    .isEqualTo(expected.pricing().promptPerMillion().toPlainString());
            assertThat(text(robot, "#completionPriceField")).as(preset.id())
                    .isEqualTo(expected.pricing().completionPerMillion().toPlainString());
            boolean azure = preset.kind().usesDeployment();
            assertThat(robot.lookup("#azureGrid").query().isVisible()).as("%s: deployment fields", preset.id())
                    .isEqualTo(azure);
            Label pricesNote = robot.lookup("#pricesNoteLabel").queryAs(Label.class);
            if (expected.pricing().promptPerMillion().signum() > 0) {
                assertThat(pricesNote.isVisible()).as(preset.id()).isTrue();
                assertThat(pricesNote.getText()).as(preset.id()).contains("list prices as of "
                        + ProviderPreset.PRICES_AS_OF);
            } else {
                assertThat(pricesNote.isVisible()).as("%s: no prices, no note", preset.id()).isFalse();
            }
            if (azure) {
                robot.interact(() -> ((TextField) robot.lookup("#deploymentField").query()).setText("team-4o"));
            }

            robot.clickOn("#saveButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preset.kind().id()
                    .equals(services.settings().all().get("provider"))
                    && preset.baseUrl().equals(services.settings().all().get("base_url")));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#saveButton").queryButton().isDisabled());

            robot.interact(() -> stage.getScene().setRoot(window())); // the window opened again
            openSettings(robot);
            ComboBox<ProviderPreset> reopened = robot.lookup("#presetBox").queryComboBox();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> preset.equals(reopened.getValue()));
            assertThat(text(robot, "#baseUrlField")).as(preset.id()).isEqualTo(preset.baseUrl());
            assertThat(text(robot, "#modelField")).as(preset.id()).isEqualTo(preset.defaultModel());
            assertThat(text(robot, "#promptPriceField")).as(preset.id())
                    .isEqualTo(expected.pricing().promptPerMillion().toPlainString());
            assertThat(robot.lookup("#azureGrid").query().isVisible()).as(preset.id()).isEqualTo(azure);
            if (azure) {
                assertThat(text(robot, "#deploymentField")).isEqualTo("team-4o");
                assertThat(text(robot, "#apiVersionField")).isEqualTo(ProviderSettings.DEFAULT_API_VERSION);
            }
        }
    }

    @Test
    void anEditedPriceIsSavedAndKept(FxRobot robot) throws Exception {
        openSettings(robot);
        ComboBox<ProviderPreset> presets = robot.lookup("#presetBox").queryComboBox();
        ProviderPreset groq = ProviderPreset.byId("groq").orElseThrow();
        robot.interact(() -> presets.getSelectionModel().select(groq));
        robot.doubleClickOn("#promptPriceField").eraseText(text(robot, "#promptPriceField").length()).write("0.42");

        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "0.42".equals(services.settings().all().get("prompt_price_per_million")));

        robot.interact(() -> stage.getScene().setRoot(window()));
        openSettings(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "0.42".equals(text(robot, "#promptPriceField")));
        assertThat(robot.lookup("#presetBox").queryComboBox().getValue()).as("edited prices keep the preset")
                .isEqualTo(groq);
    }

    private static void openSettings(FxRobot robot) throws Exception {
        Node tab = robot.lookup(".tab-label").match(LabeledMatchers.hasText("Settings")).query();
        robot.clickOn(tab);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }
}
