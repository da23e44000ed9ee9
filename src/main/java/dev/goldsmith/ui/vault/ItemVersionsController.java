package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.vault.ItemVersion;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The history panel beside the items table: the focused item's versions and Revert. */
public final class ItemVersionsController {

    private final ItemVersionsViewModel viewModel;

    @FXML private Label titleLabel;
    @FXML private ListView<ItemVersion> versionList;
    @FXML private Label versionsPlaceholderLabel;
    @FXML private Button revertButton;

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
    }

    @FXML
    private void onRevert() {
        viewModel.revertSelected();
    }

    /** Two lines: when · source · tier before → after, then the text before the change. */
    private final class VersionCell extends ListCell<ItemVersion> {
        private final Label headline = new Label();
        private final Label before = new Label();
        private final VBox box = new VBox(2, headline, before);

        VersionCell() {
            headline.getStyleClass().add(StyleClasses.VERSION_HEADLINE);
            before.getStyleClass().add(StyleClasses.MUTED);
            before.setWrapText(true);
            before.maxWidthProperty().bind(versionList.widthProperty().subtract(28));
            headline.maxWidthProperty().bind(before.maxWidthProperty());
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
