package dev.goldsmith.ui.batch;

import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;

/** Binds the live batch panel to {@link LiveBatchViewModel}. */
public final class LiveBatchController {

    private final LiveBatchViewModel viewModel;

    @FXML private Node root;
    @FXML private Node noticeBar;
    @FXML private Label noticeLabel;
    @FXML private Label headlineLabel;
    @FXML private Label queuedLabel;
    @FXML private Hyperlink clearQueueLink;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label succeededLabel;
    @FXML private Label failedLabel;
    @FXML private Label skippedLabel;
    @FXML private Label unchangedLabel;
    @FXML private Label rateLabel;
    @FXML private Label elapsedLabel;
    @FXML private Label etaLabel;
    @FXML private Label tokensLabel;
    @FXML private Label costLabel;
    @FXML private Label activityLabel;
    @FXML private Label lastErrorLabel;
    @FXML private ListView<OutcomeRow> outcomesList;

    public LiveBatchController(LiveBatchViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        LiveBatchTexts t = viewModel.texts();
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        visibleWhenText(noticeBar, viewModel.noticeProperty().isNotEmpty());
        viewModel.noticeOutcomeProperty().addListener((obs, was, now) -> styleNotice(now));
        styleNotice(viewModel.noticeOutcomeProperty().get());
        headlineLabel.textProperty().bind(t.headline());
        queuedLabel.textProperty().bind(t.queued());
        visibleWhenText(queuedLabel, t.queued().isNotEmpty());
        visibleWhenText(clearQueueLink, t.queued().isNotEmpty());
        progressBar.progressProperty().bind(t.progress());
        succeededLabel.textProperty().bind(t.succeeded());
        failedLabel.textProperty().bind(t.failed());
        skippedLabel.textProperty().bind(t.skipped());
        unchangedLabel.textProperty().bind(t.unchanged());
        rateLabel.textProperty().bind(t.rate());
        elapsedLabel.textProperty().bind(t.elapsed());
        etaLabel.textProperty().bind(t.eta());
        visibleWhenText(etaLabel, t.eta().isNotEmpty());
        tokensLabel.textProperty().bind(t.tokens());
        visibleWhenText(tokensLabel, t.tokens().isNotEmpty());
        costLabel.textProperty().bind(t.cost());
        visibleWhenText(costLabel, t.cost().isNotEmpty());
        activityLabel.textProperty().bind(t.activity());
        visibleWhenText(activityLabel, t.activity().isNotEmpty());
        lastErrorLabel.textProperty().bind(t.lastError());
        visibleWhenText(lastErrorLabel, t.lastError().isNotEmpty());
        pauseButton.disableProperty().bind(viewModel.canPause().not());
        resumeButton.disableProperty().bind(viewModel.canResume().not());
        cancelButton.disableProperty().bind(viewModel.canCancel().not());
        outcomesList.setItems(viewModel.outcomes());
        outcomesList.setCellFactory(list -> new OutcomeCell());
        viewModel.windowFocusedProperty().bind(root.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::focusedProperty).orElse(true));
    }

    private void styleNotice(BatchOutcome outcome) {
        for (BatchOutcome o : BatchOutcome.values()) {
            noticeBar.getStyleClass().remove(o.styleClass());
        }
        noticeBar.getStyleClass().add(outcome.styleClass());
    }

    private static void visibleWhenText(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
    }

    @FXML
    private void onPause() {
        viewModel.pause();
    }

    @FXML
    private void onResume() {
        viewModel.resume();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onDismissNotice() {
        viewModel.dismissNotice();
    }

    /** ✓ / ✗ / ↷ and the outcome's text, coloured by its status's style class. */
    private static final class OutcomeCell extends ListCell<OutcomeRow> {
        @Override
        protected void updateItem(OutcomeRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("gs-outcome-"));
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label icon = new Label(row.icon());
            icon.getStyleClass().add("gs-outcome-icon");
            setGraphic(icon);
            setText(row.text());
            getStyleClass().add(row.styleClass());
        }
    }

    @FXML
    private void onClearQueue() {
        viewModel.clearQueue();
    }
}
