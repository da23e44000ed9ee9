package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchOptions;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.util.Callback;
import javafx.util.StringConverter;

/** Binds the launch panel to {@link LaunchPanelViewModel}. */
public final class LaunchPanelController {

    private final LaunchPanelViewModel viewModel;

    @FXML private ComboBox<Operation> operationChoice;
    @FXML private Label providerLabel;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private Spinner<Integer> rpmSpinner;
    @FXML private Spinner<Integer> attemptsSpinner;
    @FXML private Button startButton;
    @FXML private Label reasonLabel;

    public LaunchPanelController(LaunchPanelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        operationChoice.setItems(viewModel.operationChoices());
        operationChoice.setCellFactory(operationCells());
        operationChoice.setButtonCell(operationCells().call(null));
        operationChoice.valueProperty().bindBidirectional(viewModel.operationProperty());
        providerLabel.textProperty().bind(viewModel.providerText());
        spinner(concurrencySpinner, 1, BatchOptions.MAX_CONCURRENCY, 1);
        spinner(rpmSpinner, 0, BatchOptions.MAX_RPM, 10);
        spinner(attemptsSpinner, 1, BatchOptions.MAX_ATTEMPTS, 1);
        concurrencySpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.concurrencyProperty());
        rpmSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.rpmProperty());
        attemptsSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.maxAttemptsProperty());
        startButton.textProperty().bind(viewModel.startText());
        startButton.disableProperty().bind(viewModel.startDisabled());
        reasonLabel.textProperty().bind(viewModel.disabledReason());
        reasonLabel.visibleProperty().bind(viewModel.startDisabled());
        reasonLabel.managedProperty().bind(viewModel.startDisabled());
    }

    /** An editable spinner whose text never commits nothing: blank or non-numbers keep the value, others clamp. */
    private static void spinner(Spinner<Integer> spinner, int min, int max, int step) {
        IntegerSpinnerValueFactory factory = new IntegerSpinnerValueFactory(min, max, min, step);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Math.max(min, Math.min(max, Integer.parseInt(text.strip())));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
    }

    private Callback<ListView<Operation>, ListCell<Operation>> operationCells() {
        return list -> new ListCell<>() {
            @Override
            protected void updateItem(Operation item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.operationName(item));
            }
        };
    }

    @FXML
    private void onStart() {
        viewModel.start();
    }
}
