package dev.goldsmith.ui.layout;

import dev.goldsmith.Services;
import dev.goldsmith.ui.FxTaskExecutor;
import dev.goldsmith.ui.MainWindow;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.Theme;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real main window on a stage of its own, sized as the app opens (the headless screen is 1280×800) and made
 * smaller by the test; the shared primary stage is hidden and keeps the size other tests give it.
 */
record OwnWindow(MainWindow window, Scene scene, Stage stage) {

    static OwnWindow open(Services services, FxTaskExecutor executor, Stage primary) {
        MainWindow window = MainWindow.load(services, Map.of(), executor, new RecordingDialogService(),
                Messages.load(Locale.ROOT));
        primary.hide();
        Scene scene = new Scene(window.root(), 1280, 800);
        Theme.apply(scene, false);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        window.workspace().reload();
        return new OwnWindow(window, scene, stage);
    }
}
