package dev.goldsmith.ui;

import java.util.Locale;
import java.util.Map;
import javafx.application.Application;

/** Starts the JavaFX window. Kept apart from {@code Main} so the command line never loads JavaFX. */
public final class Gui {

    static final String NO_DISPLAY = "Goldsmith cannot open its window because no display is available"
            + " (DISPLAY is not set); run it in a desktop session, or use a command such as 'goldsmith vaults'.";

    private Gui() {
    }

    public static void launch(String[] args) {
        if (!hasDisplay(System.getenv(), System.getProperty("os.name", ""))) {
            System.err.println(NO_DISPLAY);
            System.exit(1);
        }
        try {
            Application.launch(App.class, args);
            // the window is closed and App.stop() has run: end the process even if AWT (a tray notification)
            // still holds a thread
            System.exit(0);
        } catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("DISPLAY")) {
                System.err.println(NO_DISPLAY);
                System.exit(1);
            }
            throw e;
        }
    }

    /** On Linux and the BSDs a window needs an X11 or Wayland display; other systems always have one. */
    static boolean hasDisplay(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
