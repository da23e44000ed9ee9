package dev.goldsmith.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** The real main window, headless: open History with two batches, select one, see its items; save a setting. */
@ExtendWith(ApplicationExtension.class)
class HistoryAndSettingsFxTest {

    @TempDir
    static Path root;

    private HistoryFixture fx;
    private FxTaskExecutor executor;
    private BatchRecord keywords;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        fx = new HistoryFixture(Files.createTempDirectory(root, "db"));
        fx.rules(Operation.ENHANCE);
        keywords = fx.rules(Operation.KEYWORD_SUGGEST, "pp-1", "ts-1", "hc-1");
        executor = new FxTaskExecutor(2);
        MainWindow window = MainWindow.load(fx.services, Map.of(), executor, dialogs, Messages.load(Locale.ROOT));
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        fx.services.close();
    }

    @Test
    void historyShowsTheSelectedBatchsItemsAndSettingsSave(FxRobot robot) throws Exception {
        robot.clickOn(tab(robot, "History"));
        TableView<BatchRecord> batches = robot.lookup("#batchesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> batches.getItems().size() == 2);
        assertThat(robot.lookup("#successRateLabel").queryAs(Label.class).getText()).isEqualTo("Success rate 100.0 %");

        Node newest = robot.from(batches).lookup(".table-row-cell").match((Node n) -> n instanceof TableRow<?> row
                && row.getItem() instanceof BatchRecord b && b.id().equals(keywords.id())).query();
        robot.clickOn(newest);

        TableView<OutcomeRow> outcomes = robot.lookup("#outcomesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcomes.getItems().size() == 3);
        assertThat(outcomes.getItems()).extracting(OutcomeRow::itemId).containsExactlyInAnyOrder("pp-1", "ts-1", "hc-1");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText())
                .startsWith("Batch " + keywords.id().substring(0, 8));
        assertThat(robot.lookup("#historyResumeButton").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#historyRetryButton").queryButton().isDisabled()).isTrue();

        robot.clickOn(tab(robot, "Settings"));
        robot.doubleClickOn("#concurrencyField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("7");
        robot.clickOn("#saveButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "7".equals(fx.services.settings().all().get("concurrency")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "Settings saved.".equals(robot.lookup("#statusLabel").queryAs(Label.class).getText()));
    }

    @Test
    void leavingSettingsWithUnsavedChangesAsksAndStaysWhenTheUserSaysSo(FxRobot robot) throws Exception {
        robot.clickOn(tab(robot, "Settings"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.doubleClickOn("#rpmField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("90");
        dialogs.pick(-1);

        robot.clickOn(tab(robot, "History"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(dialogs.choices).singleElement().asString().startsWith("Save the changed settings?");
        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").query();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).as("still on Settings").isEqualTo(2);

        robot.clickOn(tab(robot, "Workspace")); // asked again; this time the default: Save
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "90".equals(fx.services.settings().all().get("rpm")));
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(dialogs.choices).hasSize(2);
    }

    private static Node tab(FxRobot robot, String title) {
        return robot.lookup(".tab-label").match(LabeledMatchers.hasText(title)).query();
    }
}
