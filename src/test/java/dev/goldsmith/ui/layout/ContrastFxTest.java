package dev.goldsmith.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * WCAG AA in the real window, both themes: in every table and list, the text of a row — plain, striped (odd),
 * hovered, selected with the table focused or not, focused without selection — and of the chips in it has a
 * contrast of at least 4.5:1 with what is painted behind it, as the scene's CSS resolved both.
 */
@ExtendWith(ApplicationExtension.class)
class ContrastFxTest {

    private static final double AA = 4.5;
    private static final PseudoClass HOVER = PseudoClass.getPseudoClass("hover");

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
        // Written items (their versions), then a provider that refuses every item: failed rows in red, failed chips.
        services.batches().start(TestVaults.VAULT, List.of("pp-1", "pp-3", "hc-1"),
                new BatchSettings(BatchOptions.defaults(Operation.ENHANCE), ProviderSettings.rules()))
                .completion().get(20, TimeUnit.SECONDS);
        // A review batch on the demo vault: proposals in the Review tab, their diffs in colour.
        services.vaultImporter().importVault(dev.goldsmith.store.DemoVault.load(), false);
        services.batches().start("v-maya", List.of("pp-1", "pp-2", "pp-3", "pp-4"),
                new BatchSettings(BatchOptions.defaults(Operation.ENHANCE).withReview(true), ProviderSettings.rules()))
                .completion().get(20, TimeUnit.SECONDS);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Unsupported value\",\"type\":\"invalid_request_error\"}}")
                        .build();
            }
        });
        server.start();
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        services.batchDefaults().save(saved.withOptions(saved.options().withMaxAttempts(1)).withProvider(
                new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(), "gpt-test", null, 0.7, 200,
                        java.time.Duration.ofSeconds(10), 2, Pricing.perMillion(0.15, 0.60))));
        executor = new FxTaskExecutor(2);
        OwnWindow own = OwnWindow.open(services, executor, primary);
        window = own.window();
        scene = own.scene();
        stage = own.stage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.setupFixture(() -> stage.close());
        executor.close();
        services.close();
        server.close();
    }

    /** How a row is put in a state: (the list or table, the row's index). */
    private record State(String name, BiConsumer<Control, Integer> set) {
    }

    @Test
    void everyRowStateMeetsAaInBothThemes(FxRobot robot) throws Exception {
        TableView<?> items = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> items.getItems().size() == 6);
        robot.clickOn("#selectNotGoldButton");
        Node start = robot.lookup("#startButton").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        robot.clickOn(start);
        ListView<?> outcomes = robot.lookup("#outcomesList").queryListView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> outcomes.getItems().size() >= 2);
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !notice.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the batch's end has been handled: the workspace is reloading
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.workspace().loadingProperty().get());
        ListView<?> versions = robot.lookup("#versionList").queryListView();
        Node search = robot.lookup("#searchField").query();

        List<State> states = List.of(
                new State("plain", (c, i) -> clear(c, search)),
                new State("hovered", (c, i) -> clear(c, search)),
                new State("selected, focused", (c, i) -> {
                    select(c, i);
                    c.requestFocus();
                }),
                new State("selected, unfocused", (c, i) -> {
                    select(c, i);
                    search.requestFocus();
                }),
                new State("focused, not selected", (c, i) -> {
                    clear(c, search);
                    c.requestFocus();
                    focus(c, i);
                }));
        List<String> failures = new ArrayList<>();
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> Theme.apply(scene, dark));
            String theme = dark ? "dark" : "light";
            NoTruncationFxTest.selectItem(robot, items, "pp-3"); // rewritten earlier: its versions fill the list beside
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !versions.getItems().isEmpty());
            check(robot, theme, versions, states, failures);
            check(robot, theme, outcomes, states, failures);
            check(robot, theme, items, states, failures);
            TabPane tabs = robot.lookup("#tabs").query();
            robot.interact(() -> tabs.getSelectionModel().select(1));
            TableView<?> batches = robot.lookup("#batchesTable").queryTableView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !batches.getItems().isEmpty());
            robot.interact(() -> batches.getSelectionModel().select(0)); // the refused batch: failed chips, errors
            TableView<?> itemOutcomes = robot.lookup("#outcomesTable").queryTableView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> itemOutcomes.getItems().size() >= 2);
            check(robot, theme, batches, states, failures);
            check(robot, theme, itemOutcomes, states, failures);
            robot.interact(() -> tabs.getSelectionModel().select(3));
            ListView<?> queue = robot.lookup("#reviewQueue").queryListView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() >= 2);
            check(robot, theme, queue, states, failures);
            robot.interact(() -> queue.getSelectionModel().clearAndSelect(0));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> checkDiff(robot.lookup("#reviewDiff").query(), theme, failures));
            robot.interact(() -> tabs.getSelectionModel().select(0));
        }
        assertThat(failures).as("text below 4.5:1").isEmpty();
    }

    private void check(FxRobot robot, String theme, Control list, List<State> states, List<String> failures) {
        for (State state : states) {
            int rows = list instanceof TableView<?> t ? t.getItems().size() : ((ListView<?>) list).getItems().size();
            for (int index = 0; index < Math.min(2, rows); index++) { // an even row and an odd (striped) one
                int i = index;
                robot.interact(() -> {
                    state.set().accept(list, i);
                    list.applyCss();
                    list.layout();
                });
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    IndexedCell<?> row = row(list, i);
                    if (state.name().equals("hovered")) {
                        row.pseudoClassStateChanged(HOVER, true);
                        row.applyCss();
                    }
                    for (Labeled text : texts(row)) {
                        Color bg = Contrast.behind(text);
                        Color fg = Contrast.over(text instanceof Cell<?> || text instanceof Label
                                ? text.getTextFill() : Color.BLACK, bg);
                        record(failures, theme, list, state.name(), i, text.getText(), fg, bg);
                    }
                    for (Text text : cellTexts(row)) {
                        Color bg = Contrast.behind(text.getParent());
                        record(failures, theme, list, state.name(), i, text.getText(), Contrast.over(text.getFill(), bg), bg);
                    }
                    row.pseudoClassStateChanged(HOVER, false);
                });
            }
        }
    }

    /** Every run of a diff view — equal, inserted (underlined), deleted (struck), the labels — on its background. */
    private static void checkDiff(Node diff, String theme, List<String> failures) {
        List<Text> texts = new ArrayList<>();
        collect(diff, new ArrayList<>(), texts);
        assertThat(texts).extracting(t -> t.getStyleClass().get(0))
                .contains(dev.goldsmith.ui.review.DiffFlow.INSERTED, dev.goldsmith.ui.review.DiffFlow.DELETED);
        for (Text t : texts) {
            if (t.getText().isBlank()) {
                continue;
            }
            Color bg = Contrast.behind(t.getParent());
            Color fg = Contrast.over(t.getFill(), bg);
            double ratio = Contrast.ratio(fg, bg);
            if (ratio < AA) {
                failures.add(String.format(Locale.ROOT, "%s, #%s, %s '%s': %s on %s = %.2f", theme, diff.getId(),
                        t.getStyleClass(), t.getText(), Contrast.hex(fg), Contrast.hex(bg), ratio));
            }
        }
    }

    private static void record(List<String> failures, String theme, Control list, String state, int row, String text,
                               Color fg, Color bg) {
        double ratio = Contrast.ratio(fg, bg);
        if (ratio < AA) {
            failures.add(String.format(Locale.ROOT, "%s, #%s, %s, row %d, '%s': %s on %s = %.2f", theme, list.getId(),
                    state, row, text, Contrast.hex(fg), Contrast.hex(bg), ratio));
        }
    }

    private static IndexedCell<?> row(Control list, int index) {
        String rows = list instanceof TableView<?> ? ".table-row-cell" : ".list-cell";
        return list.lookupAll(rows).stream().filter(n -> n instanceof IndexedCell<?> c && c.getIndex() == index
                && !c.isEmpty() && c.isVisible()).map(n -> (IndexedCell<?>) n).findFirst()
                .orElseThrow(() -> new AssertionError("#" + list.getId() + " shows no row " + index));
    }

    /** The row's labelled text: a plain cell's text, a chip, the list cell's own text and its icon. */
    private static List<Labeled> texts(IndexedCell<?> row) {
        List<Labeled> found = new ArrayList<>();
        collect(row, found, new ArrayList<>());
        return found.stream().filter(l -> l.getText() != null && !l.getText().isBlank() && l.isVisible()).toList();
    }

    /** Text nodes a cell draws as its graphic (the wrapped content and keywords). */
    private static List<Text> cellTexts(IndexedCell<?> row) {
        List<Text> found = new ArrayList<>();
        collect(row, new ArrayList<>(), found);
        return found.stream().filter(t -> (t.getStyleClass().contains(StyleClasses.CELL_TEXT)
                || t.getStyleClass().contains(StyleClasses.CELL_MUTED_TEXT)) && !t.getText().isBlank()).toList();
    }

    private static void collect(Node n, List<Labeled> labels, List<Text> texts) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            labels.add(l);
        }
        if (n instanceof Text t) {
            texts.add(t);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, labels, texts);
            }
        }
    }

    private static void clear(Control c, Node elsewhere) {
        if (c instanceof TableView<?> t) {
            t.getSelectionModel().clearSelection();
            t.getFocusModel().focus(-1);
        } else if (c instanceof ListView<?> l) {
            l.getSelectionModel().clearSelection();
            l.getFocusModel().focus(-1);
        }
        elsewhere.requestFocus();
    }

    private static void select(Control c, int i) {
        if (c instanceof TableView<?> t) {
            t.getSelectionModel().clearAndSelect(i);
        } else if (c instanceof ListView<?> l) {
            l.getSelectionModel().clearAndSelect(i);
        }
    }

    private static void focus(Control c, int i) {
        if (c instanceof TableView<?> t) {
            t.getFocusModel().focus(i);
        } else if (c instanceof ListView<?> l) {
            l.getFocusModel().focus(i);
        }
    }
}
