package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.review.DiffFlow;
import dev.goldsmith.vault.ItemVersion;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The history panel beside the items table: the focused item's versions, the chosen one's word diff, and Revert. */
public final class ItemVersionsController {

    private final ItemVersionsViewModel viewModel;

    @FXML private Label titleLabel;
    @FXML private ListView<ItemVersion> versionList;
    @FXML private Label versionsPlaceholderLabel;
    @FXML private Button revertButton;
    @FXML private Label versionDiffTitle;
    @FXML private DiffFlow versionDiff;
    @FXML private javafx.scene.control.ScrollPane versionDiffScroll;
    @FXML private javafx.scene.control.SplitPane versionsSplit;
    @FXML private VBox versionDiffBox;

    public ItemVersionsController(ItemVersionsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(viewModel.titleProperty());
        versionsPlaceholderLabel.textProperty().bind(viewModel.placeholderTextProperty());
        versionList.setItems(viewModel.versions());
        versionList.setCellFactory(list -> new VersionCell());
        versionList.getSelectionModel().selectedItemProperty()
                .addListener((obs, was, now) -> viewModel.selectedVersionProperty().set(now));
        revertButton.disableProperty().bind(viewModel.canRevertProperty().not());
        versionDiffTitle.textProperty().bind(viewModel.diffTitle());
        versionDiff.valueProperty().bind(viewModel.diffProperty());
        versionDiffScroll.visibleProperty().bind(versionDiff.valueProperty().isNotNull());
        versionDiff.valueProperty().addListener((obs, was, now) -> showDiffPane(now != null));
        showDiffPane(versionDiff.valueProperty().get() != null);
    }

    /** The diff takes the lower half of the panel while there is a version to show; else the list has it all. */
    private void showDiffPane(boolean show) {
        boolean shown = versionsSplit.getItems().contains(versionDiffBox);
        if (show && !shown) {
            versionsSplit.getItems().add(versionDiffBox);
            versionsSplit.setDividerPositions(0.5);
        } else if (!show && shown) {
            versionsSplit.getItems().remove(versionDiffBox);
        }
    }

    @FXML
    private void onRevert() {
        viewModel.revertSelected();
    }

    /**
     * When · source · tier before → after, then the text before the change: both wrapped to the list's width
     * (Text nodes, whose height follows their wrapping width, so nothing is cut in a narrow panel).
     */
    private final class VersionCell extends ListCell<ItemVersion> {
        private final Text headline = new Text();
        private final Text before = new Text();
        private final VBox box = new VBox(2, headline, before);

        VersionCell() {
            headline.getStyleClass().addAll(StyleClasses.CELL_TEXT, StyleClasses.VERSION_HEADLINE);
            before.getStyleClass().add(StyleClasses.CELL_MUTED_TEXT);
            before.wrappingWidthProperty().bind(versionList.widthProperty().subtract(28));
            headline.wrappingWidthProperty().bind(before.wrappingWidthProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ItemVersion version, boolean empty) {
            super.updateItem(version, empty);
            if (empty || version == null) {
                setGraphic(null);
                return;
            }
            headline.setText(viewModel.headline(version));
            before.setText(version.content());
            setGraphic(box);
        }
    }
}
