package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.Polling;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultSummary;
import java.time.Instant;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Binds the workspace's controls to {@link VaultWorkspaceViewModel}; keyboard: Ctrl+F, Space, Ctrl+A. */
public final class VaultWorkspaceController {

    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final VaultWorkspaceViewModel viewModel;

    @FXML private Region root;
    @FXML private ComboBox<VaultSummary> vaultPicker;
    @FXML private Label assumedBadge;
    @FXML private Label bronzeBadge;
    @FXML private Label silverBadge;
    @FXML private Label goldBadge;
    @FXML private Label typeSummary;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TextField searchField;
    @FXML private ComboBox<FilterChoice<ItemType>> typeFilter;
    @FXML private ComboBox<FilterChoice<QualityTier>> tierFilter;
    @FXML private ComboBox<FilterChoice<ItemMarks.Mark>> markFilter;
    @FXML private Button selectNotGoldButton;
    @FXML private Button clearSelectionButton;
    @FXML private Label selectionCount;
    @FXML private Label shownCount;
    @FXML private TableView<ItemRow> itemsTable;
    @FXML private TableColumn<ItemRow, Boolean> selectColumn;
    @FXML private TableColumn<ItemRow, String> typeColumn;
    @FXML private TableColumn<ItemRow, QualityTier> tierColumn;
    @FXML private TableColumn<ItemRow, String> contentColumn;
    @FXML private TableColumn<ItemRow, String> keywordsColumn;
    @FXML private TableColumn<ItemRow, Instant> updatedColumn;
    @FXML private Label placeholderLabel;
    @FXML private ProgressIndicator placeholderProgress;

    public VaultWorkspaceController(VaultWorkspaceViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        vaultPicker.setItems(viewModel.vaults());
        vaultPicker.setConverter(converter(viewModel::vaultLabel));
        vaultPicker.valueProperty().bindBidirectional(viewModel.selectedVaultProperty());
        assumedBadge.textProperty().bind(viewModel.tierBadgeProperty(QualityTier.ASSUMED));
        bronzeBadge.textProperty().bind(viewModel.tierBadgeProperty(QualityTier.BRONZE));
        silverBadge.textProperty().bind(viewModel.tierBadgeProperty(QualityTier.SILVER));
        goldBadge.textProperty().bind(viewModel.tierBadgeProperty(QualityTier.GOLD));
        typeSummary.textProperty().bind(viewModel.typeSummaryProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        SearchBox.bind(searchField, viewModel.filters().searchTextProperty());
        typeFilter.setItems(viewModel.filters().typeChoices());
        typeFilter.valueProperty().bindBidirectional(viewModel.filters().typeProperty());
        tierFilter.setItems(viewModel.filters().tierChoices());
        tierFilter.valueProperty().bindBidirectional(viewModel.filters().tierProperty());
        markFilter.setItems(viewModel.filters().markChoices());
        markFilter.valueProperty().bindBidirectional(viewModel.filters().markProperty());
        selectionCount.textProperty().bind(viewModel.selectionTextProperty());
        shownCount.textProperty().bind(viewModel.shownTextProperty());
        selectNotGoldButton.disableProperty().bind(Bindings.isEmpty(viewModel.visibleItems()));
        clearSelectionButton.disableProperty().bind(viewModel.selectedCountProperty().isEqualTo(0));
        placeholderLabel.textProperty().bind(viewModel.placeholderTextProperty());
        placeholderProgress.visibleProperty().bind(viewModel.loadingProperty());
        bindTable();
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onRootKey);
        itemsTable.addEventFilter(KeyEvent.KEY_PRESSED, this::onTableKey);
        Polling.whileShown(itemsTable, VaultWorkspaceViewModel.POLL_EVERY, viewModel::refreshIfChanged);
    }

    private void bindTable() {
        SortedList<ItemRow> sorted = new SortedList<>(viewModel.visibleItems());
        sorted.comparatorProperty().bind(itemsTable.comparatorProperty());
        itemsTable.setItems(sorted);
        selectColumn.setCellValueFactory(cell -> cell.getValue().selectedProperty());
        selectColumn.setCellFactory(CheckBoxTableCell.forTableColumn(selectColumn));
        typeColumn.setCellValueFactory(cell -> cell.getValue().itemProperty().map(i -> viewModel.typeName(i.type())));
        tierColumn.setCellValueFactory(cell -> cell.getValue().itemProperty().map(VaultItem::tier));
        tierColumn.setCellFactory(ItemTableCells.tierBadge(viewModel::tierName));
        contentColumn.setCellValueFactory(cell -> cell.getValue().itemProperty().map(VaultItem::content));
        contentColumn.setCellFactory(ItemTableCells.wrappedText());
        keywordsColumn.setCellValueFactory(cell -> cell.getValue().itemProperty().map(i -> String.join(", ", i.keywords())));
        keywordsColumn.setCellFactory(ItemTableCells.wrappedText());
        updatedColumn.setCellValueFactory(cell -> cell.getValue().itemProperty().map(VaultItem::lastUpdatedAt));
        updatedColumn.setCellFactory(ItemTableCells.dateTime());
        viewModel.focusedRowProperty().bind(itemsTable.getSelectionModel().selectedItemProperty());
    }

    private void onRootKey(KeyEvent event) {
        if (FIND.match(event)) {
            searchField.requestFocus();
            searchField.selectAll();
            event.consume();
        }
    }

    private void onTableKey(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE) {
            viewModel.toggle(itemsTable.getSelectionModel().getSelectedItem());
            event.consume();
        } else if (SELECT_ALL.match(event)) {
            viewModel.selectAllVisible();
            event.consume();
        }
    }

    @FXML
    private void onSelectAllNotGold() {
        viewModel.selectAllNotGold();
    }

    @FXML
    private void onClearSelection() {
        viewModel.clearSelection();
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
