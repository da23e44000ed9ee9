package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.vault.QualityTier;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Callback;
import javafx.util.Duration;

/** The items table's cells: a coloured tier badge, wrapped content with the full text as tooltip, dates. */
final class ItemTableCells {

    private static final int PREVIEW_CHARS = 280;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private ItemTableCells() {
    }

    static Callback<TableColumn<ItemRow, QualityTier>, TableCell<ItemRow, QualityTier>> tierBadge(
            Function<QualityTier, String> name) {
        return column -> new TableCell<>() {
            private final Label badge = new Label();

            {
                badge.setMinWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(QualityTier tier, boolean empty) {
                super.updateItem(tier, empty);
                if (empty || tier == null) {
                    setGraphic(null);
                    return;
                }
                badge.setText(name.apply(tier));
                badge.getStyleClass().setAll("label", StyleClasses.TIER_BADGE, StyleClasses.tier(tier));
                setGraphic(badge);
            }
        };
    }

    /** Content wrapped to the column's width (a few lines at most); the tooltip holds the whole text. */
    static Callback<TableColumn<ItemRow, String>, TableCell<ItemRow, String>> wrappedText() {
        return column -> new TableCell<>() {
            private final Text text = new Text();
            private final Tooltip tooltip = new Tooltip();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
                text.getStyleClass().add(StyleClasses.CELL_TEXT);
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(560);
                tooltip.setShowDuration(Duration.minutes(1));
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                if (empty || value == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                text.setText(value.length() > PREVIEW_CHARS ? value.substring(0, PREVIEW_CHARS) + "…" : value);
                tooltip.setText(value);
                setGraphic(text);
                setTooltip(tooltip);
            }
        };
    }

    static Callback<TableColumn<ItemRow, Instant>, TableCell<ItemRow, Instant>> dateTime() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : WHEN.format(value));
            }
        };
    }
}
