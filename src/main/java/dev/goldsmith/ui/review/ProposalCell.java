package dev.goldsmith.ui.review;

import dev.goldsmith.ui.StyleClasses;
import javafx.beans.InvalidationListener;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * A queue row: "pp-3 · Bronze → Silver" with its status chip, then the start of the proposed text; both wrapped to the
 * list's width. It follows its row, so a decision shows in place (Saving…, then Accepted).
 */
final class ProposalCell extends ListCell<ProposalRow> {

    private final ReviewViewModel viewModel;
    private final Text headline = new Text();
    private final Label chip = new Label();
    private final Text preview = new Text();
    private final VBox box;
    private final InvalidationListener refresh = obs -> show();
    private ProposalRow shown;

    ProposalCell(ListView<ProposalRow> list, ReviewViewModel viewModel) {
        this.viewModel = viewModel;
        headline.getStyleClass().addAll(StyleClasses.CELL_TEXT, StyleClasses.VERSION_HEADLINE);
        preview.getStyleClass().add(StyleClasses.CELL_MUTED_TEXT);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        preview.wrappingWidthProperty().bind(list.widthProperty().subtract(40));
        headline.wrappingWidthProperty().bind(list.widthProperty().subtract(112));
        HBox top = new HBox(8, headline, chip);
        HBox.setHgrow(headline, Priority.ALWAYS);
        box = new VBox(2, top, preview);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void updateItem(ProposalRow row, boolean empty) {
        super.updateItem(row, empty);
        if (shown != null) {
            shown.proposalProperty().removeListener(refresh);
            shown.decidingProperty().removeListener(refresh);
        }
        shown = empty ? null : row;
        if (shown != null) {
            shown.proposalProperty().addListener(refresh);
            shown.decidingProperty().addListener(refresh);
        }
        show();
    }

    private void show() {
        if (shown == null) {
            setGraphic(null);
            return;
        }
        headline.setText(viewModel.texts().rowHeadline(shown));
        preview.setText(viewModel.texts().rowPreview(shown));
        chip.setText(viewModel.texts().statusName(shown));
        chip.getStyleClass().setAll("label", StyleClasses.STATUS_CHIP, StyleClasses.status(viewModel.texts().statusStyle(shown)));
        setGraphic(box);
    }
}
