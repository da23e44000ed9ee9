package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
/** The launch panel's spinners and shortcut in the real window: what they show is what a batch runs with. */
class LaunchSpinnersFxTest {

    @TempDir
    static Path root;

    private final MockWebServer server = new MockWebServer();
    private final LoopbackProvider slow = LoopbackProvider.slow(50);
    private Services services;
    private FxTaskExecutor executor;
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        server.start();
        LoopbackProvider.useFor(services, server);
        server.setDispatcher(slow);
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        services.batchDefaults().save(saved.withOptions(saved.options().withRpm(20_000)));
        executor = new FxTaskExecutor(2);
        window = MainWindow.load(services, Map.of(), executor, dialogs, Messages.load(Locale.ROOT));
        stage.setScene(new Scene(window.root(), 1200, 800));
        Theme.apply(stage.getScene(), false);
        stage.show();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        window.workspace().reload();
    }

    @AfterEach
    void stop() throws Exception {
        services.close();
        executor.close();
        server.close();
    }

    private void ready(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        Button start = robot.lookup("#startButton").queryButton();
        robot.clickOn("#selectNotGoldButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
    }

    @Test
    void theRpmSpinnerShowsTheValueTheBatchRunsWith(FxRobot robot) throws Exception {
        ready(robot);
        Spinner<Integer> rpm = robot.lookup("#rpmSpinner").query();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !services.batches().history(HistoryQuery.all(1)).isEmpty());
        String meta = services.batches().history(HistoryQuery.all(1)).get(0).metadata().toString();
        assertThat(meta).contains("20000");
        assertThat(rpm.getValue()).isEqualTo(20_000);
    }

    @Test
    void clearingASpinnerKeepsItsNumberAndStartStillWorks(FxRobot robot) throws Exception {
        ready(robot);
        Spinner<Integer> c = robot.lookup("#concurrencySpinner").query();
        int before = c.getValue();
        robot.clickOn(c.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(uncaught).isEmpty();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !services.batches().history(HistoryQuery.all(1)).isEmpty());
        assertThat(c.getValue()).as("blank text keeps the number").isEqualTo(before);
        assertThat(services.batches().history(HistoryQuery.all(1)).get(0).metadata())
                .contains("\"concurrency\":" + before);
    }

    @Test
    void ctrlEnterFromTheSearchFieldStartsTheBatch(FxRobot robot) throws Exception {
        ready(robot);
        robot.clickOn("#searchField");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.batches().history(HistoryQuery.all(1))).as("Ctrl+Enter in search").isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"concurrencySpinner, concurrency, 7", "rpmSpinner, rpm, 60", "attemptsSpinner, max_attempts, 4"})
    void ctrlEnterInASpinnerStartsExactlyOneBatchWithTheTypedValue(String spinnerId, String key, int typed,
                                                                    FxRobot robot) throws Exception {
        ready(robot);
        Spinner<Integer> spinner = robot.lookup("#" + spinnerId).query();
        robot.clickOn(spinner.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(Integer.toString(typed));

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.batch().live().queuedProperty().get()).as("batches waiting behind the first").isZero();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.batch().live().busyProperty().get());
        List<BatchRecord> batches = services.batches().history(HistoryQuery.all(10));
        assertThat(batches).as("one Ctrl+Enter, one batch").hasSize(1);
        assertThat(batches.get(0).metadata()).contains("\"" + key + "\":" + typed + ",");
        assertThat(spinner.getValue()).isEqualTo(typed);
        assertThat(dialogs.questions).isEmpty();
    }

    @Test
    void aNumberTypedIntoASpinnerIsWhatStartRunsWith(FxRobot robot) throws Exception {
        ready(robot);
        Spinner<Integer> rpm = robot.lookup("#rpmSpinner").query();
        robot.clickOn(rpm.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("60");

        robot.clickOn("#startButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.batch().live().busyProperty().get()
                && !services.batches().history(HistoryQuery.all(1)).isEmpty());
        assertThat(services.batches().history(HistoryQuery.all(10))).singleElement()
                .satisfies(b -> assertThat(b.metadata()).contains("\"rpm\":60,"));
        assertThat(rpm.getValue()).isEqualTo(60);
    }

    @Test
    void ctrlTwoFromTheSearchFieldSwitchesTabs(FxRobot robot) throws Exception {
        ready(robot);
        robot.clickOn("#searchField");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#tabs").query();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
    }
}
