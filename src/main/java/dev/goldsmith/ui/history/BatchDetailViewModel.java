package dev.goldsmith.ui.history;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.ItemChange;
import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.review.ReviewService;
import dev.goldsmith.store.BatchRevert;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.SafeFileWriter;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.batch.BatchGateway;
import dev.goldsmith.ui.batch.BatchGateway.Source;
import dev.goldsmith.ui.batch.ProviderText;
import dev.goldsmith.ui.batch.RerunQuestion;
import dev.goldsmith.ui.review.DiffPresentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The selected batch's detail: its item outcomes (loaded in the background; "changed only" and "pending review"
 * narrow them), the word diff of the focused outcome (what the batch wrote, or what its proposal would write), and
 * Resume, Retry failed, Revert item, Revert batch and Export CSV. Resume and retry go through the
 * {@link BatchGateway} (the same key lookup as the launch panel) into the live panel's queue, and refresh the list
 * when the batch ends.
 */
public final class BatchDetailViewModel {

    private final BatchService batches;
    private final BatchGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable onBatchEnded;
    private final ItemVersionRepository versions;
    private final Consumer<Callable<BatchHandle>> launcher;
    private final Runnable onItemsChanged;
    private final RerunQuestion question;
    private final SafeFileWriter files;
    private final ObjectProperty<BatchRecord> batch = new SimpleObjectProperty<>();
    private final ObservableList<OutcomeRow> outcomes = FXCollections.observableArrayList();
    private final FilteredList<OutcomeRow> shown = new FilteredList<>(outcomes);
    private final ObservableList<OutcomeRow> outcomesView = FXCollections.unmodifiableObservableList(shown);
    private final BooleanProperty changedOnly = new SimpleBooleanProperty();
    private final BooleanProperty pendingOnly = new SimpleBooleanProperty();
    private final BooleanProperty revertingBatch = new SimpleBooleanProperty();
    private final BooleanBinding canRevertBatch = Bindings.createBooleanBinding(() -> batch.get() != null
            && !batch.get().status().isLive() && outcomes.stream().anyMatch(OutcomeRow::written)
            && !revertingBatch.get(), batch, outcomes, revertingBatch);
    private final ReviewService reviews;
    private final ObjectProperty<OutcomeRow> focused = new SimpleObjectProperty<>();
    private final BooleanProperty launching = new SimpleBooleanProperty();
    private final BooleanBinding canResume = Bindings.createBooleanBinding(
            () -> batch.get() != null && batch.get().canResume() && !launching.get(), batch, launching);
    /** The focused row's item still holds what this batch wrote (no revert or later change since). */
    private final BooleanProperty focusedIsCurrent = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper revertNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper revertDone = new ReadOnlyBooleanWrapper();
    private final BooleanProperty reverting = new SimpleBooleanProperty();
    private final BooleanBinding canRevert = Bindings.createBooleanBinding(() -> focused.get() != null
            && focused.get().versionId() != null && focusedIsCurrent.get() && !reverting.get(),
            focused, focusedIsCurrent, reverting);
    /** Whether the focused row's item still holds the batch's result: the newest check is shown. */
    private final LatestWins focusChecks;
    private final BooleanBinding canRetry = Bindings.createBooleanBinding(
            () -> batch.get() != null && batch.get().failedItems() > 0 && !launching.get(), batch, launching);
    /** The batch's outcomes: the newest load is shown. */
    private final LatestWins loads;

