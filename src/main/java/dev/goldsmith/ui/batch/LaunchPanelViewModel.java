package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.batch.BatchGateway.Setup;
import dev.goldsmith.ui.vault.ItemSelection;
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
 * batch on {@link LiveBatchViewModel}.
 */
public final class LaunchPanelViewModel {


    private final BatchGateway gateway;
    private final LiveBatchViewModel live;
    private final TaskExecutor executor;
    private final Messages messages;

    private final ObjectProperty<Operation> operation = new SimpleObjectProperty<>(Operation.ENHANCE);
    private final ObjectProperty<Integer> concurrency = new SimpleObjectProperty<>(BatchOptions.DEFAULT_CONCURRENCY);
    private final ObjectProperty<Integer> rpm = new SimpleObjectProperty<>(0);
    private final ObjectProperty<Integer> maxAttempts = new SimpleObjectProperty<>(BatchOptions.DEFAULT_MAX_ATTEMPTS);
    private final ObjectProperty<ItemSelection> selection = new SimpleObjectProperty<>(ItemSelection.NONE);
    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> loadProblem = new ReadOnlyObjectWrapper<>();
    private final StringBinding providerText;
    private final StringBinding disabledReason;
    private final BooleanBinding startDisabled;
    private final StringBinding startText;
    private long loads;

    public LaunchPanelViewModel(BatchGateway gateway, LiveBatchViewModel live, TaskExecutor executor,
                                Messages messages) {
        this.gateway = gateway;
        this.live = live;
        this.executor = executor;
        this.messages = messages;
        providerText = Bindings.createStringBinding(this::describeProvider, setup);
        disabledReason = Bindings.createStringBinding(this::reason, setup, selection, loadProblem);
        startDisabled = disabledReason.isNotEmpty();
        startText = Bindings.createStringBinding(() -> messages.get(live.busyProperty().get() ? "launch.queue"
                : "launch.start", selection.get().size()), live.busyProperty(), selection);
        operation.addListener((obs, was, now) -> loadDefaults());
    }

    /** Reads the saved provider and limits in the background (again after the settings changed). */
    public void loadDefaults() {
        long load = ++loads;
        Operation op = operation.get();
        executor.submit(() -> gateway.setup(op), loaded -> {
            if (load == loads) {
                loadProblem.set(null);
                concurrency.set(loaded.settings().options().concurrency());
                rpm.set(loaded.settings().options().rpm());
                maxAttempts.set(loaded.settings().options().maxAttempts());
                setup.set(loaded);
            }
        }, failure -> {
            if (load == loads) { // an older load's failure must not hide a newer success
                loadProblem.set(messages.get("launch.notReady.loadFailed", String.valueOf(failure.getMessage())));
            }
        });
    }

    /** Queues a batch over the selection (Ctrl+Enter); does nothing while Start is disabled. */
    public void start() {
        if (startDisabled.get()) {
            return;
        }
        if (concurrency.get() == null || rpm.get() == null || maxAttempts.get() == null) {
            return; // the spinners keep a number; nothing to start without one
        }
        ItemSelection items = selection.get();
        Operation op = operation.get();
        int c = concurrency.get();
        int r = rpm.get();
        int a = maxAttempts.get();
        live.enqueue(() -> gateway.start(items, op, c, r, a));
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
            case NO_KEY -> messages.get("launch.notReady.noKey");
            case BAD_BASE_URL -> messages.get("launch.notReady.baseUrl", setup.get().settings().provider().baseUrl());
            case UNKNOWN_PROVIDER -> messages.get("launch.notReady.provider",
                    setup.get().settings().provider().provider());
        };
    }

    private String describeProvider() {
        Setup s = setup.get();
        if (s == null) {
            return messages.get("launch.notReady.loading");
        }
        if (s.isRules()) {
            return messages.get("launch.provider.rules");
        }
        ProviderSettings p = s.settings().provider();
        return messages.get("launch.provider.openai", p.model(), p.baseUrl());
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

    /** "Start batch (4 items)" or, while a batch runs, "Add to queue (4 items)". */
    public StringBinding startText() {
        return startText;
    }
}
