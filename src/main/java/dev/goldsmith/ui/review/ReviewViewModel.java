package dev.goldsmith.ui.review;

import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.review.Decision;
import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.review.ReviewCounts;
import dev.goldsmith.review.ReviewRequestException;
import dev.goldsmith.review.ReviewService;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.vault.FilterChoice;
import dev.goldsmith.vault.VaultSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Review tab: every proposal of review-mode batches (loaded in the background), a queue of those waiting for a
 * decision — of one batch or of all — with the focused one's diff, and the decisions: accept, reject, accept with the
 * editor's text, accept all. A decision is sent at once and the next proposal that needs one is focused while it is
 * saved, so a reviewer can go through a batch key after key; one the store refuses (its item changed meanwhile) comes
 * back as it now reads, with the reason.
 */
public final class ReviewViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReviewService reviews;
    private final Function<String, Optional<BatchRecord>> findBatch;
    private final Supplier<List<VaultSummary>> vaultList;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final DateTimeFormatter when;
    private final ReviewTexts texts;
    private Runnable onItemsChanged = () -> { };

    private final ObservableList<ProposalRow> rows = FXCollections.observableArrayList(ProposalRow::observables);
    private final FilteredList<ProposalRow> queue = new FilteredList<>(rows);
    private final ObservableList<FilterChoice<String>> batchChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<String>> batchChoicesView =
            FXCollections.unmodifiableObservableList(batchChoices);
    private final ObjectProperty<FilterChoice<String>> batch = new SimpleObjectProperty<>();
    private final BooleanProperty showDecided = new SimpleBooleanProperty();
    private final ObjectProperty<ProposalRow> current = new SimpleObjectProperty<>();
    private final ObservableValue<Proposal> currentProposal = current.flatMap(ProposalRow::proposalProperty);
    private final ObservableValue<Boolean> currentDeciding = current.flatMap(ProposalRow::decidingProperty);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final StringProperty editText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper editError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ReviewCounts> counts = new ReadOnlyObjectWrapper<>(new ReviewCounts(0, 0, 0, 0));
    private final ReadOnlyIntegerWrapper pendingTotal = new ReadOnlyIntegerWrapper();
    private final BooleanBinding canAccept;
    private final BooleanBinding canReject;
    private final BooleanBinding canEdit;
    private final BooleanBinding canAcceptAll;
    private final StringBinding countsText;
    private final StringBinding placeholder;
    private final StringBinding note;
    private final StringBinding tabTitle;
    private final ObservableValue<DiffPresentation> diff;
    private final Map<String, String> batchLabels = new HashMap<>();
    /** The proposals' loads: the newest one is shown. */
    private final LatestWins loads;

    public ReviewViewModel(ReviewService reviews, Function<String, Optional<BatchRecord>> findBatch,
                           Supplier<List<VaultSummary>> vaultList, TaskExecutor executor, DialogService dialogs,
                           Messages messages, ZoneId zone) {
        this.reviews = reviews;
        this.findBatch = findBatch;
        this.vaultList = vaultList;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.when = WHEN.withZone(zone);
        this.texts = new ReviewTexts(messages, when, batchLabels);
        this.loads = executor.latestWins();
        queue.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String scope = scope();
            boolean all = showDecided.get();
            return row -> (scope == null || scope.equals(row.batchId())) && (all || row.openAtLoad());
        }, batch, showDecided));
        queue.addListener((ListChangeListener<ProposalRow>) change -> keepCurrentInQueue());
        rows.addListener((ListChangeListener<ProposalRow>) change -> recount());
        batch.addListener((obs, was, now) -> recount());
        current.addListener((obs, was, now) -> {
            if (was != now) {
                cancelEdit();
            }
        });
        canAccept = Bindings.createBooleanBinding(() -> current.get() != null && current.get().canAccept()
                && !editing.get(), current, currentProposal, currentDeciding, editing);
        canReject = Bindings.createBooleanBinding(() -> current.get() != null && current.get().needsDecision()
                && !editing.get(), current, currentProposal, currentDeciding, editing);
        canEdit = canAccept;
        canAcceptAll = Bindings.createBooleanBinding(() -> counts.get().pending() > 0 && inFlight.get() == 0
                && !editing.get(), counts, inFlight, editing);
        countsText = Bindings.createStringBinding(() -> {
            ReviewCounts c = counts.get();
            return messages.get("review.counts", c.pending(), c.accepted(), c.rejected(), c.stale());
        }, counts);
        placeholder = Bindings.createStringBinding(() -> messages.get(!loaded.get() ? "review.loading"
                : rows.isEmpty() ? "review.empty" : "review.allDecided"), loaded, rows);
        note = Bindings.createStringBinding(() -> texts.note(currentProposal.getValue()), currentProposal);
        tabTitle = Bindings.createStringBinding(() -> pendingTotal.get() == 0 ? messages.get("tab.review")
                : messages.get("tab.review.pending", pendingTotal.get()), pendingTotal);
        diff = currentProposal.map(p -> DiffPresentation.of(ItemDiff.of(p), messages));
    }

    /** Told after proposals were written to their items (accepted), so the items table shows them. */
    public void onItemsChanged(Runnable value) {
        onItemsChanged = Objects.requireNonNull(value, "value");
    }

    /** Reads every proposal again, keeping the chosen batch and the focused proposal where they still exist. */
    public void reload() {
        loading.set(true);
        loads.submit(this::read, this::show, failure -> {
            loading.set(false);
            dialogs.showError(messages.get("review.loadFailed"), String.valueOf(failure.getMessage()));
        });
    }

    private record Loaded(List<Proposal> proposals, Map<String, String> batchLabels, List<String> batchesNewestFirst) {
    }

    private Loaded read() {
        List<Proposal> all = reviews.list(ProposalQuery.all());
        Map<String, String> vaultNames = new HashMap<>();
        vaultList.get().forEach(v -> vaultNames.put(v.vault().id(), v.vault().name()));
        Map<String, BatchRecord> records = new LinkedHashMap<>();
        for (Proposal p : all) {
            records.computeIfAbsent(p.batchId(), id -> findBatch.apply(id).orElse(null));
        }
        Map<String, String> labels = new HashMap<>();
        List<String> order = new ArrayList<>();
        records.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BatchRecord> e) -> e.getValue() == null ? null
                        : e.getValue().createdAt(), Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()))
                        .reversed())
                .forEach(e -> {
                    order.add(e.getKey());
                    BatchRecord b = e.getValue();
                    String vault = b == null ? "" : vaultNames.getOrDefault(b.vaultId(), b.vaultId());
                    labels.put(e.getKey(), messages.get("review.batch.label", ReviewTexts.shortId(e.getKey()), vault,
                            b == null ? "" : when.format(b.createdAt())));
                });
        return new Loaded(all, labels, order);
    }

    private void show(Loaded data) {
        String keepBatch = scope();
        ProposalRow focused = current.get();
        Key keep = focused == null ? null : Key.of(focused);
        batchLabels.clear();
        batchLabels.putAll(data.batchLabels());
        List<FilterChoice<String>> choices = new ArrayList<>();
        choices.add(new FilterChoice<>(null, messages.get("review.batch.all")));
        data.batchesNewestFirst().forEach(id -> choices.add(new FilterChoice<>(id, data.batchLabels().get(id))));
        current.set(null);
        rows.setAll(data.proposals().stream().map(ProposalRow::new).toList());
        batchChoices.setAll(choices);
        batch.set(choices.stream().filter(c -> Objects.equals(c.value(), keepBatch)).findFirst().orElse(choices.get(0)));
        ProposalRow again = keep == null ? null
                : queue.stream().filter(r -> keep.matches(r) && r.needsDecision()).findFirst().orElse(null);
        current.set(again != null ? again : firstOpen(0).orElse(queue.isEmpty() ? null : queue.get(0)));
        recount();
        loading.set(false);
        loaded.set(true);
    }

    /** The focused proposal left the queue (another batch chosen, decided ones hidden): focus the first open one. */
    private void keepCurrentInQueue() {
        ProposalRow row = current.get();
        if (row == null || !queue.contains(row)) {
            current.set(firstOpen(0).orElse(queue.isEmpty() ? null : queue.get(0)));
        }
    }

    private void recount() {
        String scope = scope();
        int pending = 0;
        int accepted = 0;
        int rejected = 0;
        int stale = 0;
        int total = 0;
        for (ProposalRow r : rows) {
            ProposalStatus s = r.proposal().status();
            if (s == ProposalStatus.PROPOSED) {
                total++;
            }
            if (scope != null && !scope.equals(r.batchId())) {
                continue;
            }
            switch (s) {
                case PROPOSED -> pending++;
                case ACCEPTED -> accepted++;
                case REJECTED -> rejected++;
                case STALE -> stale++;
            }
        }
        counts.set(new ReviewCounts(pending, accepted, rejected, stale));
        pendingTotal.set(total);
    }

    // --- navigation -------------------------------------------------------------------------------------------

    /** Focuses the next proposal in the queue (J, ↓); stays on the last one. */
    public void next() {
        move(1);
    }

    /** Focuses the previous proposal in the queue (K, ↑); stays on the first one. */
    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (editing.get() || queue.isEmpty()) {
            return;
        }
        int at = current.get() == null ? -1 : queue.indexOf(current.get());
        int to = at < 0 ? 0 : Math.max(0, Math.min(queue.size() - 1, at + step));
        current.set(queue.get(to));
    }

    /** After a decision: the next one after {@code row} that needs a decision, else the first before it, else stay. */
    private void focusNextOpen(ProposalRow row) {
        if (current.get() != row) {
            return; // the reviewer has moved on already
        }
        int at = queue.indexOf(row);
        Optional<ProposalRow> next = firstOpen(at + 1).or(() -> firstOpen(0));
        next.ifPresent(current::set);
    }

    private Optional<ProposalRow> firstOpen(int from) {
        for (int i = Math.max(0, from); i < queue.size(); i++) {
            if (queue.get(i).needsDecision()) {
                return Optional.of(queue.get(i));
            }
        }
        return Optional.empty();
    }

    // --- decisions --------------------------------------------------------------------------------------------

    /** Writes the focused proposal to its item (A); the next one is focused while it is saved. */
    public void accept() {
        if (canAccept.get()) {
            decide(current.get(), ProposalStatus.ACCEPTED, null);
        }
    }

    /** Turns the focused proposal down (R): the item stays as it is. A stale one is set aside as stale. */
    public void reject() {
        if (canReject.get()) {
            decide(current.get(), ProposalStatus.REJECTED, null);
        }
    }

    /** Opens the editor on the focused proposal's text (E). */
    public void edit() {
        if (!canEdit.get()) {
            return;
        }
        editText.set(current.get().proposal().written().content());
        editError.set("");
        editing.set(true);
    }

    /** Closes the editor without deciding anything (Esc). */
    public void cancelEdit() {
        editing.set(false);
        editError.set("");
    }

    /**
     * Accepts the focused proposal with the editor's text (Enter or Ctrl+Enter in the editor). A text the store refuses
     * (empty, too long) keeps the editor open with the reason.
     */
    public void acceptEdit() {
        ProposalRow row = current.get();
        if (!editing.get() || row == null || !row.canAccept()) {
            return;
        }
        decide(row, ProposalStatus.ACCEPTED, editText.get());
    }

    private void decide(ProposalRow row, ProposalStatus outcome, String edited) {
        String batchId = row.batchId();
        String itemId = row.itemId();
        List<Key> affected = rows.stream().filter(r -> r.itemId().equals(itemId)).map(Key::of).distinct().toList();
        row.deciding(true);
        inFlight.set(inFlight.get() + 1);
        if (edited == null) {
            focusNextOpen(row);
        }
        executor.submit(() -> {
            Decision d = edited != null ? reviews.acceptEdited(batchId, itemId, edited)
                    : outcome == ProposalStatus.ACCEPTED ? reviews.accept(batchId, List.of(itemId))
                    : reviews.reject(batchId, List.of(itemId));
            return new Decided(d, reread(affected));
        }, done -> {
            inFlight.set(inFlight.get() - 1);
            apply(done.updated());
            feedback.set(decidedText(itemId, done.decision(), edited != null));
            if (edited != null) {
                editing.set(false);
                focusNextOpen(row);
            }
            if (!done.decision().accepted().isEmpty()) {
                onItemsChanged.run();
            }
        }, failure -> {
            inFlight.set(inFlight.get() - 1);
            row.deciding(false);
            if (failure instanceof ReviewRequestException refused) {
                refresh(affected);
                if (edited != null) {
                    editError.set(refused.getMessage());
                } else {
                    feedback.set(refused.getMessage());
                }
            } else {
                dialogs.showError(messages.get("review.decideFailed"), String.valueOf(failure.getMessage()));
            }
        });
    }

    private record Decided(Decision decision, Map<Key, Proposal> updated) {
    }

    private String decidedText(String itemId, Decision d, boolean edited) {
        String key = d.accepted().contains(itemId) ? (edited ? "review.done.edited" : "review.done.accepted")
                : d.rejected().contains(itemId) ? "review.done.rejected" : "review.done.stale";
        String text = messages.get(key, itemId);
        return counts.get().pending() == 0 && inFlight.get() == 0 ? text + " " + messages.get("review.done.none") : text;
    }

    /** Reads the proposals again as they are now (in the background). */
    private Map<Key, Proposal> reread(List<Key> keys) {
        Map<Key, Proposal> out = new LinkedHashMap<>();
        for (Key k : keys) {
            reviews.find(k.batchId(), k.itemId()).ifPresent(p -> out.put(k, p));
        }
        return out;
    }

    private void refresh(List<Key> keys) {
        executor.submit(() -> reread(keys), this::apply,
                failure -> dialogs.showError(messages.get("review.loadFailed"), String.valueOf(failure.getMessage())));
    }

    private void apply(Map<Key, Proposal> updated) {
        for (ProposalRow r : rows) {
            Proposal p = updated.get(Key.of(r));
            if (p != null) {
                r.replace(p);
            }
        }
        recount();
    }

    /**
     * Accepts every pending proposal of the queue's batch (or of every batch), after asking; those whose item changed
     * since are skipped, marked stale and listed in the report.
     */
    public void acceptAll() {
        if (!canAcceptAll.get()) {
            return;
        }
        String scope = scope();
        Set<String> batchIds = new LinkedHashSet<>();
        rows.stream().filter(r -> (scope == null || scope.equals(r.batchId()))
                && r.proposal().status() == ProposalStatus.PROPOSED).forEach(r -> batchIds.add(r.batchId()));
        int pending = counts.get().pending();
        String question = scope == null
                ? messages.get("review.acceptAll.all", pending, batchIds.size())
                : messages.get("review.acceptAll.batch", pending, batchLabels.getOrDefault(scope, ReviewTexts.shortId(scope)));
        if (!dialogs.confirm(messages.get("review.acceptAll.title"), question)) {
            return;
        }
        cancelEdit();
        inFlight.set(inFlight.get() + 1);
        executor.submit(() -> batchIds.stream().map(id -> reviews.accept(id, List.of())).toList(), decisions -> {
            inFlight.set(inFlight.get() - 1);
            int accepted = decisions.stream().mapToInt(d -> d.accepted().size()).sum();
            List<String> stale = decisions.stream().flatMap(d -> d.stale().stream()).distinct().toList();
            String report = messages.get("review.acceptAll.done", accepted)
                    + (stale.isEmpty() ? "" : " " + messages.get("review.acceptAll.stale", stale.size(), list(stale)));
            feedback.set(report);
            dialogs.showInfo(messages.get("review.acceptAll.doneTitle"), report);
            if (accepted > 0) {
                onItemsChanged.run();
            }
            reload();
        }, failure -> {
            inFlight.set(inFlight.get() - 1);
            dialogs.showError(messages.get("review.decideFailed"), String.valueOf(failure.getMessage()));
            reload();
        });
    }

    private static String list(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(10, ids.size()))) + (ids.size() > 10 ? ", \u2026" : "");
    }

    // --- what the view shows ----------------------------------------------------------------------------------

    /** The chosen batch's id, or {@code null} for all batches. */
    private String scope() {
        return batch.get() == null ? null : batch.get().value();
    }

    /** Why the focused proposal cannot be accepted (stale), or how it was decided; empty for a pending one. */
    public StringBinding noteProperty() {
        return note;
    }

    /** The words the view shows for a proposal: its title, chip, queue lines and note. */
    public ReviewTexts texts() {
        return texts;
    }

    /** The focused proposal's diff: the item as the proposal found it → what an accept writes (or wrote). */
    public ObservableValue<DiffPresentation> diffProperty() {
        return diff;
    }

    public ObservableList<FilterChoice<String>> batchChoices() {
        return batchChoicesView;
    }

    /** The batch whose proposals the queue holds ({@code null} value: every batch). */
    public ObjectProperty<FilterChoice<String>> batchProperty() {
        return batch;
    }

    /** Chooses the batch by id ({@code null}: all batches); nothing happens for a batch without proposals. */
    public void chooseBatch(String batchId) {
        batchChoices.stream().filter(c -> Objects.equals(c.value(), batchId)).findFirst().ifPresent(batch::set);
    }

    /** Also list proposals decided before the queue was loaded. */
    public BooleanProperty showDecidedProperty() {
        return showDecided;
    }

    /** The proposals to go through, in batch and item order. */
    public ObservableList<ProposalRow> queue() {
        return queue;
    }

    /** The proposal shown; the view's list follows it and sets it. */
    public ObjectProperty<ProposalRow> currentProperty() {
        return current;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** The editor's text while editing. */
    public StringProperty editTextProperty() {
        return editText;
    }

    /** Why the edited text was refused; empty otherwise. */
    public ReadOnlyStringProperty editErrorProperty() {
        return editError.getReadOnlyProperty();
    }

    /** What the last decision did ("pp-3 accepted.") or why it was refused. */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** Decisions sent and not yet answered. */
    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    /** Pending, accepted, rejected and stale among the chosen batch's proposals (or every batch's). */
    public ReadOnlyObjectProperty<ReviewCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** "12 pending · 3 accepted · 1 rejected · 2 stale". */
    public StringBinding countsText() {
        return countsText;
    }

    /** Proposals waiting in every batch: the tab's title shows it. */
    public ReadOnlyIntegerProperty pendingTotalProperty() {
        return pendingTotal.getReadOnlyProperty();
    }

    /** "Review" or "Review (12)". */
    public StringBinding tabTitle() {
        return tabTitle;
    }

    /** What the empty queue says: loading, nothing to review, or everything decided. */
    public StringBinding placeholderText() {
        return placeholder;
    }

    public BooleanBinding canAcceptProperty() {
        return canAccept;
    }

    public BooleanBinding canRejectProperty() {
        return canReject;
    }

    public BooleanBinding canEditProperty() {
        return canEdit;
    }

    public BooleanBinding canAcceptAllProperty() {
        return canAcceptAll;
    }

    /** A proposal's identity: its batch and item. */
    private record Key(String batchId, String itemId) {
        static Key of(ProposalRow r) {
            return new Key(r.batchId(), r.itemId());
        }

        boolean matches(ProposalRow r) {
            return batchId.equals(r.batchId()) && itemId.equals(r.itemId());
        }
    }
}
