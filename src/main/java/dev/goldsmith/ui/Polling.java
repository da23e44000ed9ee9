package dev.goldsmith.ui;

import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;

/**
 * Quiet refreshes of what other consoles (and processes) change in a shared database: {@code action} runs every
 * {@code every} on the FX thread while {@code node} is on screen, and never while it is hidden (an unselected tab's
 * content is).
 */
public final class Polling {

    private Polling() {
    }

    public static void whileShown(Node node, Duration every, Runnable action) {
        Timeline poll = new Timeline(new KeyFrame(javafx.util.Duration.millis(every.toMillis()), e -> {
            if (shown(node)) {
                action.run();
            }
        }));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    /** In a showing window, and neither it nor any parent hidden. */
    static boolean shown(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
