package dev.goldsmith.ui.history;

import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.ui.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import dev.goldsmith.ui.review.DiffFlow;

/** Binds History's selected batch — counts, actions, filters, items, the focused item's diff — to {@link BatchDetailViewModel}. */
public final class BatchDetailController {

    private final HistoryViewModel viewModel;
    private final BatchDetailViewModel detail;

    @FXML private Label detailTitle;
    @FXML private Label detailCounts;
    @FXML private Label revertNotice;
    @FXML private Button historyResumeButton;
    @FXML private Button historyRetryButton;
    @FXML private Button historyRevertButton;
    @FXML private Button exportButton;
    @FXML private TableView<OutcomeRow> outcomesTable;
    @FXML private TableColumn<OutcomeRow, String> itemColumn;
    @FXML private TableColumn<OutcomeRow, ItemStatus> itemStatusColumn;
    @FXML private TableColumn<OutcomeRow, OutcomeRow> attemptsColumn;
    @FXML private TableColumn<OutcomeRow, Integer> httpColumn;
    @FXML private TableColumn<OutcomeRow, String> errorColumn;
    @FXML private Button historyRevertBatchButton;
    @FXML private CheckBox changedOnlyCheck;
    @FXML private CheckBox pendingReviewCheck;
    @FXML private Label outcomesShown;
    @FXML private Label diffNote;
    @FXML private DiffFlow outcomeDiff;

    /** @param viewModel the history list, whose selected batch {@code detail} shows */
    public BatchDetailController(HistoryViewModel viewModel, BatchDetailViewModel detail) {
        this.viewModel = viewModel;
        this.detail = detail;
    }

    @FXML
    private void initialize() {
        detailTitle.textProperty().bind(viewModel.selectedProperty().map(viewModel::detailTitle)
                .orElse(viewModel.detailTitle(null)));
        detailCounts.textProperty().bind(viewModel.selectedProperty().map(viewModel.format()::countsInWords).orElse(""));
        historyResumeButton.disableProperty().bind(detail.canResumeProperty().not());
        historyRetryButton.disableProperty().bind(detail.canRetryProperty().not());
        historyRevertButton.disableProperty().bind(detail.canRevertProperty().not());
        revertNotice.textProperty().bind(detail.revertNoteProperty());
        revertNotice.visibleProperty().bind(detail.revertNoteProperty().isNotEmpty());
        revertNotice.managedProperty().bind(revertNotice.visibleProperty());
        detail.revertDoneProperty().addListener((obs, was, done) -> styleRevertNotice(done));
        styleRevertNotice(false);
        httpColumn.visibleProperty().bind(viewModel.selectedProperty().map(b -> !detail.ranOffline(b)).orElse(true));
        exportButton.disableProperty().bind(Bindings.isEmpty(detail.outcomes()));
        outcomesTable.setItems(detail.outcomes());
        itemColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemId()));
        itemStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        itemStatusColumn.setCellFactory(HistoryCells.chip(detail::itemStatusName,
                s -> StyleClasses.status(s.wireName())));
        attemptsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        attemptsColumn.setCellFactory(HistoryCells.text(detail::attemptsText));
        httpColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().httpStatus()));
        errorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().error()));
        errorColumn.setCellFactory(HistoryCells.wrapped());
        detail.focusedProperty().bind(outcomesTable.getSelectionModel().selectedItemProperty());
        historyRevertBatchButton.disableProperty().bind(detail.canRevertBatchProperty().not());
        changedOnlyCheck.selectedProperty().bindBidirectional(detail.changedOnlyProperty());
        pendingReviewCheck.selectedProperty().bindBidirectional(detail.pendingReviewOnlyProperty());
        outcomesShown.textProperty().bind(detail.shownText());
        diffNote.textProperty().bind(detail.diffNote());
        outcomeDiff.valueProperty().bind(detail.diffProperty());
    }

    private void styleRevertNotice(boolean done) {
        revertNotice.getStyleClass().removeAll("gs-test-ok", StyleClasses.MUTED);
        revertNotice.getStyleClass().add(done ? "gs-test-ok" : StyleClasses.MUTED);
    }

    @FXML
    private void onResume() {
        detail.resume();
    }

    @FXML
    private void onRetryFailed() {
        detail.retryFailed();
    }

    @FXML
    private void onRevert() {
        detail.revertFocused();
    }

    @FXML
    private void onRevertBatch() {
        detail.revertBatch();
    }

    @FXML
    private void onExportCsv() {
        detail.exportCsv();
    }
}
