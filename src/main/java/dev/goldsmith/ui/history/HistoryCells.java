package dev.goldsmith.ui.history;

import dev.goldsmith.ui.StyleClasses;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Callback;

/** The history tables' cells: a coloured status chip, and plain text from a formatter. */
final class HistoryCells {

    private HistoryCells() {
    }

    /** A chip coloured by {@code styleClass(value)}, labelled {@code name(value)}. */
    static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> chip(Function<T, String> name,
                                                                   Function<T, String> styleClass) {
        return column -> new TableCell<>() {
            private final Label chip = new Label();

            {
                chip.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    return;
                }
                chip.setText(name.apply(value));
                chip.getStyleClass().setAll("label", StyleClasses.STATUS_CHIP, styleClass.apply(value));
                setGraphic(chip);
            }
        };
    }

    /** Text from the row's value through {@code text}, with {@code tooltip}'s text as its tooltip. */
    static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(Function<T, String> text,
                                                                   Function<T, String> tooltip) {
        return column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                boolean none = empty || value == null;
                setText(none ? null : text.apply(value));
                if (!none) {
                    tip.setText(tooltip.apply(value));
                }
                setTooltip(none ? null : tip);
            }
        };
    }

    /** The whole text, wrapped to the column's width (an error message is never cut off); also as its tooltip. */
    static <S> Callback<TableColumn<S, String>, TableCell<S, String>> wrapped() {
        return wrapped(text -> text, text -> text);
    }

    /**
     * {@code text} of the row's value, wrapped to the column's width rather than cut with an ellipsis (two lines
     * such as "53 · ✓47 =6 ✗0 ↷0" over "7,644.2/min" take a third when the numbers grow); {@code tooltip} as its
     * tooltip.
     */
    static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> wrapped(Function<T, String> text,
                                                                      Function<T, String> tooltip) {
        return column -> new TableCell<>() {
            private final Text shown = new Text();
            private final Tooltip tip = new Tooltip();

            {
                shown.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
                shown.getStyleClass().add(StyleClasses.CELL_TEXT);
                tip.setWrapText(true);
                tip.setMaxWidth(560);
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                boolean none = empty || value == null;
                shown.setText(none ? "" : text.apply(value));
                tip.setText(none ? "" : tooltip.apply(value));
                setGraphic(none ? null : shown);
                setTooltip(none ? null : tip);
            }
        };
    }

    /** Text from the row's value through {@code text}. */
    static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text(Function<T, String> text) {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : text.apply(value));
            }
        };
    }
}
