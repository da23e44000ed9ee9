package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.FrameCoalescer;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.vault.ItemSelection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live batch panel and the queue behind it: batches run one after another; the running one's snapshots
 * arrive from the engine's threads and are coalesced to at most one UI update at a time ({@link FrameCoalescer}).
 * When a batch ends: a notice, the workspace reloads, a desktop notification if the window is not focused,
 * and the next queued batch starts.
 */
public final class LiveBatchViewModel {

    private final BatchGateway gateway;
    private final TaskExecutor executor;
    private final Executor ui;
    private final DialogService dialogs;
    private final Messages messages;
    private final Runnable onBatchEnded;
    private final Consumer<String> desktopNotifier;
    private final SnapshotText text;
    private final RerunQuestion question;
    private final FrameCoalescer<BatchSnapshot> coalescer;

    /** A batch waiting to start, and the items it was started on ({@code empty} when not known, as for a resume). */
    private record Queued(Callable<BatchHandle> start, Set<String> itemIds) {
    }

    private final Deque<Queued> queue = new ArrayDeque<>();
    private BatchHandle active;
    private Set<String> activeItems = Set.of();
    private Runnable unsubscribe = () -> { };
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<BatchSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BatchSnapshot> lastEnded = new ReadOnlyObjectWrapper<>();
    /** The active time the shown batch was stored with, once it ended: its rate is then History's. */
    private final ReadOnlyObjectWrapper<Duration> storedActive = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BatchOutcome> noticeOutcome = new ReadOnlyObjectWrapper<>(BatchOutcome.DONE);
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final ObservableList<OutcomeRow> outcomes = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<OutcomeRow> outcomesView = FXCollections.unmodifiableObservableList(outcomes);
    private final LiveBatchTexts texts;
    private final BooleanBinding canPause = Bindings.createBooleanBinding(() -> snapshot.get() != null
            && !snapshot.get().isFinished() && snapshot.get().status() != BatchStatus.PAUSED, snapshot);
    private final BooleanBinding canResume = Bindings.createBooleanBinding(() -> snapshot.get() != null
            && snapshot.get().status() == BatchStatus.PAUSED
            || lastEnded.get() != null && lastEnded.get().canResume(), snapshot, lastEnded);
    private final BooleanBinding canCancel = Bindings.createBooleanBinding(() -> snapshot.get() != null
            && !snapshot.get().isFinished(), snapshot);

    public LiveBatchViewModel(BatchGateway gateway, TaskExecutor executor, Executor ui, DialogService dialogs,
                              Messages messages, Runnable onBatchEnded, Consumer<String> desktopNotifier) {
        this.gateway = gateway;
        this.executor = executor;
        this.ui = ui;
        this.dialogs = dialogs;
        this.messages = messages;
        this.onBatchEnded = onBatchEnded;
        this.desktopNotifier = desktopNotifier;
        this.text = new SnapshotText(messages);
        this.question = new RerunQuestion(dialogs, messages);
        this.coalescer = new FrameCoalescer<>(ui, this::apply);
        this.texts = new LiveBatchTexts(snapshot, storedActive, queued, text, messages);
    }

    /** Adds a batch to the queue; it starts at once when nothing is running. */
    public void enqueue(Callable<BatchHandle> start) {
        enqueue(ItemSelection.NONE, start);
    }

    /** Adds a batch over {@code items} to the queue; it starts at once when nothing is running. */
    public void enqueue(ItemSelection items, Callable<BatchHandle> start) {
        queue.add(new Queued(start, keys(items)));
        queued.set(queue.size());
        if (!busy.get()) {
            startNext();
        }
    }

    /** Which of {@code items} a batch started from here is running or waiting to run on, in their order. */
    public List<String> alreadyQueuedOrRunning(ItemSelection items) {
        Set<String> taken = new HashSet<>(activeItems);
        queue.forEach(q -> taken.addAll(q.itemIds()));
        return items.itemIds().stream().filter(id -> taken.contains(key(items.vaultId(), id))).toList();
    }

    private static Set<String> keys(ItemSelection items) {
        Set<String> keys = new HashSet<>();
        items.itemIds().forEach(id -> keys.add(key(items.vaultId(), id)));
        return keys;
    }

    private static String key(String vaultId, String itemId) {
        return vaultId + '\u0000' + itemId;
    }

    private void startNext() {
        Queued next = queue.poll();
        queued.set(queue.size());
        busy.set(next != null);
        activeItems = next == null ? Set.of() : next.itemIds();
        if (next != null) {
            executor.submit(next.start(), this::attach, failure -> {
                dialogs.showError(messages.get("live.startFailed"), String.valueOf(failure.getMessage()));
                startNext();
            });
        }
    }

    private void attach(BatchHandle handle) {
        active = handle;
        storedActive.set(null);
        notice.set("");
        lastEnded.set(null);
        show(handle.latest());
        unsubscribe = handle.subscribe(coalescer::offer);
        handle.completion().whenComplete((last, failure) ->
                ui.execute(() -> ended(handle, last != null ? last : handle.latest())));
    }

