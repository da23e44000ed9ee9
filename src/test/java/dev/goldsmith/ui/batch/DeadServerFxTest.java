package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.batch.ItemStatus;
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
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
 * The real window against a server that is not there (127.0.0.1:9 refuses every connection): the batch ends
 * failed within seconds, the red banner names the server, and the unsent items stay pending for a resume.
 */
@ExtendWith(ApplicationExtension.class)
class DeadServerFxTest {

    @TempDir
    static Path root;

    private Services services;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        services = TestVaults.jordan(Files.createTempDirectory(root, "db"));
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        ProviderSettings p = saved.provider();
        services.batchDefaults().save(saved.withProvider(new ProviderSettings(ProviderKind.OPENAI,
                "http://127.0.0.1:9/v1", "gpt-test", null, p.temperature(), p.maxTokens(), p.timeout(),
                p.maxConnections(), p.pricing())));
        executor = new FxTaskExecutor(2);
        MainWindow window = MainWindow.load(services, Map.of(), executor, new RecordingDialogService(),
                Messages.load(Locale.ROOT));
        stage.setScene(new Scene(window.root(), 1200, 800));
        Theme.apply(stage.getScene(), false);
        stage.show();
        window.workspace().reload();
    }

    @AfterEach
    void stop() {
        executor.close();
        services.close();
    }

    @Test
    void aDeadServerEndsTheBatchFailedQuicklyWithTheMessage(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#itemsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 6);
        robot.clickOn("#selectNotGoldButton");
        Button start = robot.lookup("#startButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());

        robot.clickOn(start);

        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !notice.getText().isEmpty());
        BatchRecord stored = services.batches().history(HistoryQuery.all(1)).get(0);
        assertThat(stored.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(stored.errorMessage()).contains("127.0.0.1:9").contains("could not be reached");
        assertThat(notice.getText()).startsWith("Batch stopped: " + stored.errorMessage());
        assertThat(robot.lookup("#noticeBar").query().getStyleClass()).contains("gs-notice-danger");
        assertThat(robot.lookup("#headlineLabel").queryAs(Label.class).getText()).startsWith("Stopped at ");
        assertThat(services.batches().items(stored.id())).extracting(i -> i.status()).contains(ItemStatus.PENDING);
        assertThat(stored.canResume()).isTrue();
        assertThat(stored.failedItems()).as("stopped after a few attempts, not after every retry of every item")
                .isLessThan(stored.totalItems());
    }
}
