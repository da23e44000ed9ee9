package dev.goldsmith.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

/** The real main window FXML and wiring, headless (Monocle), on a real temporary SQLite file. */
@ExtendWith(ApplicationExtension.class)
class VaultWorkspaceFxTest {

    @TempDir
    static Path root;

    private FxTaskExecutor executor;
    private Services services;

    @Start
    void start(Stage stage) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        executor = new FxTaskExecutor(2);
        MainWindow window = MainWindow.load(services, Map.of(), executor, new RecordingDialogService(),
                Messages.load(Locale.ROOT));
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        window.workspace().reload();
    }

    @AfterEach
    void stop() {
        executor.close();
        services.close();
    }

    @Test
    void theFirstWindowShowsTheVaultsItems(FxRobot robot) throws TimeoutException {
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        assertThat(robot.lookup("#goldBadge").queryAs(Label.class).getText()).isEqualTo("Gold 2");
        // the rows are in; their cells show at the next layout pass (later on a loaded machine)
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("Calm under incident pressure").tryQuery().isPresent());
    }

    @Test
    void typingInSearchFiltersTheRows(FxRobot robot) throws TimeoutException {
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);

        robot.clickOn("#itemsTable").press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("python");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2); // once typing paused
        assertThat(table.getItems()).extracting(r -> r.item().id()).containsExactly("pp-3", "ts-2");
    }

    @Test
    void selectAllNotGoldUpdatesTheCount(FxRobot robot) throws TimeoutException {
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        Label count = robot.lookup("#selectionCount").queryAs(Label.class);
        assertThat(count.getText()).isEqualTo("0 selected");

        robot.clickOn("#selectNotGoldButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(count.getText()).isEqualTo("4 selected");
        assertThat(robot.lookup("#clearSelectionButton").queryButton().isDisabled()).isFalse();
    }
}
