package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.DataLocation;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application on an empty database: the first window seeds the demo vault and shows its items. */
class FirstStartFxTest {

    @TempDir
    Path dir;

    private Application app;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.setupStage(stage -> {
                stage.hide(); // saves the window placement while the app still runs
                stage.setOnHidden(null); // the primary stage is shared with later tests
            });
            FxToolkit.cleanupApplication(app);
        }
        System.clearProperty(DataLocation.DB_PROPERTY);
    }

    @Test
    void theFirstWindowShowsTheDemoVault() throws Exception {
        System.setProperty(DataLocation.DB_PROPERTY, dir.resolve("fresh.db").toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(App.class);
        FxRobot robot = new FxRobot();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            TableView<?> table = robot.lookup("#itemsTable").queryAs(TableView.class);
            return table != null && table.getItems().size() == 60;
        });

        assertThat(stage.getTitle()).isEqualTo("Goldsmith");
        assertThat(robot.lookup(".gs-tier-badge").queryAll()).isNotEmpty();
        assertThat(robot.lookup("Maya Okafor · 60 items").tryQuery()).isPresent();
    }
}
