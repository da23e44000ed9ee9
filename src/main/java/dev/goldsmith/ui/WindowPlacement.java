package dev.goldsmith.ui;

import java.util.Map;
import java.util.Optional;

/** Where the main window was and how big, kept in the settings table between runs. */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    static final String X = "ui.window.x";
    static final String Y = "ui.window.y";
    static final String WIDTH = "ui.window.width";
    static final String HEIGHT = "ui.window.height";
    static final String MAXIMIZED = "ui.window.maximized";
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 420;

    /** The saved placement, or empty when none was saved or it is unreadable or too small to use. */
    public static Optional<WindowPlacement> fromSettings(Map<String, String> settings) {
        try {
            WindowPlacement p = new WindowPlacement(
                    Double.parseDouble(settings.get(X)), Double.parseDouble(settings.get(Y)),
                    Double.parseDouble(settings.get(WIDTH)), Double.parseDouble(settings.get(HEIGHT)),
                    Boolean.parseBoolean(settings.get(MAXIMIZED)));
            return p.width >= MIN_WIDTH && p.height >= MIN_HEIGHT ? Optional.of(p) : Optional.empty();
        } catch (NullPointerException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Map<String, String> toSettings() {
        return Map.of(X, Double.toString(x), Y, Double.toString(y), WIDTH, Double.toString(width),
                HEIGHT, Double.toString(height), MAXIMIZED, Boolean.toString(maximized));
    }
}
