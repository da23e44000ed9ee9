package dev.goldsmith.ui.batch;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** The batch shortcuts, in one place: the Batch menu's accelerators and the launch panel's own handling use them. */
public final class BatchShortcuts {

    /** Start the batch (Ctrl+Enter; Cmd+Enter on macOS). */
    public static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** Pause or resume (Ctrl+P). */
    public static final KeyCombination PAUSE_RESUME = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    /** Cancel (Ctrl+.). */
    public static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);

    private BatchShortcuts() {
    }
}
