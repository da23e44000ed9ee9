package dev.goldsmith.ui.history;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.batch.ProviderText;
import dev.goldsmith.ui.batch.Throughput;
import dev.goldsmith.vault.VaultSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History tab: the batches the filters let through (loaded in the background, reloaded when a filter
 * changes), the figures over them, successes and failures per day, and the selected batch.
 */
public final class HistoryViewModel {

    private final BatchService batches;
    private final VaultRepository vaults;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ZoneId zone;
    private final HistoryFilters filters;
    private final HistoryFormat format;
    private final ObservableList<BatchRecord> rows = FXCollections.observableArrayList();
    private final ObservableList<DayCount> days = FXCollections.observableArrayList();
    // One read-only view each: a view made per call would drop listeners once it is garbage collected.
    private final ObservableList<BatchRecord> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<DayCount> daysView = FXCollections.unmodifiableObservableList(days);
    private final ObjectProperty<BatchRecord> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper successRate = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper averageDuration = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper itemsPerMinute = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final Map<String, String> vaultNames = new HashMap<>();
    private final Map<String, ProviderSettings> providers = new HashMap<>();
    private final ProviderText providerText;
    private final Clock clock;
    private Function<String, Optional<Duration>> liveElapsed = id -> Optional.empty();
    /** The batch list's loads: the newest one is shown. */
    private final LatestWins loads;
    private boolean showing;
    private boolean refreshing;

    public HistoryViewModel(BatchService batches, VaultRepository vaults, TaskExecutor executor,
                            DialogService dialogs, Messages messages, Clock clock, ZoneId zone) {
        this.clock = clock;
        this.batches = batches;
        this.vaults = vaults;
        this.executor = executor;
        this.loads = executor.latestWins();
        this.dialogs = dialogs;
        this.messages = messages;
        this.zone = zone;
        this.filters = new HistoryFilters(messages, zone);
        this.format = new HistoryFormat(messages, zone);
        this.providerText = new ProviderText(messages);
        InvalidationListener reload = obs -> {
            if (!showing) {
                reload();
            }
        };
        for (var o : filters.observables()) {
            o.addListener(reload);
        }
        showStats(HistoryStats.of(List.of(), zone));
    }

    /** Loads the vault names and the batches the filters let through, keeping the selected batch if listed. */
    public void reload() {
        loading.set(true);
        placeholder.set(messages.get("history.loading"));
        var query = filters.query();
        loads.submit(() -> new Loaded(vaults.summaries(), batches.history(query)), this::show, this::loadFailed);
    }

    /**
     * Reloads quietly — no spinner, nothing re-shown unless something changed — so that batches other consoles start,
     * and their progress, appear within seconds on a shared database ({@link #POLL_EVERY}). Skipped while a load is
     * under way.
     */
    public void refresh() {
        if (loading.get() || refreshing) {
            return;
        }
        refreshing = true;
        LatestWins.Turn turn = loads.current(); // gives way to a reload begun meanwhile
        var query = filters.query();
        executor.submit(() -> new Loaded(vaults.summaries(), batches.history(query)), loaded -> {
            refreshing = false;
            if (turn.isLatest() && !loaded.batches().equals(rows)) {
                show(loaded);
            }
        }, failure -> refreshing = false); // the next poll tries again; a reload says what is wrong
    }

    /** How often the History tab refreshes itself while it is shown. */
    public static final Duration POLL_EVERY = Duration.ofSeconds(3);

    private record Loaded(List<VaultSummary> vaults, List<BatchRecord> batches) {
    }

    private void show(Loaded loaded) {
        loaded.vaults().forEach(v -> vaultNames.put(v.vault().id(), v.vault().name()));
        showing = true;
        try {
            filters.showVaults(loaded.vaults());
        } finally {
            showing = false;
        }
        String keep = selected.get() == null ? null : selected.get().id();
        rows.setAll(loaded.batches());
        selected.set(rows.stream().filter(b -> b.id().equals(keep)).findFirst().orElse(null));
        showStats(HistoryStats.of(loaded.batches(), zone));
        loading.set(false);
        placeholder.set(messages.get(rows.isEmpty() && noFilter() ? "history.empty" : "history.noMatch"));
    }

    private boolean noFilter() {
        var q = filters.query();
        return q.statuses().isEmpty() && q.operation() == null && q.vaultId() == null && q.from() == null
                && q.to() == null && q.search() == null && q.userId() == null;
    }

    private void showStats(HistoryStats stats) {
        successRate.set(stats.successRate().isPresent()
                ? messages.get("history.stats.successRate", stats.successRate().getAsDouble())
                : messages.get("history.stats.successRate.none"));
        String perOperation = java.util.Arrays.stream(Operation.values())
                .filter(stats.averageDuration()::containsKey)
                .map(op -> messages.get("history.stats.durationOf", filters.operationName(op),
                        format.duration(stats.averageDuration().get(op))))
                .collect(Collectors.joining(" \u00b7 "));
        averageDuration.set(messages.get("history.stats.duration",
                perOperation.isEmpty() ? messages.get("history.none") : perOperation));
        itemsPerMinute.set(messages.get("history.stats.itemsPerMinute", format.rate(stats.itemsPerMinute())));
        if (!days.equals(stats.days())) {
            days.setAll(stats.days());
        }
    }

