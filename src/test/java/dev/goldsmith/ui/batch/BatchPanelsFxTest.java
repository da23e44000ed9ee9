package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless, against an OpenAI-compatible provider on loopback: select items, start a batch,
 * watch it reach 100 % with the counters of the database; cancel one mid-flight and resume it.
 */
@ExtendWith(ApplicationExtension.class)
class BatchPanelsFxTest {

    @TempDir
    static Path root;

    private final MockWebServer server = new MockWebServer();
    private final LoopbackProvider slow = LoopbackProvider.slow(50);
    private final LoopbackProvider gated = LoopbackProvider.gated();
    private LoopbackProvider provider;
    private Services services;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        server.start();
        LoopbackProvider.useFor(services, server);
        server.setDispatcher(new DelegatingDispatcher(() -> provider));
        executor = new FxTaskExecutor(2);
        MainWindow window = MainWindow.load(services, Map.of(), executor, new RecordingDialogService(),
                Messages.load(Locale.ROOT));
        stage.setScene(new Scene(window.root(), 1200, 800));
        Theme.apply(stage.getScene(), false);
        stage.show();
        window.workspace().reload();
    }

    @AfterEach
    void stop() throws Exception {
        gated.allow(1_000);
        executor.close(); // first: queued reloads must not meet a closed database
        services.close();
        server.close();
    }

    @Test
    void aBatchStartedOnTheSelectionReachesOneHundredPercentWithTheCountersOfTheDatabase(FxRobot robot)
            throws TimeoutException {
        provider = slow;
        selectAllNotGold(robot);
        Button start = robot.lookup("#startButton").queryButton();
        assertThat(start.getText()).isEqualTo("Start batch (4 items)");

        robot.clickOn(start);

        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> bar.getProgress() >= 1.0
                && text(robot, "#headlineLabel").equals("Finished 4/4 items") && !text(robot, "#noticeLabel").isEmpty());
        BatchRecord stored = latestBatch();
        assertThat(stored.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(List.of(text(robot, "#succeededLabel"), text(robot, "#failedLabel"), text(robot, "#skippedLabel")))
                .containsExactly("\u2713 " + stored.successfulItems() + " enhanced",
                        "\u2717 " + stored.failedItems() + " failed", "\u21b7 " + stored.skippedItems() + " skipped")
                .containsExactly("\u2713 4 enhanced", "\u2717 0 failed", "\u21b7 0 skipped");
        assertThat(text(robot, "#noticeLabel")).startsWith("Batch finished: \u2713 4 enhanced \u00b7 = 0 unchanged"
                + " \u00b7 \u2717 0 failed \u00b7 \u21b7 0 skipped in ");
        assertThat(robot.lookup("#noticeBar").query().getStyleClass()).contains("gs-notice-success");
        assertThat(text(robot, "#unchangedLabel")).isEqualTo("= " + stored.unchangedItems() + " unchanged");
        assertThat(text(robot, "#tokensLabel")).isEqualTo((stored.promptTokens() + stored.completionTokens()) + " tokens");
        awaitWorkspaceShows(robot, "Silver 3");
    }

    @Test
    void aBatchCancelledMidFlightResumesToTheEnd(FxRobot robot) throws Exception {
        provider = gated;
        selectAllNotGold(robot);
        robot.clickOn("#startButton");
        gated.awaitRequest();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#cancelButton").queryButton().isDisabled());

        robot.clickOn("#cancelButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#headlineLabel").startsWith("Cancelled at 0/4"));
        Button resume = robot.lookup("#resumeButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !resume.isDisabled());
        assertThat(latestBatch().status()).isEqualTo(BatchStatus.CANCELLED);

        gated.allow(1_000);
        robot.clickOn(resume);

        ProgressBar bar = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> bar.getProgress() >= 1.0
                && text(robot, "#headlineLabel").equals("Finished 4/4 items")
                && text(robot, "#noticeLabel").startsWith("Batch finished"));
        BatchRecord stored = latestBatch();
        assertThat(stored.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(stored.successfulItems()).isEqualTo(4);
        assertThat(services.batches().history(HistoryQuery.all(10))).hasSize(1);
        awaitWorkspaceShows(robot, "Silver 3");
    }

    /** The workspace reloads when a batch ends; waiting for it also keeps its loads from outliving the test. */
    private static void awaitWorkspaceShows(FxRobot robot, String silverBadge) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#silverBadge").queryAs(Label.class)
                .getText().equals(silverBadge));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectAllNotGold(FxRobot robot) throws TimeoutException {
        TableView<?> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        Button start = robot.lookup("#startButton").queryButton();
        assertThat(start.isDisabled()).isTrue();
        assertThat(text(robot, "#reasonLabel")).startsWith("Check items in the table");
        robot.clickOn("#selectNotGoldButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
    }

    private BatchRecord latestBatch() {
        return services.batches().history(HistoryQuery.all(1)).get(0);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
