package dev.goldsmith.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.DemoVault;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.Theme;
import dev.goldsmith.ui.vault.ItemRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
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
 * The real window at 1000×650 with real batches behind it (one enhanced offline, one whose items a server refused):
 * on every screen, no label, button, cell or column header shows its text cut off with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class NoTruncationFxTest {

    @TempDir
    static Path root;

    private final MockWebServer server = new MockWebServer();
    private Services services;
    private FxTaskExecutor executor;
    private Scene scene;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage primary) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        server.start();
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"Unsupported value: 'temperature' does not support 0.7 with this"
                            + " model.\",\"type\":\"invalid_request_error\"}}").build());
        }
        ProviderSettings refusing = new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(),
                "gpt-4o-mini", null, 0.7, 200, Duration.ofSeconds(10), 2, Pricing.perMillion(0.15, 0.60));
        BatchSettings refused = new BatchSettings(BatchOptions.defaults(Operation.ENHANCE).withMaxAttempts(1), refusing);
        services.batches().start(TestVaults.VAULT, List.of("pp-1", "hc-1"), refused).completion().get(20, TimeUnit.SECONDS);
        services.batches().start(TestVaults.VAULT, List.of("pp-3", "ts-1", "ts-2"),
                new BatchSettings(BatchOptions.defaults(Operation.KEYWORD_SUGGEST), ProviderSettings.rules()))
                .completion().get(20, TimeUnit.SECONDS);
        // and one of realistic size, so History's counts have the digits they have in use: 60 · ✓47 =6 ✗0 ↷7
        services.vaultImporter().importVault(DemoVault.load(), false);
        List<String> forReview = List.of("pp-1", "pp-2", "pp-3", "pp-4", "pp-5");
        services.batches().start("v-maya", services.items().list("v-maya").stream().map(i -> i.id())
                .filter(id -> !forReview.contains(id)).toList(), new BatchSettings(BatchOptions.defaults(Operation.ENHANCE),
                ProviderSettings.rules())).completion().get(20, TimeUnit.SECONDS);
        services.batches().start("v-maya", forReview, new BatchSettings(
                BatchOptions.defaults(Operation.ENHANCE).withReview(true), ProviderSettings.rules()))
                .completion().get(20, TimeUnit.SECONDS); // proposals for the Review tab
        executor = new FxTaskExecutor(2);
        OwnWindow own = OwnWindow.open(services, executor, primary);
        window = own.window();
        scene = own.scene();
        stage = own.stage();
    }

    @AfterEach
    void stop() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        services.close();
        server.close();
    }

    @Test
    void nothingIsCutOffOnAnyScreenAt1000By650(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("History")).queryAs(Node.class));
        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Workspace")).queryAs(Node.class));
        robot.interact(() -> {
            stage.setWidth(1000);
            stage.setHeight(650);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(scene.getWidth()).isEqualTo(1000);
        TableView<?> items = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == 6);
        robot.clickOn("#selectNotGoldButton");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !label(robot, "#noticeLabel").getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the batch's end has been handled: the workspace is reloading
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.workspace().loadingProperty().get());
        selectItem(robot, items, "pp-3"); // rewritten by the batch: its versions show beside the table
        ListView<?> versions = robot.lookup("#versionList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !versions.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "Workspace");

        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("History")).queryAs(Node.class));
        TableView<BatchRecord> batches = robot.lookup("#batchesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> batches.getItems().size() == 5);
        BatchRecord failed = batches.getItems().stream().filter(b -> b.failedItems() > 0).findFirst().orElseThrow();
        robot.interact(() -> batches.getSelectionModel().select(failed)); // five batches: it may be below the fold
        TableView<?> outcomes = robot.lookup("#outcomesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcomes.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "History");

        robot.interact(() -> outcomes.getSelectionModel().select(0)); // its diff note (not written back)
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "History, an item");
        BatchRecord keywords = batches.getItems().stream().filter(b -> b.operation() == Operation.KEYWORD_SUGGEST && b.vaultId().equals(TestVaults.VAULT))
                .findFirst().orElseThrow();
        robot.interact(() -> batches.getSelectionModel().select(keywords));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outcomes.getItems().size() == 3);
        robot.interact(() -> ((TableView<?>) outcomes).getSelectionModel().select(0)); // written: its word diff
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "History, a diff");

        robot.clickOn(robot.lookup(".tab-label").match((javafx.scene.control.Labeled l) -> l.getText().startsWith("Review ("))
                .queryAs(Node.class));
        ListView<?> queue = robot.lookup("#reviewQueue").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "Review");
        robot.type(javafx.scene.input.KeyCode.E); // the editor open below the diff
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "Review, editing");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        robot.clickOn(robot.lookup(".tab-label").match(LabeledMatchers.hasText("Settings")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertNothingCut(robot, "Settings");
    }

    /** In the light theme and in the dark one (their paddings and fonts may differ). */
    private void assertNothingCut(FxRobot robot, String screen) {
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> Theme.apply(scene, dark));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(Truncation.in(scene.getRoot())).as(screen + (dark ? ", dark" : ", light")).isEmpty();
        }
        robot.interact(() -> Theme.apply(scene, false));
    }

    /** Laid out off screen: a 1400×900 window would not fit the headless screen. */
    @Test
    void atFourteenHundredByNineHundredTheLatestOutcomesGetTheRoom(FxRobot robot) throws Exception {
        MainWindow big = MainWindow.load(services, Map.of(), executor, new RecordingDialogService(),
                Messages.load(Locale.ROOT));
        Scene wide = new Scene(big.root(), 1400, 900);
        robot.interact(() -> {
            Theme.apply(wide, false);
            wide.getRoot().applyCss(); // creates the skins: the split panes' content joins the scene graph
            wide.getRoot().layout();
        });
        Label provider = (Label) wide.getRoot().lookup("#providerLabel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> provider.getText().startsWith("Offline"));
        robot.interact(() -> {
            wide.getRoot().applyCss();
            wide.getRoot().layout();
        });
        ListView<?> outcomes = (ListView<?>) wide.getRoot().lookup("#outcomesList");
        assertThat(outcomes.getHeight() / 26).as("rows of outcomes shown").isGreaterThanOrEqualTo(5);
        assertThat(Truncation.in(wide.getRoot())).isEmpty();
    }

    static void selectItem(FxRobot robot, TableView<?> items, String itemId) {
        robot.interact(() -> {
            for (int i = 0; i < items.getItems().size(); i++) {
                if (items.getItems().get(i) instanceof ItemRow r && r.item().id().equals(itemId)) {
                    items.getSelectionModel().clearAndSelect(i);
                }
            }
        });
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

}
