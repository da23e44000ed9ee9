package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.store.DemoVault;
import java.time.Clock;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application and the window's composition root: opens the services on the data folder's
 * database (or {@code GOLDSMITH_DB}), seeds the demo vault off the FX thread, themes and shows the main window
 * and remembers where it was.
 */
public final class App extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private Services services;
    private Map<String, String> savedSettings = Map.of();
    private RuntimeException openFailure;
    private FxTaskExecutor executor;

    /** Runs on the launcher thread, not the FX thread: opening and migrating the database happens here. */
    @Override
    public void init() {
        try {
            services = Services.open(Clock.systemUTC());
            savedSettings = services.settings().all();
        } catch (RuntimeException e) {
            LOG.error("cannot open the database", e);
            openFailure = e;
        }
    }

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.load();
        FxDialogService dialogs = new FxDialogService(() -> stage.isShowing() ? stage : null);
        if (openFailure != null) {
            dialogs.showError(messages.get("app.openFailed"), openFailure.getMessage());
            Platform.exit();
            return;
        }
        executor = new FxTaskExecutor();
        MainWindow window = MainWindow.load(services, savedSettings, executor, dialogs, messages);
        Scene scene = new Scene(window.root(), 1280, 840);
        Theme.apply(scene, window.main().darkThemeProperty().get());
        window.main().darkThemeProperty().addListener((obs, was, dark) -> Theme.apply(scene, dark));
        stage.setTitle(messages.get("app.title"));
        for (String icon : new String[] {"icons/goldsmith-32.png", "icons/goldsmith-256.png"}) {
            stage.getIcons().add(new Image(App.class.getResource(icon).toExternalForm()));
        }
        stage.setScene(scene);
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        WindowPlacement.fromSettings(savedSettings).filter(App::isOnScreen).ifPresent(p -> place(stage, p));
        stage.setOnHidden(e -> savePlacement(stage));
        stage.setOnCloseRequest(e -> {
            if (!window.settings().confirmLeave()) {
                e.consume();
            } else if (window.batch().live().busyProperty().get()
                    && !dialogs.confirm(messages.get("app.quit.title"), messages.get("app.quit.running"))) {
                e.consume();
            }
        });
        stage.show();
        executor.submit(() -> DemoVault.seedIfEmpty(services.database(), services.clock()),
                seeded -> afterFirstLoad(window),
                failure -> afterFirstLoad(window));
    }

    /** Shows the vaults; a vault file the desktop handed over (double-click on a .gsvault) is then imported. */
    private void afterFirstLoad(MainWindow window) {
        window.workspace().reload();
        getParameters().getRaw().stream().filter(a -> !a.startsWith("-")).findFirst()
                .map(java.nio.file.Path::of).ifPresent(window.files()::importFile);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (services != null) {
            services.close(); // a batch still running is cancelled cleanly: it stays resumable
        }
    }

    private void savePlacement(Stage stage) {
        WindowPlacement placement = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        executor.submit(() -> {
            services.settings().putAll(placement.toSettings());
            return null;
        }, ok -> { }, failure -> LOG.warn("window placement not saved", failure));
    }

    private static boolean isOnScreen(WindowPlacement p) {
        return !Screen.getScreensForRectangle(new Rectangle2D(p.x(), p.y(), p.width(), p.height())).isEmpty();
    }

    private static void place(Stage stage, WindowPlacement p) {
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
    }
}
