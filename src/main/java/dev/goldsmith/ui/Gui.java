package dev.goldsmith.ui;

import javafx.application.Application;

/** Starts the JavaFX window. Kept apart from {@code Main} so the command line never loads JavaFX. */
public final class Gui {
    private Gui() {
    }

    public static void launch(String[] args) {
        Application.launch(App.class, args);
    }
}
