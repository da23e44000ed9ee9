package dev.goldsmith.ui.layout;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * WCAG 2 contrast from the colours the real scene resolved: a node's text colour against what is painted behind its
 * middle, the background fills of the node and its ancestors composited from the bottom up.
 */
final class Contrast {

    private Contrast() {
    }

    /** (L1 + 0.05) / (L2 + 0.05) of two opaque colours. */
    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /**
     * The colour behind the middle of {@code node}: from the node up, the fills that cover that point are stacked
     * until an opaque one, then blended bottom-up (over white when nothing is opaque).
     */
    static Color behind(Node node) {
        double x = node.getLayoutBounds().getWidth() / 2;
        double y = node.getLayoutBounds().getHeight() / 2;
        List<Color> stack = new ArrayList<>(); // topmost first
        Node n = node;
        javafx.geometry.Point2D p = new javafx.geometry.Point2D(x, y);
        while (n != null) {
            if (n instanceof Region r && r.getBackground() != null) {
                Background bg = r.getBackground();
                List<BackgroundFill> fills = bg.getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    BackgroundFill f = fills.get(i);
                    if (covers(r, f.getInsets(), p.getX(), p.getY()) && f.getFill() instanceof Color c && c.getOpacity() > 0) {
                        stack.add(c);
                        if (c.getOpacity() >= 1) {
                            return blend(stack);
                        }
                    }
                }
            }
            Node parent = n.getParent();
            if (parent != null) {
                p = n.localToParent(p);
            }
            n = parent;
        }
        stack.add(Color.WHITE);
        return blend(stack);
    }

    /** {@code fg} as seen over {@code bg} (a translucent text colour is blended in). */
    static Color over(Paint fg, Color bg) {
        Color c = (Color) fg;
        return c.getOpacity() >= 1 ? c : mix(c, bg);
    }

    private static boolean covers(Region r, Insets in, double x, double y) {
        return x >= in.getLeft() && x <= r.getWidth() - in.getRight() && y >= in.getTop() && y <= r.getHeight() - in.getBottom();
    }

    private static Color blend(List<Color> topFirst) {
        Color result = topFirst.get(topFirst.size() - 1);
        for (int i = topFirst.size() - 2; i >= 0; i--) {
            result = mix(topFirst.get(i), result);
        }
        return result;
    }

    private static Color mix(Color top, Color under) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
