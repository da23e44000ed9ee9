package dev.goldsmith.ui.history;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.ui.Polling;
import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.vault.FilterChoice;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** Binds the History tab's figures, filters, batches and chart to {@link HistoryViewModel}; the selected batch's
 * detail is {@link BatchDetailController}'s. */
public final class HistoryController {

    private final HistoryViewModel viewModel;
    private final BatchDetailViewModel detail;

    @FXML private Label successRateLabel;
    @FXML private Label itemsPerMinuteLabel;
    @FXML private Label averageDurationLabel;
    @FXML private ProgressIndicator historyLoadingIndicator;
    @FXML private TextField historySearchField;
    @FXML private ComboBox<FilterChoice<Boolean>> whoFilter;
    @FXML private ComboBox<FilterChoice<BatchStatus>> statusFilter;
    @FXML private ComboBox<FilterChoice<Operation>> operationFilter;
    @FXML private ComboBox<FilterChoice<String>> vaultFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TableView<BatchRecord> batchesTable;
    @FXML private Label historyPlaceholderLabel;
    @FXML private TableColumn<BatchRecord, BatchStatus> statusColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> batchColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> providerColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> createdColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> countsColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> costColumn;
    @FXML private BarChart<String, Number> dayChart;

    public HistoryController(HistoryViewModel viewModel, BatchDetailViewModel detail) {
        this.viewModel = viewModel;
        this.detail = detail;
    }

    @FXML
    private void initialize() {
        successRateLabel.textProperty().bind(viewModel.successRateProperty());
        itemsPerMinuteLabel.textProperty().bind(viewModel.itemsPerMinuteProperty());
        averageDurationLabel.textProperty().bind(viewModel.averageDurationProperty());
        historyLoadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        historyPlaceholderLabel.textProperty().bind(viewModel.placeholderProperty());
        HistoryFilters f = viewModel.filters();
        historySearchField.textProperty().bindBidirectional(f.searchProperty());
        bindChoice(whoFilter, f.whoChoices(), f.whoProperty());
        bindChoice(statusFilter, f.statusChoices(), f.statusProperty());
        bindChoice(operationFilter, f.operationChoices(), f.operationProperty());
        bindChoice(vaultFilter, f.vaultChoices(), f.vaultProperty());
        fromDate.valueProperty().bindBidirectional(f.fromProperty());
        toDate.valueProperty().bindBidirectional(f.toProperty());
        bindBatches();
        DayChart.bind(dayChart, viewModel);
        pollWhileShown();
    }

    /** Batches of other consoles (and processes) appear by themselves: a quiet refresh every few seconds while shown. */
    private void pollWhileShown() {
        Polling.whileShown(batchesTable, HistoryViewModel.POLL_EVERY, viewModel::refresh);
    }

    private static <T> void bindChoice(ComboBox<FilterChoice<T>> box, ObservableList<FilterChoice<T>> items,
                                       ObjectProperty<FilterChoice<T>> value) {
        box.setItems(items);
        box.valueProperty().bindBidirectional(value);
    }

    private void bindBatches() {
        batchesTable.setItems(viewModel.batches());
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        statusColumn.setCellFactory(HistoryCells.chip(viewModel::statusName, s -> StyleClasses.status(s.wireName())));
        batchColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        batchColumn.setCellFactory(HistoryCells.wrapped(viewModel::batchCell, viewModel::detailTitle));
        providerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        providerColumn.setCellFactory(HistoryCells.text(viewModel::providerName, viewModel::providerDescription));
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        createdColumn.setCellFactory(HistoryCells.wrapped(viewModel::startedCell, viewModel::startedCell));
        countsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        countsColumn.setCellFactory(HistoryCells.wrapped(viewModel::countsCell, viewModel.format()::countsInWords));
        costColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        costColumn.setCellFactory(HistoryCells.text(viewModel.format()::cost, viewModel.format()::costDetail));
        batchesTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, was, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, was, now) -> { // a reload keeps the batch: show it chosen
            if (now != null && batchesTable.getSelectionModel().getSelectedItem() != now) {
                batchesTable.getSelectionModel().select(now);
            }
        });
        detail.batchProperty().bind(viewModel.selectedProperty());
    }

    @FXML
    private void onRefresh() {
        viewModel.reload();
    }
}
