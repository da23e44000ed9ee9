package dev.goldsmith.ui.review;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The Review tab's keys: A accept, R reject, E edit, J/K and ↑/↓ next/previous, Shift+A accept all — unless the key is
 * typed into a text field or a drop-down, which keep theirs. In the editor Enter (or Ctrl+Enter) accepts the edit,
 * Shift+Enter starts a new line and Esc cancels; the keys are consumed there, so Ctrl+Enter never starts a batch.
 */
final class ReviewKeys {

    private ReviewKeys() {
    }

    static void install(Node root, TextArea editor, ReviewViewModel viewModel) {
        boolean[] opening = {false};
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            opening[0] = false;
            if (!e.isShortcutDown() && !e.isAltDown() && !isTyping(e.getTarget()) && handled(e, viewModel)) {
                opening[0] = e.getCode() == KeyCode.E && viewModel.editingProperty().get();
                e.consume();
            }
        });
        // The E that opened the editor also types an "e" into it, once it has the focus: that one is not text.
        root.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (opening[0]) {
                opening[0] = e.getCode() == KeyCode.E && viewModel.editingProperty().get();
                e.consume();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                editor.replaceSelection("\n");
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                viewModel.acceptEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                viewModel.cancelEdit();
                e.consume();
            }
        });
    }

    private static boolean handled(KeyEvent e, ReviewViewModel viewModel) {
        switch (e.getCode()) {
            case A -> {
                if (e.isShiftDown()) {
                    viewModel.acceptAll();
                } else {
                    viewModel.accept();
                }
            }
            case R -> viewModel.reject();
            case E -> viewModel.edit();
            case J, DOWN -> viewModel.next();
            case K, UP -> viewModel.previous();
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean isTyping(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl || n instanceof ComboBoxBase<?>) {
                return true;
            }
        }
        return false;
    }
}
