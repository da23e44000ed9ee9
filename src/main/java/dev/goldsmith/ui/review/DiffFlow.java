package dev.goldsmith.ui.review;

import dev.goldsmith.review.WordDiff.Kind;
import dev.goldsmith.review.WordDiff.Run;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link DiffPresentation}: the text with deleted words struck through and inserted ones underlined (each in
 * the theme's danger or success colour, so a change reads without colour too), then the tier line and the keywords
 * (added "+ …" underlined, removed "− …" struck); with {@link #showResultProperty()} also the new text without marks.
 * The text wraps to the width it is given — in a list cell too.
 * Used by the Review tab, History's batch detail and the item history.
 */
public final class DiffFlow extends VBox {

    public static final String STYLE = "gs-diff";
    public static final String EQUAL = "gs-diff-equal";
    public static final String INSERTED = "gs-diff-inserted";
    public static final String DELETED = "gs-diff-deleted";
    public static final String LABEL = "gs-diff-label";
    /** A changed tier: bold, in the text's own colour. */
    public static final String CHANGED = "gs-diff-changed";

    private final TextFlow content = new TextFlow();
    private final TextFlow meta = new TextFlow();
    private final TextFlow keywords = new TextFlow();
    private final TextFlow result = new TextFlow();
    private final ObjectProperty<DiffPresentation> value = new SimpleObjectProperty<>(this, "value");
    private final BooleanProperty showResult = new SimpleBooleanProperty(this, "showResult");

    public DiffFlow() {
        super(4);
        getStyleClass().add(STYLE);
        content.getStyleClass().add("gs-diff-content");
        getChildren().addAll(content, meta, keywords, result);
        value.addListener((obs, was, now) -> show(now));
        showResult.addListener((obs, was, now) -> show(value.get()));
        show(null);
    }

    /** Also show the changed text as it reads after the change, without the marks (where there is room for it). */
    public BooleanProperty showResultProperty() {
        return showResult;
    }

    public boolean isShowResult() {
        return showResult.get();
    }

    public void setShowResult(boolean show) {
        showResult.set(show);
    }

    /** The diff shown; {@code null} shows nothing. */
    public ObjectProperty<DiffPresentation> valueProperty() {
        return value;
    }

    public void setValue(DiffPresentation diff) {
        value.set(diff);
    }

    private void show(DiffPresentation d) {
        setVisible(d != null);
        if (d == null) {
            content.getChildren().clear();
            meta.getChildren().clear();
            keywords.getChildren().clear();
            result.getChildren().clear();
            return;
        }
        content.getChildren().setAll(runs(d.content()));
        List<Node> line = new ArrayList<>();
        if (!d.contentNote().isEmpty()) {
            line.add(text(d.contentNote() + " \u00b7 ", LABEL));
        }
        line.add(text(d.tier(), d.tierChanged() ? CHANGED : LABEL));
        meta.getChildren().setAll(line);
        List<Node> kw = new ArrayList<>();
        kw.add(text(d.keywordsLabel() + " ", LABEL));
        kw.addAll(runs(d.keywords()));
        keywords.getChildren().setAll(kw);
        boolean withResult = showResult.get() && d.contentNote().isEmpty();
        result.setVisible(withResult);
        result.setManaged(withResult);
        result.getChildren().setAll(withResult ? List.of(text(d.resultLabel() + " ", LABEL), text(d.after(), EQUAL))
                : List.of());
    }

    /** One Text a run; a deletion followed at once by its insertion gets a space between, so the two never touch. */
    private static List<Node> runs(List<Run> runs) {
        List<Node> out = new ArrayList<>();
        Run previous = null;
        for (Run r : runs) {
            if (previous != null && previous.kind() == Kind.DELETED && r.kind() == Kind.INSERTED) {
                out.add(text(" ", EQUAL));
            }
            out.add(text(r.text(), switch (r.kind()) {
                case EQUAL -> EQUAL;
                case INSERTED -> INSERTED;
                case DELETED -> DELETED;
            }));
            previous = r;
        }
        return out;
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        return t;
    }
}