    /**
     * @param onBatchEnded   called when a batch resumed or retried from here ends
     * @param onItemsChanged called after an item was reverted, so the workspace shows it
     * @param launcher       runs a resume or retry: the window hands it to the live panel's queue, so it shows there
     */
    public BatchDetailViewModel(BatchService batches, BatchGateway gateway, TaskExecutor executor,
                                DialogService dialogs, Messages messages, Runnable onBatchEnded,
                                ItemVersionRepository versions, Runnable onItemsChanged,
                                Consumer<Callable<BatchHandle>> launcher, SafeFileWriter files, ReviewService reviews) {
        this.reviews = reviews;
        this.launcher = launcher;
        this.files = files;
        this.versions = versions;
        this.onItemsChanged = onItemsChanged;
        this.batches = batches;
        this.gateway = gateway;
        this.executor = executor;
        this.loads = executor.latestWins();
        this.focusChecks = executor.latestWins();
        this.dialogs = dialogs;
        this.messages = messages;
        this.onBatchEnded = onBatchEnded;
        this.question = new RerunQuestion(dialogs, messages);
        batch.addListener((obs, was, now) -> load(now));
        focused.addListener((obs, was, now) -> checkFocused(now, ""));
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            boolean changed = changedOnly.get();
            boolean pending = pendingOnly.get();
            return row -> !changed && !pending || changed && row.written() || pending && row.pendingReview();
        }, changedOnly, pendingOnly));
    }

    /** Reads the shown batch's items again (their proposals may have been decided in the Review tab meanwhile). */
    public void reload() {
        load(batch.get());
    }

    private void load(BatchRecord b) {
        outcomes.clear();
        if (b == null) {
            loads.next(); // nothing to show: a load under way is dropped
            return;
        }
        loads.submit(() -> rows(b.id()), outcomes::setAll, failure -> dialogs.showError(messages.get("history.detail.loadFailed"), String.valueOf(failure.getMessage())));
    }

    private List<OutcomeRow> rows(String batchId) {
        Map<String, ItemChange> changes = batches.changes(batchId).stream()
                .collect(Collectors.toMap(ItemChange::itemId, Function.identity(), (a, b) -> b));
        Map<String, Proposal> proposals = reviews.list(ProposalQuery.ofBatch(batchId)).stream()
                .collect(Collectors.toMap(Proposal::itemId, Function.identity(), (a, b) -> b));
        return batches.items(batchId).stream()
                .map(i -> OutcomeRow.of(i, changes.get(i.itemId()), proposals.get(i.itemId()))).toList();
    }

    /**
     * Continues the batch in place (cancelled, interrupted, or failed with items left), after saying which provider
     * it will use and offering the current settings instead; completes once it ended and the list was refreshed, or
     * at once when the user said no.
     */
    public CompletableFuture<Void> resume() {
        return rerun(RerunQuestion.Kind.RESUME, gateway::resume);
    }

    /** Starts a new batch of the failed items, asking first with which settings; completes as {@link #resume}. */
    public CompletableFuture<Void> retryFailed() {
        return rerun(RerunQuestion.Kind.RETRY, gateway::retryFailed);
    }

    private CompletableFuture<Void> rerun(RerunQuestion.Kind kind, BiFunction<String, Source, BatchHandle> start) {
        String id = batch.get().id();
        CompletableFuture<Void> done = new CompletableFuture<>();
        launching.set(true);
        executor.submit(() -> gateway.rerun(id), r -> {
            Optional<Source> source = question.ask(r, kind, true);
            if (source.isEmpty()) {
                launching.set(false);
                done.complete(null);
            } else {
                run(() -> start.apply(id, source.get()), done);
            }
        }, failure -> {
            launching.set(false);
            done.complete(null);
            dialogs.showError(messages.get("rerun.loadFailed"), String.valueOf(failure.getMessage()));
        });
        return done;
    }

    /**
     * Hands the start to the launcher; Resume and Retry stay disabled until the batch has ended (or failed to start,
     * which the launcher reports). {@code done} completes then, after the list was refreshed.
     */
    private void run(Callable<BatchHandle> start, CompletableFuture<Void> done) {
        Runnable finished = () -> executor.runOnUi(() -> {
            launching.set(false);
            onBatchEnded.run();
            done.complete(null);
        });
        launcher.accept(() -> {
            BatchHandle handle;
            try {
                handle = start.call();
            } catch (Exception e) {
                finished.run();
                throw e;
            }
            handle.completion().whenComplete((snapshot, error) -> finished.run());
            return handle;
        });
    }

    /** Asks for a file and writes the outcomes with before/after text as CSV. */
    public void exportCsv() {
        BatchRecord b = batch.get();
        List<OutcomeRow> rows = List.copyOf(outcomes);
        dialogs.chooseFileToSave(messages.get("history.export.title"), "batch-" + b.id() + ".csv",
                List.of(new DialogService.FileType(messages.get("history.export.csvFiles"), List.of("*.csv"))))
                .ifPresent(file -> executor.submit(() -> write(file, b.id(), rows), ok -> { },
                        failure -> dialogs.showError(messages.get("history.export.failed"),
                                String.valueOf(failure.getMessage()))));
    }

    /** Through the one safe writer: never over the database, whole or not at all. */
    private Path write(Path file, String batchId, List<OutcomeRow> rows) {
        files.write(file, out -> OutcomeCsv.write(batchId, rows, out));
        return file;
    }

    /** The batch to show; the history list binds it to its selection. */
    public ObjectProperty<BatchRecord> batchProperty() {
        return batch;
    }

    public ObservableList<OutcomeRow> outcomes() {
        return outcomesView;
    }

    /** The outcome whose before/after text shows (the table sets it). */
    public ObjectProperty<OutcomeRow> focusedProperty() {
        return focused;
    }

    /** Only the items the batch wrote back (directly or by an accepted proposal). */
    public BooleanProperty changedOnlyProperty() {
        return changedOnly;
    }

    /** Only the items whose proposal waits for a decision in Review (with "changed only" too: either). */
    public BooleanProperty pendingReviewOnlyProperty() {
        return pendingOnly;
    }

    /** "12 of 60 items shown" while a filter is on; empty otherwise. */
    public ObservableValue<String> shownText() {
        return Bindings.createStringBinding(() -> !changedOnly.get() && !pendingOnly.get() ? ""
                : messages.get("history.detail.shown", shown.size(), outcomes.size()), shown, outcomes, changedOnly,
                pendingOnly);
    }

    /**
     * The focused item's diff: what the batch wrote (before → after), or for a review batch what its proposal would
     * write (or would have: rejected, stale); {@code null} when there is neither.
     */
    public ObservableValue<DiffPresentation> diffProperty() {
        return focused.map(this::diffOf);
    }

    private DiffPresentation diffOf(OutcomeRow r) {
        ItemChange c = r.change();
        if (c != null) {
            return DiffPresentation.of(ItemDiff.of(c.beforeContent(), c.beforeTier(), c.beforeKeywords(),
                    c.afterContent(), c.afterTier(), c.afterKeywords()), messages);
        }
        return r.proposal() == null ? null : DiffPresentation.of(ItemDiff.of(r.proposal()), messages);
    }

    /** What the diff shows: "Written back by this batch", "Proposal pending review: …", or why nothing shows. */
    public ObservableValue<String> diffNote() {
        return focused.map(r -> messages.get(r.written() ? "history.detail.written"
                : r.proposal() == null ? "history.detail.notWritten"
                : "history.detail.proposal." + r.proposal().status().wireName()))
                .orElse(messages.get("history.detail.pickItem"));
    }

    /**
     * Finds out in the background whether the focused row's item still holds this batch's result: only then is Revert
     * offered (reverting twice, or over a later change, would lose what came after). {@code note} shows meanwhile.
     */
    private void checkFocused(OutcomeRow row, String note) {
        LatestWins.Turn check = focusChecks.next();
        focusedIsCurrent.set(false);
        revertNote.set(note);
        revertDone.set(!note.isEmpty());
        BatchRecord b = batch.get();
        if (row == null || row.versionId() == null || b == null) {
            return;
        }
        executor.submit(() -> versions.list(b.vaultId(), row.itemId()), list -> {
            if (check.isLatest()) {
                boolean current = !list.isEmpty() && list.get(0).id() == row.versionId();
                focusedIsCurrent.set(current);
                if (!current && note.isEmpty()) {
                    revertNote.set(messages.get("history.revert.changedSince", row.itemId()));
                }
            }
        }, failure -> dialogs.showError(messages.get("history.detail.loadFailed"), String.valueOf(failure.getMessage())));
    }

    /** Restores the focused item's text, tier and keywords from before this batch (asks first), and says so. */
    public void revertFocused() {
        OutcomeRow row = focused.get();
        if (!canRevert.get()
                || !dialogs.confirm(messages.get("history.revert.title"), messages.get("history.revert.confirm", row.itemId()))) {
            return;
        }
        reverting.set(true);
        executor.submit(() -> versions.revert(row.versionId()), item -> {
            reverting.set(false);
            onItemsChanged.run();
            if (focused.get() == row) {
                checkFocused(row, messages.get("history.revert.done", row.itemId()));
            }
        }, failure -> {
            reverting.set(false);
            dialogs.showError(messages.get("history.revert.failed"), String.valueOf(failure.getMessage()));
        });
    }

    /**
     * Reverts every write-back of the batch at once, after asking: items changed since (edited, enhanced again,
     * reverted) are left as they are and listed in the report. The items and the workspace show the result.
     */
    public void revertBatch() {
        BatchRecord b = batch.get();
        if (!canRevertBatch.get()) {
            return;
        }
        long written = outcomes.stream().filter(OutcomeRow::written).count();
        if (!dialogs.confirm(messages.get("history.revertBatch.title"),
                messages.get("history.revertBatch.confirm", written, shortId(b.id())))) {
            return;
        }
        revertingBatch.set(true);
        executor.submit(() -> batches.revert(b.id()), done -> {
            revertingBatch.set(false);
            dialogs.showInfo(messages.get("history.revertBatch.doneTitle"), revertReport(done));
            if (!done.reverted().isEmpty()) {
                onItemsChanged.run();
            }
            if (batch.get() == b) {
                load(b);
            }
        }, failure -> {
            revertingBatch.set(false);
            dialogs.showError(messages.get("history.revertBatch.failed"), String.valueOf(failure.getMessage()));
        });
    }

    private String revertReport(BatchRevert done) {
        String report = messages.get("history.revertBatch.done", done.reverted().size());
        if (done.skipped().isEmpty()) {
            return report;
        }
        List<String> left = done.skipped().stream()
                .map(s -> messages.get("history.revertBatch.skippedItem", s.itemId(), s.reason())).toList();
        return report + " " + messages.get("history.revertBatch.skipped", done.skipped().size(),
                String.join("; ", left.subList(0, Math.min(10, left.size())))
                        + (left.size() > 10 ? "; \u2026" : ""));
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** Revert batch is offered for an ended batch that wrote something back. */
    public BooleanBinding canRevertBatchProperty() {
        return canRevertBatch;
    }

    /** "pp-3 is back to …" after a revert, or why Revert is not offered for the focused item; empty otherwise. */
    public ReadOnlyStringProperty revertNoteProperty() {
        return revertNote.getReadOnlyProperty();
    }

    /** The note says a revert was done (rather than why none is offered). */
    public ReadOnlyBooleanProperty revertDoneProperty() {
        return revertDone.getReadOnlyProperty();
    }

    /** Whether the selected batch ran on the offline rules engine (no HTTP status to show). */
    public boolean ranOffline(BatchRecord b) {
        try {
            return ProviderText.isRules(dev.goldsmith.batch.BatchSettings.fromMetadata(b.metadata()).provider());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Revert is offered for an item this batch wrote back. */
    public BooleanBinding canRevertProperty() {
        return canRevert;
    }

    /** Only cancelled and interrupted batches can be resumed. */
    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canRetryProperty() {
        return canRetry;
    }

    /** "2"; "–" for an item not finished (a batch cancelled or stopped before it), rather than a misleading 0. */
    public String attemptsText(OutcomeRow row) {
        return row.status() == dev.goldsmith.batch.ItemStatus.PENDING && row.attempts() == 0
                ? messages.get("history.none") : Integer.toString(row.attempts());
    }

    public String itemStatusName(dev.goldsmith.batch.ItemStatus status) {
        return messages.get("itemStatus." + status.wireName());
    }
}
