package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.batch.ConfirmThreshold;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.Theme;
import dev.goldsmith.ui.review.DiffFlow;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless: the estimate line under Start follows the selection; Start above the confirmation
 * threshold asks with the figures and starts nothing on "no"; Try on 3 opens a window of diffs and writes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class LaunchEstimateFxTest {

    @TempDir
    static Path root;

    private Services services;
    private FxTaskExecutor executor;
    private MainWindow window;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        services.batchDefaults().saveConfirmThreshold(new ConfirmThreshold(2, BigDecimal.ONE));
        executor = new FxTaskExecutor(2);
        window = MainWindow.load(services, Map.of(), executor, dialogs, Messages.load(Locale.ROOT));
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        window.workspace().reload();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot().getId() != null
                        && w.getScene().getRoot().getId().equals(TrialWindow.ID)).toList()
                .forEach(w -> ((Stage) w).close()));
        executor.close();
        services.close();
    }

    @Test
    void aBatchAboveTheThresholdAsksWithItsFiguresFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.workspace().allItems().size() == 6);
        Label estimate = robot.lookup("#estimateLabel").queryAs(Label.class);
        assertThat(estimate.isVisible()).as("nothing selected: no estimate").isFalse();

        robot.clickOn("#selectNotGoldButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> estimate.getText().startsWith("Estimate: 4 items to send"));
        assertThat(estimate.isVisible()).isTrue();

        dialogs.answer(false);
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogs.questions.isEmpty());
        assertThat(dialogs.questions).singleElement().asString().startsWith("Start this batch?: It is above the"
                + " confirmation threshold (more than 2 items or $1, set in Settings).").contains("4 items to send");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(services.batches().history(HistoryQuery.all(1))).as("said no: nothing started").isEmpty();

        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !services.batches().history(HistoryQuery.all(1)).isEmpty()
                && services.batches().history(HistoryQuery.all(1)).get(0).status() == dev.goldsmith.batch.BatchStatus.COMPLETED);
        assertThat(dialogs.questions).hasSize(2);
        assertThat(services.batches().history(HistoryQuery.all(1)).get(0).totalItems()).isEqualTo(4);
    }

    @Test
    void tryOnThreeOpensTheDiffsOfThreeItemsAndWritesNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.workspace().allItems().size() == 6);
        var before = services.items().list(TestVaults.VAULT);
        robot.clickOn("#selectNotGoldButton");
        Node tryButton = robot.lookup("#tryButton").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tryButton.isDisabled());

        robot.clickOn(tryButton);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#" + TrialWindow.ID).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Node trial = robot.lookup("#" + TrialWindow.ID).query();
        assertThat(robot.from(trial).lookup((Node n) -> n instanceof DiffFlow).queryAll()).hasSize(3);
        assertThat(robot.from(trial).lookup("pp-3").tryQuery()).isPresent();
        assertThat(services.items().list(TestVaults.VAULT)).as("nothing written").isEqualTo(before);
        assertThat(services.batches().history(HistoryQuery.all(1))).isEmpty();
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#" + TrialWindow.ID).tryQuery().isEmpty());
    }
}
