package dev.goldsmith.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: builds the services and the main window. */
public final class App extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Goldsmith");
        stage.setScene(new Scene(new Label("Goldsmith"), 800, 600));
        stage.show();
    }
}
