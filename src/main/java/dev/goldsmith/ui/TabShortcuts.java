package dev.goldsmith.ui;

import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Ctrl+1 … Ctrl+9 select the first … ninth tab (Cmd on macOS); tabs added later are covered too. */
final class TabShortcuts {

    private TabShortcuts() {
    }

    static void install(TabPane tabs) {
        tabs.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyCode code = event.getCode();
            boolean numpad = code.name().startsWith("NUMPAD");
            if (event.isShortcutDown() && !event.isShiftDown() && !event.isAltDown() && code.isDigitKey()) {
                int index = code.ordinal() - (numpad ? KeyCode.NUMPAD1 : KeyCode.DIGIT1).ordinal();
                if (index >= 0 && index < tabs.getTabs().size()) {
                    tabs.getSelectionModel().select(index);
                    event.consume();
                }
            }
        });
    }
}
