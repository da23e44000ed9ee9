package dev.goldsmith.ui.batch;

import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.Theme;
import dev.goldsmith.ui.review.DiffFlow;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window a "Try on 3" opens: each item tried with the word diff of what its answer would change (or why it
 * failed), and the reminder that nothing was written. Esc or Close shuts it. It takes the owner's theme.
 */
final class TrialWindow {

    static final String ID = "trialWindow";

    private TrialWindow() {
    }

    static Stage show(Window owner, List<TrialResult> results, Messages messages) {
        VBox list = new VBox(12);
        list.setPadding(new Insets(12));
        list.getChildren().add(muted(messages.get("launch.try.nothingWritten")));
        for (TrialResult r : results) {
            Label title = new Label(r.itemId());
            title.getStyleClass().add("gs-section-title");
            VBox item = new VBox(4, title);
            if (!r.note().isEmpty()) {
                item.getChildren().add(muted(r.note()));
            }
            if (r.diff() != null) {
                DiffFlow diff = new DiffFlow();
                diff.setShowResult(true);
                diff.setValue(r.diff());
                item.getChildren().add(diff);
            }
            list.getChildren().add(item);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("gs-diff-scroll");
        Stage stage = new Stage();
        Button close = new Button(messages.get("launch.try.close"));
        close.setOnAction(e -> stage.close());
        close.setCancelButton(true);
        HBox buttons = new HBox(close);
        buttons.setPadding(new Insets(8, 12, 12, 12));
        VBox root = new VBox(scroll, buttons);
        root.setId(ID);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(root, 640, 480);
        boolean dark = owner != null && owner.getScene() != null
                && owner.getScene().getRoot().getStyleClass().contains(StyleClasses.DARK);
        Theme.apply(scene, dark);
        if (owner != null) {
            stage.initOwner(owner);
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("launch.try.title", results.size()));
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(StyleClasses.MUTED);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
