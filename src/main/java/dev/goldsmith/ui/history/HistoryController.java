package dev.goldsmith.ui.history;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.vault.FilterChoice;
import java.math.BigDecimal;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** Binds the History tab to {@link HistoryViewModel} and its {@link BatchDetailViewModel}. */
public final class HistoryController {

    private final HistoryViewModel viewModel;
    private final BatchDetailViewModel detail;

    @FXML private Label successRateLabel;
    @FXML private Label itemsPerMinuteLabel;
    @FXML private Label averageDurationLabel;
    @FXML private ProgressIndicator historyLoadingIndicator;
    @FXML private TextField historySearchField;
    @FXML private ComboBox<FilterChoice<BatchStatus>> statusFilter;
    @FXML private ComboBox<FilterChoice<Operation>> operationFilter;
    @FXML private ComboBox<FilterChoice<String>> vaultFilter;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private TableView<BatchRecord> batchesTable;
    @FXML private Label historyPlaceholderLabel;
    @FXML private TableColumn<BatchRecord, BatchStatus> statusColumn;
    @FXML private TableColumn<BatchRecord, String> vaultColumn;
    @FXML private TableColumn<BatchRecord, String> operationColumn;
    @FXML private TableColumn<BatchRecord, BatchRecord> providerColumn;
    @FXML private TableColumn<BatchRecord, Instant> createdColumn;
    @FXML private TableColumn<BatchRecord, String> durationColumn;
    @FXML private TableColumn<BatchRecord, String> countsColumn;
    @FXML private TableColumn<BatchRecord, String> rateColumn;
    @FXML private TableColumn<BatchRecord, BigDecimal> costColumn;
    @FXML private BarChart<String, Number> dayChart;
    @FXML private Label detailTitle;
    @FXML private Label detailCounts;
    @FXML private Button historyResumeButton;
    @FXML private Button historyRetryButton;
    @FXML private Button historyRevertButton;
    @FXML private Button exportButton;
    @FXML private TableView<OutcomeRow> outcomesTable;
    @FXML private TableColumn<OutcomeRow, String> itemColumn;
    @FXML private TableColumn<OutcomeRow, ItemStatus> itemStatusColumn;
    @FXML private TableColumn<OutcomeRow, Integer> attemptsColumn;
    @FXML private TableColumn<OutcomeRow, Integer> httpColumn;
    @FXML private TableColumn<OutcomeRow, String> errorColumn;
    @FXML private TextArea beforeText;
    @FXML private TextArea afterText;

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
        bindChoice(statusFilter, f.statusChoices(), f.statusProperty());
        bindChoice(operationFilter, f.operationChoices(), f.operationProperty());
        bindChoice(vaultFilter, f.vaultChoices(), f.vaultProperty());
        fromDate.valueProperty().bindBidirectional(f.fromProperty());
        toDate.valueProperty().bindBidirectional(f.toProperty());
        bindBatches();
        bindDetail();
        DayChart.bind(dayChart, viewModel);
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
        vaultColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.vaultName(c.getValue().vaultId())));
        operationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.operationName(c.getValue().operation())));
        providerColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        providerColumn.setCellFactory(HistoryCells.text(viewModel::providerName, viewModel::providerDescription));
        createdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().createdAt()));
        createdColumn.setCellFactory(HistoryCells.text(viewModel.format()::created));
        durationColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.durationOf(c.getValue())));
        countsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.format().counts(c.getValue())));
        rateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(viewModel.format().itemsPerMinute(c.getValue())));
        costColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().costUsd()));
        costColumn.setCellFactory(HistoryCells.text(viewModel.format()::cost));
        batchesTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, was, now) -> viewModel.selectedProperty().set(now));
        viewModel.selectedProperty().addListener((obs, was, now) -> { // a reload keeps the batch: show it chosen
            if (now != null && batchesTable.getSelectionModel().getSelectedItem() != now) {
                batchesTable.getSelectionModel().select(now);
            }
        });
        detail.batchProperty().bind(viewModel.selectedProperty());
    }

    private void bindDetail() {
        detailTitle.textProperty().bind(viewModel.selectedProperty().map(viewModel::detailTitle)
                .orElse(viewModel.detailTitle(null)));
        detailCounts.textProperty().bind(viewModel.selectedProperty().map(viewModel.format()::countsInWords).orElse(""));
        historyResumeButton.disableProperty().bind(detail.canResumeProperty().not());
        historyRetryButton.disableProperty().bind(detail.canRetryProperty().not());
        historyRevertButton.disableProperty().bind(detail.canRevertProperty().not());
        exportButton.disableProperty().bind(Bindings.isEmpty(detail.outcomes()));
        outcomesTable.setItems(detail.outcomes());
        itemColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemId()));
        itemStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        itemStatusColumn.setCellFactory(HistoryCells.chip(detail::itemStatusName,
                s -> StyleClasses.status(s.wireName())));
        attemptsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        httpColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().httpStatus()));
        errorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().error()));
        detail.focusedProperty().bind(outcomesTable.getSelectionModel().selectedItemProperty());
        beforeText.textProperty().bind(detail.beforeText());
        afterText.textProperty().bind(detail.afterText());
    }

    @FXML
    private void onRefresh() {
        viewModel.reload();
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
    private void onExportCsv() {
        detail.exportCsv();
    }
}
