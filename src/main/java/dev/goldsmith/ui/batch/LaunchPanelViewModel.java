package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.ConfirmThreshold;
import dev.goldsmith.batch.Estimate;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.batch.BatchGateway.Setup;
import dev.goldsmith.ui.vault.ItemSelection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launch panel: operation, the saved provider and model, the limits and "Review before applying" (defaults from
 * settings) and Start, which is disabled with a reason when nothing is selected or the provider is not set up. Under
 * Start, an estimate of the selection (items, tokens, cost, duration, which are assumptions), worked out in the
 * background whenever the selection or the limits change (the view debounces it; the latest wins). Start queues the
 * batch on {@link LiveBatchViewModel}, after asking when it is above the confirmation threshold (with the figures) or
 * when items are already in a running or queued batch. "Try on 3" runs the operation on three of the items and shows
 * what it would change, writing nothing.
 */
public final class LaunchPanelViewModel {

    private final BatchGateway gateway;
    private final LiveBatchViewModel live;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    private final ObjectProperty<Operation> operation = new SimpleObjectProperty<>(Operation.ENHANCE);
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(BatchOptions.DEFAULT_CONCURRENCY);
    private final ObjectProperty<Integer> rpm = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> tpm = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> maxAttempts = new SimpleObjectProperty<>(BatchOptions.DEFAULT_MAX_ATTEMPTS);
    private final ObjectProperty<ItemSelection> selection = new SimpleObjectProperty<>(ItemSelection.NONE);
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> loadProblem = new ReadOnlyObjectWrapper<>();
    private final StringBinding providerText;
    private final StringBinding disabledReason;
    private final BooleanBinding startDisabled;
    private final BooleanBinding reasonIsProblem;
    private final StringBinding startText;
    private Runnable commitEdits = () -> { };
    private final BooleanProperty review = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper estimateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper estimateNotes = new ReadOnlyStringWrapper("");
    /** The selection's estimates: the newest one is shown. */
    private final LatestWins estimates;
    private Consumer<Runnable> estimateScheduler = Runnable::run;
    private final ReadOnlyBooleanWrapper trying = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canTry;
    private final ReadOnlyObjectWrapper<List<TrialResult>> trial = new ReadOnlyObjectWrapper<>(List.of());
    private final EstimateText estimateWords;
    /** The saved settings' loads: the newest one is shown (an older failure never hides a newer success). */
    private final LatestWins loads;

    public LaunchPanelViewModel(BatchGateway gateway, LiveBatchViewModel live, TaskExecutor executor,
                                DialogService dialogs, Messages messages) {
        this.gateway = gateway;
        this.live = live;
        this.executor = executor;
        this.loads = executor.latestWins();
        this.estimates = executor.latestWins();
        this.estimateWords = new EstimateText(messages);
        this.dialogs = dialogs;
        this.messages = messages;
        providerText = Bindings.createStringBinding(this::describeProvider, setup);
        disabledReason = Bindings.createStringBinding(this::reason, setup, selection, loadProblem);
        startDisabled = disabledReason.isNotEmpty();
        reasonIsProblem = Bindings.createBooleanBinding(() -> loadProblem.get() != null || setup.get() != null
                && setup.get().readiness() != dev.goldsmith.ai.Readiness.READY, setup, loadProblem);
        startText = Bindings.createStringBinding(() -> messages.get(live.busyProperty().get() ? "launch.queue"
                : "launch.start", selection.get().size()), live.busyProperty(), selection);
        operation.addListener((obs, was, now) -> loadDefaults());
        canTry = startDisabled.not().and(trying.not());
        InvalidationListener inputs = obs -> estimateScheduler.accept(this::refreshEstimate);
        for (javafx.beans.Observable o : List.of(selection, setup, concurrency, rpm, tpm)) {
            o.addListener(inputs);
        }
    }

