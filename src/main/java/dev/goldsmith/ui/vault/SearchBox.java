package dev.goldsmith.ui.vault;

import javafx.animation.PauseTransition;
import javafx.beans.property.StringProperty;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Ties the search field to the search text of a view model, filtering once typing pauses: each key shows at
 * once, and a 10,000-row table is filtered once per pause instead of once per key (which made typing lag while a
 * fast batch ran). Enter filters at once; a search text set from elsewhere shows in the field.
 */
public final class SearchBox {

    /** How long typing must pause before the rows are filtered. */
    public static final Duration QUIET = Duration.millis(150);

    private SearchBox() {
    }

    static void bind(TextField field, StringProperty search) {
        field.setText(search.get());
        PauseTransition pause = new PauseTransition(QUIET);
        pause.setOnFinished(e -> search.set(field.getText()));
        field.textProperty().addListener((obs, was, now) -> {
            if (!now.equals(search.get())) {
                pause.playFromStart();
            }
        });
        search.addListener((obs, was, now) -> {
            if (!now.equals(field.getText())) {
                pause.stop();
                field.setText(now);
            }
        });
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                pause.stop();
                search.set(field.getText());
            }
        });
    }
}
