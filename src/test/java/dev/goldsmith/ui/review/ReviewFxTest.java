package dev.goldsmith.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
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

/**
 * The real window, headless: a review batch of ten proposals (one of them stale) reviewed with the keyboard alone —
 * Ctrl+4, A, R, J, K, E with Ctrl+Enter and Esc, ↓, Shift+A — and the store holds every decision.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewFxTest {

    private static final List<String> ITEMS = List.of("pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "pp-8", "pp-9", "pp-10",
            "pp-11", "pp-12");

    @TempDir
    static Path root;

    private ReviewFixture f;
    private FxTaskExecutor executor;
    private MainWindow window;
    private String batch;

    @Start
    void start(Stage stage) throws Exception {
        f = new ReviewFixture(Files.createTempDirectory(root, "db"));
        batch = f.reviewBatch(ITEMS.toArray(String[]::new));
        f.editItem("pp-4", "Led vendor negotiations for warehouse software."); // its proposal is stale now
        executor = new FxTaskExecutor(2);
        window = MainWindow.load(f.services, Map.of(), executor, f.dialogs, f.messages);
        Scene scene = new Scene(window.root(), 1200, 760);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        window.workspace().reload();
    }

    @AfterEach
    void stop() {
        executor.close();
        f.close();
    }

    private ProposalStatus status(String itemId) {
        return f.services.reviews().find(batch, itemId).orElseThrow().status();
    }

    private void awaitStatus(String itemId, ProposalStatus wanted) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(itemId) == wanted);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String current() {
        ProposalRow r = window.review().currentProperty().get();
        return r == null ? null : r.itemId();
    }

    @Test
    void aBatchOfTenIsReviewedWithTheKeyboardAlone(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.workspace().allItems().isEmpty());
        robot.interact(() -> window.workspace().selectAllNotGold()); // Start is enabled: Ctrl+Enter would start a batch
        TabPane tabs = robot.lookup("#tabs").query();
        assertThat(tabs.getTabs().get(3).getText()).isEqualTo("Review (9)");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        ListView<ProposalRow> queue = robot.lookup("#reviewQueue").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 10 && queue.isFocused());
        assertThat(current()).isEqualTo("pp-1");
        Label counts = robot.lookup("#reviewCounts").queryAs(Label.class);
        assertThat(counts.getText()).isEqualTo("9 pending · 0 accepted · 0 rejected · 1 stale");

        robot.type(KeyCode.A);
        awaitStatus("pp-1", ProposalStatus.ACCEPTED);
        assertThat(f.item("pp-1").content()).isEqualTo(f.services.reviews().find(batch, "pp-1").orElseThrow().after().content());
        assertThat(current()).isEqualTo("pp-2");
        assertThat(queue.getSelectionModel().getSelectedItem().itemId()).as("the list follows").isEqualTo("pp-2");

        robot.type(KeyCode.R);
        awaitStatus("pp-2", ProposalStatus.REJECTED);
        assertThat(current()).isEqualTo("pp-3");

        robot.type(KeyCode.J);
        assertThat(current()).isEqualTo("pp-4");
        assertThat(robot.lookup("#reviewNote").queryAs(Label.class).getText()).startsWith("Stale: pp-4 was changed");
        robot.type(KeyCode.A);
        assertThat(current()).as("a stale one cannot be accepted").isEqualTo("pp-4");
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> f.services.reviews().find(batch, "pp-4").orElseThrow().decidedAt() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.item("pp-4").content()).isEqualTo("Led vendor negotiations for warehouse software.");
        assertThat(current()).isEqualTo("pp-5");

        robot.type(KeyCode.K, KeyCode.K);
        assertThat(current()).isEqualTo("pp-3");
        robot.type(KeyCode.E);
        TextArea editor = robot.lookup("#editorText").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, editor::isFocused);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("Cut support tickets by rebuilding the help center");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitStatus("pp-3", ProposalStatus.ACCEPTED);
        assertThat(f.item("pp-3").content()).isEqualTo("Cut support tickets by rebuilding the help center");
        assertThat(f.services.batches().history(HistoryQuery.all(10))).as("Ctrl+Enter in the editor started no batch")
                .hasSize(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, queue::isFocused);
        assertThat(current()).isEqualTo("pp-5");

        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, editor::isFocused);
        assertThat(editor.getText()).as("the E that opened the editor is not typed into it")
                .isEqualTo(f.services.reviews().find(batch, "pp-5").orElseThrow().after().content());
        robot.write("never mind");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, queue::isFocused);
        assertThat(robot.lookup("#editorBox").query().isVisible()).as("the editor is closed").isFalse();
        assertThat(status("pp-5")).isEqualTo(ProposalStatus.PROPOSED);

        robot.type(KeyCode.DOWN);
        assertThat(current()).isEqualTo("pp-8");
        robot.type(KeyCode.A);
        awaitStatus("pp-8", ProposalStatus.ACCEPTED);

        robot.press(KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT);
        for (String id : List.of("pp-5", "pp-9", "pp-10", "pp-11", "pp-12")) {
            awaitStatus(id, ProposalStatus.ACCEPTED);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> counts.getText().startsWith("0 pending"));
        assertThat(f.dialogs.questions).singleElement().asString().startsWith("Accept all pending proposals?: All 5");
        assertThat(f.dialogs.infos).singleElement().asString().isEqualTo("Proposals accepted: 5 proposals were accepted."
                + " 1 stale proposal was skipped, because its item changed after it was made: pp-4.");
        assertThat(counts.getText()).isEqualTo("0 pending · 8 accepted · 1 rejected · 1 stale");
        assertThat(tabs.getTabs().get(3).getText()).isEqualTo("Review");
        assertThat(f.dialogs.errors).isEmpty();
    }
}
