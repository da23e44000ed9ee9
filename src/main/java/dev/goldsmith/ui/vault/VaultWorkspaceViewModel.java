package dev.goldsmith.ui.vault;

import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultSummary;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault workspace: which vault, its items (loaded in the background), the search and filters that decide
 * which rows show, and the checkbox selection a batch will be launched with ({@link #selectionProperty()}).
 */
public final class VaultWorkspaceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(VaultWorkspaceViewModel.class);
    /** How often the open vault is checked for other consoles' changes ({@link #refreshIfChanged}). */
    public static final Duration POLL_EVERY = Duration.ofSeconds(3);

    private final VaultRepository vaults;
    private final ItemRepository items;
    private final Function<String, ItemMarks> marks;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    private final ObservableList<VaultSummary> vaultList = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<VaultSummary> vaultListView = FXCollections.unmodifiableObservableList(vaultList);
    private final ObjectProperty<VaultSummary> selectedVault = new SimpleObjectProperty<>();
    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList(ItemRow::observables);
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<ItemRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<ItemRow> visibleRows = new FilteredList<>(rows);
    private final ObjectProperty<ItemRow> focusedRow = new SimpleObjectProperty<>();
    private final ObservableValue<VaultItem> focusedItem = focusedRow.flatMap(ItemRow::itemProperty);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<ItemSelection> selection = new ReadOnlyObjectWrapper<>(ItemSelection.NONE);
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper();
    private final VaultTally tally;
    private final ItemFilters filters;

    private String loadedVaultId;
    private String preferredVaultId;
    private Consumer<String> vaultOpened = id -> { };
    /** The vault list's loads and the chosen vault's item loads: the newest of each is shown. */
    private final LatestWins vaultLoads;
    private final LatestWins itemLoads;
    /** {@link ItemRepository#changeMark} of the items shown, to notice other consoles' changes. */
    private String shownMark;
    private boolean checkingChanges;
    private boolean bulkChange;
    private boolean showingVaults;

    public VaultWorkspaceViewModel(VaultRepository vaults, ItemRepository items, TaskExecutor executor,
                                   DialogService dialogs, Messages messages) {
        this(vaults, items, vaultId -> ItemMarks.NONE, executor, dialogs, messages);
    }

    /**
     * @param marks what the batches did to a vault's items (blocking; read in the background with each load of its
     *              items) for the "changed by a batch" and "pending review" filters
     */
    public VaultWorkspaceViewModel(VaultRepository vaults, ItemRepository items, Function<String, ItemMarks> marks,
                                   TaskExecutor executor, DialogService dialogs, Messages messages) {
        this.marks = marks;
        this.vaults = vaults;
        this.items = items;
        this.executor = executor;
        this.vaultLoads = executor.latestWins();
        this.itemLoads = executor.latestWins();
        this.dialogs = dialogs;
        this.messages = messages;
        tally = new VaultTally(messages, this::tierName, this::typeName);
        filters = new ItemFilters(messages, this::typeName, this::tierName);
        visibleRows.predicateProperty().bind(filters.predicate());
        rows.addListener((ListChangeListener<ItemRow>) change -> recount());
        shownText.bind(Bindings.createStringBinding(
                () -> messages.get("workspace.shown", visibleRows.size(), rows.size()), visibleRows, rows));
        placeholderText.bind(Bindings.createStringBinding(this::placeholder, loading, vaultList, rows));
        selectedVault.addListener((obs, was, now) -> {
            if (!showingVaults) {
                loadItems(now);
            }
            if (now != null && (was == null || !was.vault().id().equals(now.vault().id()))) {
                vaultOpened.accept(now.vault().id());
            }
        });
        recount();
    }

    /**
     * The vault to open first (the one that was open when the window last closed), and who hears which vault is open
     * from then on — so a restart opens the same vault, not whichever was imported last.
     */
    public void rememberVault(String lastOpen, Consumer<String> opened) {
        preferredVaultId = lastOpen;
        vaultOpened = opened;
    }

    /** Loads the vault list (keeping the current vault when it still exists), then that vault's items. */
    public void reload() {
        loading.set(true);
        vaultLoads.submit(vaults::summaries, this::showVaults, this::loadFailed);
    }

    private void showVaults(List<VaultSummary> list) {
        String wanted = loadedVaultId != null ? loadedVaultId : preferredVaultId;
        VaultSummary pick = list.stream().filter(s -> s.vault().id().equals(wanted)).findFirst()
                .orElse(list.isEmpty() ? null : list.get(0));
        showingVaults = true;
        try {
            vaultList.setAll(list);
            selectedVault.set(pick);
        } finally {
            showingVaults = false;
        }
        loadItems(pick);
    }

    private void loadItems(VaultSummary summary) {
        if (summary == null) {
            itemLoads.next(); // no vault: a load under way is dropped
            loadedVaultId = null;
            rows.clear();
            loading.set(false);
            return;
        }
        loading.set(true);
        String vaultId = summary.vault().id();
        itemLoads.submit(() -> new Loaded(items.changeMark(vaultId), items.list(vaultId), marks.apply(vaultId)), loaded -> {
            shownMark = loaded.mark();
            filters.marks(loaded.marks());
            showItems(vaultId, loaded.items());
        }, this::loadFailed);
    }

    /** @param marks what the batches did to the items, for the "changed" and "pending review" filters */
    private record Loaded(String mark, List<VaultItem> items, ItemMarks marks) {
    }

    /**
     * Shows what other consoles (or processes) wrote to the open vault since it was loaded: a cheap check of its
     * {@linkplain ItemRepository#changeMark change mark}, and only when that moved a quiet reload of its items, put into
     * the rows in place (checkboxes, focus and scroll kept). A failed check is only logged: the next one tries again.
     */
    public void refreshIfChanged() {
        String vaultId = loadedVaultId;
        if (vaultId == null || loading.get() || checkingChanges) {
            return;
        }
        checkingChanges = true;
        LatestWins.Turn load = itemLoads.current(); // a quiet check gives way to a load begun meanwhile
        String known = shownMark;
        executor.submit(() -> {
            String mark = items.changeMark(vaultId);
            return mark.equals(known) ? null : new Loaded(mark, items.list(vaultId), marks.apply(vaultId));
        }, fresh -> {
            checkingChanges = false;
            if (fresh != null && load.isLatest() && vaultId.equals(loadedVaultId)) {
                shownMark = fresh.mark();
                filters.marks(fresh.marks());
                merge(vaultId, fresh.items());
            }
        }, failure -> {
            checkingChanges = false;
            LOG.debug("could not check vault {} for changes", vaultId, failure);
        });
    }

    /** The same items in the same order: changed ones replaced in their rows; anything else: shown afresh. */
    private void merge(String vaultId, List<VaultItem> list) {
        boolean sameRows = list.size() == rows.size();
        for (int i = 0; sameRows && i < list.size(); i++) {
            sameRows = rows.get(i).item().id().equals(list.get(i).id());
        }
        if (!sameRows) {
            showItems(vaultId, list);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!rows.get(i).item().equals(list.get(i))) {
                rows.get(i).replace(list.get(i));
            }
        }
    }

    /**
     * Shows a vault's items, keeping the checked ones of the same vault — but not those that became gold since (a
     * batch just took them to the top tier: starting again would only skip them).
     */
    private void showItems(String vaultId, List<VaultItem> list) {
        Set<String> keep = vaultId.equals(loadedVaultId) ? new HashSet<>(selection.get().itemIds()) : new HashSet<>();
        Map<String, QualityTier> tierBefore = new HashMap<>();
        rows.forEach(r -> tierBefore.put(r.item().id(), r.item().tier()));
        list.stream().filter(i -> i.tier().isTop() && tierBefore.containsKey(i.id()) && !tierBefore.get(i.id()).isTop())
                .forEach(i -> keep.remove(i.id()));
        loadedVaultId = vaultId;
        bulk(() -> rows.setAll(list.stream().map(item -> {
            ItemRow row = new ItemRow(item);
            row.selectedProperty().set(keep.contains(item.id()));
            row.selectedProperty().addListener(o -> recount()); // one recount, not one per row, in bulk changes
            return row;
        }).collect(Collectors.toList())));
        loading.set(false);
    }

    private void loadFailed(Throwable failure) {
        loading.set(false);
        dialogs.showError(messages.get("workspace.loadFailed"), String.valueOf(failure.getMessage()));
    }

    /** Puts a changed item (after a write-back or revert) in its row, keeping the row's checkbox. */
    public void replaceItem(VaultItem item) {
        rows.stream().filter(r -> r.item().id().equals(item.id()) && item.vaultId().equals(loadedVaultId))
                .findFirst().ifPresent(r -> r.replace(item));
    }

    /** Checks every visible item that is not gold and unchecks the visible gold ones; hidden rows keep theirs. */
    public void selectAllNotGold() {
        bulk(() -> List.copyOf(visibleRows).forEach(r -> r.selectedProperty().set(!r.item().tier().isTop())));
    }

    public void selectAllVisible() {
        bulk(() -> List.copyOf(visibleRows).forEach(r -> r.selectedProperty().set(true)));
    }

    public void clearSelection() {
        bulk(() -> rows.forEach(r -> r.selectedProperty().set(false)));
    }

    public void toggle(ItemRow row) {
        if (row != null) {
            row.selectedProperty().set(!row.isSelected());
        }
    }

    private void bulk(Runnable change) {
        bulkChange = true;
        try {
            change.run();
        } finally {
            bulkChange = false;
        }
        recount();
    }

    private void recount() {
        if (bulkChange) {
            return;
        }
        List<String> ids = rows.stream().filter(ItemRow::isSelected).map(r -> r.item().id()).toList();
        selection.set(new ItemSelection(loadedVaultId, ids));
        selectedCount.set(ids.size());
        selectionText.set(messages.get("workspace.selected", ids.size()));
        tally.update(rows);
    }

    private String placeholder() {
        if (loading.get()) {
            return messages.get("workspace.loading");
        }
        if (vaultList.isEmpty()) {
            return messages.get("workspace.noVaults");
        }
        return messages.get(rows.isEmpty() ? "workspace.emptyVault" : "workspace.noMatch");
    }

    public String vaultLabel(VaultSummary summary) {
        return summary == null ? "" : messages.get("workspace.vaultLabel", summary.vault().name(), summary.itemCount());
    }

    public String typeName(ItemType type) {
        return messages.get("type." + type.wireName());
    }

    public String tierName(QualityTier tier) {
        return messages.get("tier." + tier.wireName());
    }

    public ObservableList<VaultSummary> vaults() {
        return vaultListView;
    }

    public ObjectProperty<VaultSummary> selectedVaultProperty() {
        return selectedVault;
    }

    /** Every row of the vault, unfiltered. */
    public ObservableList<ItemRow> allItems() {
        return rowsView;
    }

    /** The rows the search and filters let through, in vault order. */
    public ObservableList<ItemRow> visibleItems() {
        return visibleRows;
    }

    /** The search text and the type and tier filters that decide {@link #visibleItems()}. */
    public ItemFilters filters() {
        return filters;
    }

    /** The row with keyboard focus (the table sets it); its item's history shows beside the table. */
    public ObjectProperty<ItemRow> focusedRowProperty() {
        return focusedRow;
    }

    public ObservableValue<VaultItem> focusedItemProperty() {
        return focusedItem;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The checked items and their vault: what the launch panel starts a batch with. */
    public ReadOnlyObjectProperty<ItemSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedCountProperty() {
        return selectedCount.getReadOnlyProperty();
    }

    /** "12 selected". */
    public ReadOnlyStringProperty selectionTextProperty() {
        return selectionText.getReadOnlyProperty();
    }

    /** "Showing 40 of 60". */
    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    /** "Power phrase 20 · Transferable skill 25 · …" for the loaded vault. */
    public ReadOnlyStringProperty typeSummaryProperty() {
        return tally.typeSummary();
    }

    /** "Gold 12": the text of one tier's badge in the summary. */
    public ReadOnlyStringProperty tierBadgeProperty(QualityTier tier) {
        return tally.tierBadge(tier);
    }

    /** What the empty table says: loading, no vault, an empty vault or nothing matching. */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }
}
