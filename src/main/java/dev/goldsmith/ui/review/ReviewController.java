package dev.goldsmith.ui.review;

import dev.goldsmith.ui.StyleClasses;
import dev.goldsmith.ui.vault.FilterChoice;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Binds the Review tab to {@link ReviewViewModel}; its keys are {@link ReviewKeys}'. The queue's selection and the
 * view model's focused proposal follow each other.
 */
public final class ReviewController {

    private final ReviewViewModel viewModel;

    @FXML private Region root;
    @FXML private ComboBox<FilterChoice<String>> reviewBatchChoice;
    @FXML private CheckBox showDecidedCheck;
    @FXML private ProgressIndicator reviewLoadingIndicator;
    @FXML private Button acceptAllButton;
    @FXML private Label reviewCounts;
    @FXML private ListView<ProposalRow> reviewQueue;
    @FXML private Label reviewPlaceholder;
    @FXML private Label reviewTitle;
    @FXML private Label reviewStatusChip;
    @FXML private Label reviewNote;
    @FXML private DiffFlow reviewDiff;
    @FXML private VBox editorBox;
    @FXML private TextArea editorText;
    @FXML private Label editorError;
    @FXML private Button acceptButton;
    @FXML private Button rejectButton;
    @FXML private Button editButton;
    @FXML private Label reviewFeedback;

    public ReviewController(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        reviewBatchChoice.setItems(viewModel.batchChoices());
        reviewBatchChoice.valueProperty().bindBidirectional(viewModel.batchProperty());
        showDecidedCheck.selectedProperty().bindBidirectional(viewModel.showDecidedProperty());
        reviewLoadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        acceptAllButton.disableProperty().bind(viewModel.canAcceptAllProperty().not());
        reviewCounts.textProperty().bind(viewModel.countsText());
        reviewPlaceholder.textProperty().bind(viewModel.placeholderText());
        bindQueue();
        reviewTitle.textProperty().bind(viewModel.currentProperty().map(viewModel.texts()::title).orElse(viewModel.texts().title(null)));
        reviewStatusChip.visibleProperty().bind(viewModel.currentProperty().isNotNull());
        reviewNote.textProperty().bind(viewModel.noteProperty());
        reviewNote.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        reviewNote.managedProperty().bind(reviewNote.visibleProperty());
        reviewDiff.valueProperty().bind(viewModel.diffProperty());
        editorBox.visibleProperty().bind(viewModel.editingProperty());
        editorBox.managedProperty().bind(editorBox.visibleProperty());
        editorText.textProperty().bindBidirectional(viewModel.editTextProperty());
        editorError.textProperty().bind(viewModel.editErrorProperty());
        editorError.visibleProperty().bind(viewModel.editErrorProperty().isNotEmpty());
        editorError.managedProperty().bind(editorError.visibleProperty());
        acceptButton.disableProperty().bind(viewModel.canAcceptProperty().not());
        rejectButton.disableProperty().bind(viewModel.canRejectProperty().not());
        editButton.disableProperty().bind(viewModel.canEditProperty().not());
        reviewFeedback.textProperty().bind(viewModel.feedbackProperty());
        reviewFeedback.getStyleClass().add(StyleClasses.MUTED);
        viewModel.editingProperty().addListener((obs, was, now) -> focusEditor(now));
        ReviewKeys.install(root, editorText, viewModel);
    }

    private void bindQueue() {
        reviewQueue.setItems(viewModel.queue());
        reviewQueue.setCellFactory(list -> new ProposalCell(list, viewModel));
        reviewQueue.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.currentProperty().set(now);
            }
        });
        viewModel.currentProperty().addListener((obs, was, now) -> showCurrent());
        viewModel.queue().addListener((ListChangeListener<ProposalRow>) c -> showCurrent());
        viewModel.currentProperty().flatMap(ProposalRow::proposalProperty).addListener((obs, was, now) -> styleCurrent());
        viewModel.currentProperty().flatMap(ProposalRow::decidingProperty).addListener((obs, was, now) -> styleCurrent());
    }

    /** The list shows the view model's proposal chosen, scrolled into view. */
    private void showCurrent() {
        ProposalRow row = viewModel.currentProperty().get();
        if (row == null) {
            reviewQueue.getSelectionModel().clearSelection();
        } else if (reviewQueue.getSelectionModel().getSelectedItem() != row) {
            reviewQueue.getSelectionModel().select(row);
            int at = reviewQueue.getSelectionModel().getSelectedIndex();
            reviewQueue.getFocusModel().focus(at);
            reviewQueue.scrollTo(Math.max(0, at - 2));
        }
        styleCurrent();
    }

    private void styleCurrent() {
        ProposalRow row = viewModel.currentProperty().get();
        if (row != null) {
            reviewStatusChip.setText(viewModel.texts().statusName(row));
            reviewStatusChip.getStyleClass().setAll("label", StyleClasses.STATUS_CHIP,
                    StyleClasses.status(viewModel.texts().statusStyle(row)));
        }
        boolean stale = row != null && row.proposal().status() == dev.goldsmith.store.ProposalStatus.STALE;
        reviewNote.getStyleClass().setAll("label", stale ? "gs-review-stale" : StyleClasses.MUTED);
    }

    private void focusEditor(boolean editing) {
        if (editing) {
            editorText.requestFocus();
            editorText.positionCaret(editorText.getLength());
        } else {
            reviewQueue.requestFocus();
        }
    }

    @FXML
    private void onAccept() {
        viewModel.accept();
    }

    @FXML
    private void onReject() {
        viewModel.reject();
    }

    @FXML
    private void onEdit() {
        viewModel.edit();
    }

    @FXML
    private void onNext() {
        viewModel.next();
    }

    @FXML
    private void onPrevious() {
        viewModel.previous();
    }

    @FXML
    private void onAcceptAll() {
        viewModel.acceptAll();
    }

    @FXML
    private void onRefresh() {
        viewModel.reload();
    }
}