    /**
     * How the estimate is put off while the selection changes: the view waits for a pause (a drag over 9,000 rows
     * estimates once); by default at once.
     */
    public void scheduleEstimatesWith(Consumer<Runnable> scheduler) {
        estimateScheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** Works out the estimate of the selection as the limits stand, in the background; the latest one shows. */
    public void refreshEstimate() {
        ItemSelection items = selection.get();
        Setup s = setup.get();
        BatchGateway.Limits limits = limits();
        if (items == null || items.isEmpty() || s == null || limits == null) {
            estimates.next();
            estimateText.set("");
            estimateNotes.set("");
            return;
        }
        Operation op = operation.get();
        boolean priced = priced(s);
        estimates.submit(() -> gateway.estimate(items, op, limits), e -> {
            estimateText.set(messages.get("launch.estimate", estimateWords.line(e, priced)));
            estimateNotes.set(String.join("\n", e.notes()));
        }, failure -> {
            estimateText.set(messages.get("launch.estimate.failed", String.valueOf(failure.getMessage())));
            estimateNotes.set("");
        });
    }

    private static boolean priced(Setup s) {
        var p = s.settings().provider().pricing();
        return p.promptPerMillion().signum() > 0 || p.completionPerMillion().signum() > 0;
    }

    private BatchGateway.Limits limits() {
        if (concurrency.get() == null || rpm.get() == null || tpm.get() == null || maxAttempts.get() == null) {
            return null;
        }
        return new BatchGateway.Limits(concurrency.get(), rpm.get(), tpm.get(), maxAttempts.get(), review.get());
    }

    /** Reads the saved provider and limits in the background (again after the settings changed). */
    public void loadDefaults() {
        Operation op = operation.get();
        loads.submit(() -> gateway.setup(op), loaded -> {
            loadProblem.set(null);
            concurrency.set(loaded.settings().options().concurrency());
            rpm.set(loaded.settings().options().rpm());
            tpm.set(loaded.settings().options().tpm());
            maxAttempts.set(loaded.settings().options().maxAttempts());
            review.set(loaded.settings().options().review());
            setup.set(loaded);
        }, failure -> loadProblem.set(messages.get("launch.notReady.loadFailed", String.valueOf(failure.getMessage()))));
    }

    /**
     * Queues one batch over the selection (Start, Ctrl+Enter) with the limits as typed; does nothing while Start
     * is disabled. When some of the items are still in a running or queued batch, asks first; then works out the
     * estimate (in the background) and, above the confirmation threshold, asks with its figures.
     */
    public void start() {
        commitEdits.run();
        if (startDisabled.get()) {
            return;
        }
        if (concurrency.get() == null || rpm.get() == null || tpm.get() == null || maxAttempts.get() == null) {
            return; // the spinners keep a number; nothing to start without one
        }
        ItemSelection items = selection.get();
        List<String> again = live.alreadyQueuedOrRunning(items);
        if (!again.isEmpty() && !dialogs.confirm(messages.get("launch.again.title"),
                messages.get("launch.again.text", again.size(), items.size(), String.join(", ",
                        again.subList(0, Math.min(3, again.size()))) + (again.size() > 3 ? ", \u2026" : "")))) {
            return;
        }
        Operation op = operation.get();
        BatchGateway.Limits limits = limits();
        boolean priced = priced(setup.get());
        executor.submit(() -> new Check(gateway.estimate(items, op, limits), gateway.confirmThreshold()), check -> {
            if (check.estimate().exceeds(check.threshold()) && !dialogs.confirm(messages.get("launch.confirm.title"),
                    messages.get("launch.confirm.text", check.threshold().items(),
                            check.threshold().costUsd().toPlainString(), estimateWords.line(check.estimate(), priced)))) {
                return;
            }
            live.enqueue(items, () -> gateway.start(items, op, limits));
        }, failure -> dialogs.showError(messages.get("launch.estimate.failedTitle"), String.valueOf(failure.getMessage())));
    }

    private record Check(Estimate estimate, ConfirmThreshold threshold) {
    }

    /**
     * "Try on 3": the operation on three items of the selection that it would send, with the saved provider and the
     * limits as set; nothing is written. The answers show in {@link #trialProperty()}.
     */
    public void tryOnThree() {
        commitEdits.run();
        BatchGateway.Limits limits = limits();
        if (!canTry.get() || limits == null) {
            return;
        }
        ItemSelection items = selection.get();
        Operation op = operation.get();
        trying.set(true);
        executor.submit(() -> gateway.tryOn(items, op, limits), outcomes -> {
            trying.set(false);
            trial.set(outcomes.stream().map(o -> TrialResult.of(o, messages)).toList());
        }, failure -> {
            trying.set(false);
            dialogs.showError(messages.get("launch.try.failed"), String.valueOf(failure.getMessage()));
        });
    }

    /** The view's pending edits (a spinner's typed text) are committed by {@code commit} before every start. */
    public void commitEditsWith(Runnable commit) {
        commitEdits = commit;
    }

    private String reason() {
        if (loadProblem.get() != null) {
            return loadProblem.get();
        }
        if (setup.get() == null) {
            return messages.get("launch.notReady.loading");
        }
        if (selection.get() == null || selection.get().isEmpty()) {
            return messages.get("launch.notReady.nothingSelected");
        }
        return switch (setup.get().readiness()) {
            case READY -> "";
            case NO_KEY -> messages.get("launch.notReady.noKey", String.join(" or ", setup.get().keyVariables()));
            case BAD_BASE_URL -> messages.get("launch.notReady.baseUrl", setup.get().settings().provider().baseUrl());
            case NO_DEPLOYMENT -> messages.get("launch.notReady.deployment");
        };
    }

    private String describeProvider() {
        Setup s = setup.get();
        return s == null ? messages.get("launch.notReady.loading") : new ProviderText(messages).describe(s.settings().provider());
    }

    public String operationName(Operation op) {
        return messages.get("operation." + op.wireName());
    }

    public ObservableList<Operation> operationChoices() {
        return FXCollections.observableArrayList(Operation.values());
    }

    public ObjectProperty<Operation> operationProperty() {
        return operation;
    }

    public ObjectProperty<Integer> concurrencyProperty() {
        return concurrency;
    }

    /** Requests per minute, 0 = no cap. */
    public ObjectProperty<Integer> rpmProperty() {
        return rpm;
    }

    /** Tokens per minute, 0 = no cap. */
    public ObjectProperty<Integer> tpmProperty() {
        return tpm;
    }

    /** "Review before applying": the answers become proposals for the Review tab; nothing is written until accepted. */
    public BooleanProperty reviewProperty() {
        return review;
    }

    /** "Estimate: 57 items to send · ~45,600 tokens … · about 1:20." under Start; empty without a selection. */
    public ReadOnlyStringProperty estimateTextProperty() {
        return estimateText.getReadOnlyProperty();
    }

    /** How each figure of the estimate was reached, one sentence a line (its tooltip). */
    public ReadOnlyStringProperty estimateNotesProperty() {
        return estimateNotes.getReadOnlyProperty();
    }

    /** A "Try on 3" is under way. */
    public ReadOnlyBooleanProperty tryingProperty() {
        return trying.getReadOnlyProperty();
    }

    public BooleanBinding canTryProperty() {
        return canTry;
    }

    /** The last "Try on 3": one result an item tried (a new list each time, so the view opens it again). */
    public ReadOnlyObjectProperty<List<TrialResult>> trialProperty() {
        return trial.getReadOnlyProperty();
    }

    public ObjectProperty<Integer> maxAttemptsProperty() {
        return maxAttempts;
    }

    /** The items to start with: the view binds it to the workspace's checkbox selection. */
    public ObjectProperty<ItemSelection> selectionProperty() {
        return selection;
    }

    /** The saved settings once loaded. */
    public ReadOnlyObjectProperty<Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    /** "Offline rules engine — not an AI model" or "OpenAI-compatible · gpt-4o-mini · https://…". */
    public StringBinding providerText() {
        return providerText;
    }

    /** Why Start is disabled; empty when it is not. */
    public StringBinding disabledReason() {
        return disabledReason;
    }

    public BooleanBinding startDisabled() {
        return startDisabled;
    }

    /** Whether {@link #disabledReason()} is a problem to fix (no key, a bad URL) rather than a hint. */
    public BooleanBinding reasonIsProblem() {
        return reasonIsProblem;
    }

    /** "Start batch (4 items)" or, while a batch runs, "Add to queue (4 items)". */
    public StringBinding startText() {
        return startText;
    }
}
