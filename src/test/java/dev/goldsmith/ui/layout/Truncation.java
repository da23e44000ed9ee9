package dev.goldsmith.ui.layout;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;

/**
 * Finds the labels, buttons, cells and column headers on screen whose text is cut: what their skin draws (the
 * {@code .text} node) is not their whole text, so it ends in an ellipsis; and the empty text fields whose prompt does
 * not fit (a prompt is clipped, not ellipsised).
 */
final class Truncation {

    private Truncation() {
    }

    /**
     * "Button 'Select all not gold' shows 'Select all not …'" for each cut text shown under {@code root}; also
     * "… runs past the edge" for a text whose box sticks out sideways from what clips it (a column header scrolled
     * out of its table, a label past the window's edge).
     */
    static List<String> in(Parent root) {
        List<String> cut = new ArrayList<>();
        walk(root, cut);
        return cut;
    }

    /** How far, in pixels, {@code node} sticks out left or right of the clips of its ancestors and the scene. */
    private static double overhang(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        double minX = 0;
        double maxX = node.getScene().getWidth();
        for (Node a = node.getParent(); a != null; a = a.getParent()) {
            if (a.getClip() != null) {
                Bounds clip = a.localToScene(a.getClip().getBoundsInParent());
                minX = Math.max(minX, clip.getMinX());
                maxX = Math.min(maxX, clip.getMaxX());
            }
        }
        return Math.max(minX - b.getMinX(), b.getMaxX() - maxX);
    }

    private static void walk(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return; // a hidden tab's content, a recycled cell, a collapsed row: not on screen
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = shownText(l);
            String whole = l.isMnemonicParsing() ? withoutMnemonic(l.getText()) : l.getText();
            String who = name(l) + (l.getId() != null ? " #" + l.getId() : "") + " '" + whole + "'";
            if (shown != null && !normalise(shown).equals(normalise(whole))) {
                cut.add(who + " shows '" + shown + "' (" + Math.round(l.getWidth()) + " px wide)");
            } else if (shown != null && overhang(l) > 1) {
                cut.add(who + " runs " + Math.round(overhang(l)) + " px past the edge of what shows it");
            }
        }
        if (node instanceof TextField f && (f.getText() == null || f.getText().isEmpty())
                && f.getPromptText() != null && !f.getPromptText().isEmpty()) {
            Text probe = new Text(f.getPromptText());
            probe.setFont(f.getFont());
            double need = probe.getLayoutBounds().getWidth();
            double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
            if (need > room + 0.5) {
                cut.add("TextField" + (f.getId() != null ? " #" + f.getId() : "") + " prompt '" + f.getPromptText()
                        + "' needs " + Math.round(need) + " px, has " + Math.round(room));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, cut);
            }
        }
    }

    private static String name(Labeled l) {
        Class<?> c = l.getClass();
        while (c.getSimpleName().isEmpty()) {
            c = c.getSuperclass(); // an anonymous cell: name what it is a kind of
        }
        return c.getSimpleName();
    }

    /** The text the skin draws, or {@code null} when it draws none (a graphic-only cell). */
    private static String shownText(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text") && child.isVisible()) {
                return t.getText();
            }
        }
        return null;
    }

    /** Wrapped text keeps its words but may break lines where the original had spaces. */
    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String withoutMnemonic(String text) {
        int i = text.indexOf('_');
        return i < 0 || i == text.length() - 1 ? text : text.substring(0, i) + text.substring(i + 1);
    }
}
