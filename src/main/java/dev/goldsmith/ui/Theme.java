package dev.goldsmith.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look, set in one place: AtlantaFX Primer as the user-agent stylesheet, plus {@code app.css} with the
 * {@code -gs-} colour tokens. The root gets {@link StyleClasses#DARK} in the dark theme so tokens can follow.
 */
public final class Theme {

    public static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("app.css"), "app.css is missing").toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene, boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().remove(StyleClasses.DARK);
        if (dark) {
            scene.getRoot().getStyleClass().add(StyleClasses.DARK);
        }
    }
}