    private void loadFailed(Throwable failure) {
        loading.set(false);
        placeholder.set(messages.get("history.loadFailed"));
        dialogs.showError(messages.get("history.loadFailed"), String.valueOf(failure.getMessage()));
    }

    public String vaultName(String vaultId) {
        return vaultNames.getOrDefault(vaultId, vaultId);
    }

    /** The provider and model the batch ran with, from its {@code metadata}. */
    public ProviderSettings providerOf(BatchRecord b) {
        return providers.computeIfAbsent(b.id(), id -> {
            try {
                return BatchSettings.fromMetadata(b.metadata()).provider();
            } catch (IllegalArgumentException e) {
                return ProviderSettings.rules(); // unreadable metadata: resume would fall back the same way
            }
        });
    }

    /** "gpt-4o-mini" or "Offline rules": the History column. */
    public String providerName(BatchRecord b) {
        return providerText.shortName(providerOf(b));
    }

    public String statusName(BatchStatus status) {
        return filters.statusName(status);
    }

    public String operationName(Operation operation) {
        return filters.operationName(operation);
    }

    /**
     * How long the batch has been working: its active time once it ended; while it runs here, the live panel's
     * elapsed time; while another process runs it, the time since it was created (or its earlier active time).
     */
    public String durationOf(BatchRecord b) {
        if (!b.status().isLive()) {
            return format.duration(b.activeDuration());
        }
        Duration running = liveElapsed.apply(b.id()).orElseGet(() -> b.activeMs() > 0 ? b.activeDuration()
                : Duration.between(b.createdAt(), clock.instant()));
        return messages.get("history.running", format.duration(running.isNegative() ? Duration.ZERO : running));
    }

    /** Items per minute of the batch, the same figure as the live panel's: see {@link Throughput}. */
    public String itemsPerMinute(BatchRecord b) {
        Duration active = b.status().isLive() ? liveElapsed.apply(b.id()).orElse(b.activeDuration()) : b.activeDuration();
        return format.rate(Throughput.perMinute(b.successfulItems() + b.failedItems(), active));
    }

    /** "Jordan Lee" over "Enhance". */
    public String batchCell(BatchRecord b) {
        return messages.get("history.cell.batch", vaultName(b.vaultId()), operationName(b.operation()));
    }

    /** "2026-11-28 10:00" over "42.0 s" (or "running, 42.0 s"). */
    public String startedCell(BatchRecord b) {
        return messages.get("history.cell.created", format.created(b.createdAt()), durationOf(b));
    }

    /** "60 · ✓15 =38 ✗0 ↷7" over "9,578.5/min". */
    public String countsCell(BatchRecord b) {
        return messages.get("history.cell.counts", format.counts(b), itemsPerMinute(b));
    }

    /**
     * The running batch's elapsed time, from the live panel: {@code elapsed} answers for the batch it runs. A
     * running batch then shows the time it has been working, not zero.
     */
    public void liveElapsedFrom(Function<String, Optional<Duration>> elapsed) {
        this.liveElapsed = elapsed;
    }

    /** "Batch 1a2b3c4d · Jordan Lee · Enhance · gpt-4o-mini", or a hint when nothing is selected. */
    public String detailTitle(BatchRecord b) {
        return b == null ? messages.get("history.detail.none")
                : messages.get("history.detail.title", b.id().substring(0, Math.min(8, b.id().length())),
                        vaultName(b.vaultId()), operationName(b.operation()), providerName(b));
    }

    /** "OpenAI-compatible · gpt-4o-mini · https://api.openai.com/v1": what the batch ran with, in full. */
    public String providerDescription(BatchRecord b) {
        return providerText.describe(providerOf(b));
    }

    public String succeededSeriesName() {
        return messages.get("history.chart.succeeded");
    }

    public String failedSeriesName() {
        return messages.get("history.chart.failed");
    }

    public HistoryFormat format() {
        return format;
    }

    public HistoryFilters filters() {
        return filters;
    }

    /** The listed batches, newest first. */
    public ObservableList<BatchRecord> batches() {
        return rowsView;
    }

    /** Succeeded and failed items per day, oldest first: the chart's bars. */
    public ObservableList<DayCount> days() {
        return daysView;
    }

    /** The batch whose detail shows (the table sets it). */
    public ObjectProperty<BatchRecord> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Success rate 92.5 %". */
    public ReadOnlyStringProperty successRateProperty() {
        return successRate.getReadOnlyProperty();
    }

    /** "Average duration: Enhance 42 s · Suggest keywords 10 s". */
    public ReadOnlyStringProperty averageDurationProperty() {
        return averageDuration.getReadOnlyProperty();
    }

    /** "12.0 items/min". */
    public ReadOnlyStringProperty itemsPerMinuteProperty() {
        return itemsPerMinute.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }
}