    private void apply(BatchSnapshot s) {
        if (active != null && s.batchId().equals(active.batchId())) {
            show(s);
        }
    }

    private void ended(BatchHandle handle, BatchSnapshot last) {
        if (active != handle) {
            return;
        }
        unsubscribe.run();
        active = null;
        activeItems = Set.of();
        show(last);
        lastEnded.set(last);
        String summary = text.notice(last);
        noticeOutcome.set(BatchOutcome.of(last));
        notice.set(summary);
        if (!windowFocused.get()) {
            desktopNotifier.accept(summary);
        }
        String id = last.batchId();
        executor.submit(() -> gateway.find(id), stored -> stored.ifPresent(b -> {
            if (active == null && snapshot.get() != null && snapshot.get().batchId().equals(id)) {
                storedActive.set(b.activeDuration());
            }
        }), failure -> { }); // only the rate's last digits depend on it
        onBatchEnded.run();
        startNext();
    }

    private void show(BatchSnapshot s) {
        snapshot.set(s);
        outcomes.setAll(s.recent().stream().map(o -> new OutcomeRow(o.status(), text.outcome(o, s.operation()))).toList());
    }

    public void pause() {
        if (active != null) {
            active.pause();
        }
    }

    /** Resumes the paused batch, or continues the cancelled batch that just ended (queued like a new one). */
    public void resume() {
        BatchSnapshot ended = lastEnded.get();
        if (active != null) {
            active.resume();
        } else if (ended != null && ended.canResume()) {
            lastEnded.set(null);
            rerun(ended.batchId(), false, () -> lastEnded.set(ended));
        }
    }

    /** Drops the batches waiting to start; the running one goes on. */
    public void clearQueue() {
        queue.clear();
        queued.set(0);
    }

    /** Cancels the running batch; its unsent items stay pending, so it can be resumed. Queued batches still run. */
    public void cancel() {
        if (active != null) {
            active.cancel();
        }
    }

    /** Pause when running, resume when paused (Ctrl+P). */
    public void togglePause() {
        if (canPause.get()) {
            pause();
        } else if (canResume.get()) {
            resume();
        }
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** At start-up: asks, for each batch whose process died since the last look, whether to resume it; yes queues it. */
    public void offerResumeOfInterrupted() {
        executor.submit(gateway::recoverDead, list -> list.forEach(this::offerResume),
                failure -> dialogs.showError(messages.get("live.interruptedFailed"), String.valueOf(failure.getMessage())));
    }

    private void offerResume(BatchRecord b) {
        if (dialogs.confirm(messages.get("live.interrupted.title"), messages.get("live.interrupted.text",
                text.operation(b.operation()), b.processedItems(), b.totalItems(), b.vaultId()))) {
            rerun(b.id(), false, () -> { });
        }
    }

    /**
     * Resumes a batch with its own settings, or — when the current settings send to another provider or model — with
     * the ones the user picks; {@code declined} runs when they cancel.
     */
    private void rerun(String batchId, boolean askWhenSame, Runnable declined) {
        executor.submit(() -> gateway.rerun(batchId), r -> question.ask(r, RerunQuestion.Kind.RESUME, askWhenSame)
                .ifPresentOrElse(source -> enqueue(() -> gateway.resume(batchId, source)), declined),
                failure -> dialogs.showError(messages.get("rerun.loadFailed"), String.valueOf(failure.getMessage())));
    }

    /** How long the batch this panel runs has been working, when {@code batchId} is that batch. */
    public Optional<Duration> elapsedOf(String batchId) {
        BatchSnapshot s = snapshot.get();
        return active != null && s != null && s.batchId().equals(batchId) ? Optional.of(s.elapsed()) : Optional.empty();
    }

    public BooleanBinding canPause() {
        return canPause;
    }

    /** A paused batch, or a cancelled one that just ended. */
    public BooleanBinding canResume() {
        return canResume;
    }

    public BooleanBinding canCancel() {
        return canCancel;
    }

    /** A batch is running or starting. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    /** The newest snapshot shown: of the running batch, or of the one that ended last. */
    public ReadOnlyObjectProperty<BatchSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** "Batch finished: ✓ 48 enhanced · = 0 unchanged · ✗ 2 failed · ↷ 3 skipped in 1:12" after a batch ended; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** How the batch of the notice ended: the banner's colour. */
    public ReadOnlyObjectProperty<BatchOutcome> noticeOutcomeProperty() {
        return noticeOutcome.getReadOnlyProperty();
    }

    /** Whether the window has focus (the view binds it); a batch ending unfocused also notifies the desktop. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** The latest outcomes, newest first. */
    public ObservableList<OutcomeRow> outcomes() {
        return outcomesView;
    }

    /** The formatted counters, rates and headline, bound to the snapshot. */
    public LiveBatchTexts texts() {
        return texts;
    }
}
