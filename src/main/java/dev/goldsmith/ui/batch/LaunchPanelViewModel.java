package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.batch.BatchGateway.Setup;
import dev.goldsmith.ui.vault.ItemSelection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launch panel: operation, the saved provider and model, the limits (defaults from settings) and Start,
 * which is disabled with a reason when nothing is selected or the provider is not set up. Start queues the
 * batch on {@link LiveBatchViewModel}; items already in a running or queued batch are queued again only if the
 * user says so.
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
    /** The saved settings' loads: the newest one is shown (an older failure never hides a newer success). */
    private final LatestWins loads;

    public LaunchPanelViewModel(BatchGateway gateway, LiveBatchViewModel live, TaskExecutor executor,
                                DialogService dialogs, Messages messages) {
        this.gateway = gateway;
        this.live = live;
        this.executor = executor;
        this.loads = executor.latestWins();
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
            setup.set(loaded);
        }, failure -> loadProblem.set(messages.get("launch.notReady.loadFailed", String.valueOf(failure.getMessage()))));
    }

    /**
     * Queues one batch over the selection (Start, Ctrl+Enter) with the limits as typed; does nothing while Start
     * is disabled. When some of the items are still in a running or queued batch, asks first.
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
        BatchGateway.Limits limits = new BatchGateway.Limits(concurrency.get(), rpm.get(), tpm.get(), maxAttempts.get());
        live.enqueue(items, () -> gateway.start(items, op, limits));
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
