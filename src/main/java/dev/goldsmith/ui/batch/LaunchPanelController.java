package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.StyleClasses;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.Callback;
import javafx.util.StringConverter;

/**
 * Binds the launch panel to {@link LaunchPanelViewModel}. The spinners' typed text is committed when they lose focus
 * and before every start; Ctrl+Enter typed in a spinner starts one batch (the spinner's skin would otherwise hand
 * the key to the window twice: once itself, once through its text field).
 */
public final class LaunchPanelController {

    private final LaunchPanelViewModel viewModel;

    @FXML private Region root;
    @FXML private ComboBox<Operation> operationChoice;
    @FXML private Label providerLabel;
    @FXML private Spinner<Integer> concurrencySpinner;
    @FXML private Spinner<Integer> rpmSpinner;
    @FXML private Spinner<Integer> tpmSpinner;
    @FXML private Spinner<Integer> attemptsSpinner;
    @FXML private Button startButton;
    @FXML private Label reasonLabel;
    @FXML private CheckBox reviewCheck;
    @FXML private Button tryButton;
    @FXML private Label estimateLabel;
    private final Messages messages;

    /** How long the selection and limits must stay still before the estimate under Start is worked out again. */
    static final Duration ESTIMATE_QUIET = Duration.millis(300);

    public LaunchPanelController(LaunchPanelViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
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
        spinner(tpmSpinner, 0, BatchOptions.MAX_TPM, 1_000);
        spinner(attemptsSpinner, 1, BatchOptions.MAX_ATTEMPTS, 1);
        concurrencySpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.concurrencyProperty());
        rpmSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.rpmProperty());
        tpmSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.tpmProperty());
        attemptsSpinner.getValueFactory().valueProperty().bindBidirectional(viewModel.maxAttemptsProperty());
        List<Spinner<Integer>> spinners = List.of(concurrencySpinner, rpmSpinner, tpmSpinner, attemptsSpinner);
        viewModel.commitEditsWith(() -> spinners.forEach(Spinner::commitValue));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::startFromSpinner);
        startButton.textProperty().bind(viewModel.startText());
        startButton.disableProperty().bind(viewModel.startDisabled());
        reasonLabel.textProperty().bind(viewModel.disabledReason());
        reasonLabel.visibleProperty().bind(viewModel.startDisabled());
        reasonLabel.managedProperty().bind(viewModel.startDisabled());
        viewModel.reasonIsProblem().addListener((obs, was, problem) -> styleReason(problem));
        styleReason(viewModel.reasonIsProblem().get());
        reviewCheck.selectedProperty().bindBidirectional(viewModel.reviewProperty());
        tryButton.disableProperty().bind(viewModel.canTryProperty().not());
        estimateLabel.textProperty().bind(viewModel.estimateTextProperty());
        estimateLabel.visibleProperty().bind(viewModel.estimateTextProperty().isNotEmpty());
        estimateLabel.managedProperty().bind(estimateLabel.visibleProperty());
        Tooltip notes = new Tooltip();
        notes.textProperty().bind(viewModel.estimateNotesProperty());
        estimateLabel.setTooltip(notes);
        PauseTransition quiet = new PauseTransition(ESTIMATE_QUIET);
        viewModel.scheduleEstimatesWith(estimate -> {
            quiet.setOnFinished(e -> estimate.run());
            quiet.playFromStart();
        });
        viewModel.trialProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                TrialWindow.show(root.getScene() == null ? null : root.getScene().getWindow(), now, messages);
            }
        });
    }

    /** Ctrl+Enter in a spinner: handled here, once, before the spinner's skin can forward a second copy. */
    private void startFromSpinner(KeyEvent event) {
        if (BatchShortcuts.START.match(event) && insideSpinner(event.getTarget())) {
            event.consume();
            viewModel.start();
        }
    }

    private static boolean insideSpinner(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof Spinner<?>) {
                return true;
            }
        }
        return false;
    }

    /** A hint (nothing selected yet) reads muted; a problem to fix in Settings reads as an error. */
    private void styleReason(boolean problem) {
        reasonLabel.getStyleClass().removeAll(StyleClasses.MUTED, StyleClasses.START_PROBLEM);
        reasonLabel.getStyleClass().add(problem ? StyleClasses.START_PROBLEM : StyleClasses.MUTED);
    }

    /**
     * An editable spinner whose text never commits nothing: blank or non-numbers keep the value, others clamp.
     * Leaving it commits what was typed.
     */
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
                    return Math.max(min, Math.min(max, Integer.parseInt(text.strip().replace(",", ""))));
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.commitValue();
            }
        });
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

    @FXML
    private void onTry() {
        viewModel.tryOnThree();
    }
}
