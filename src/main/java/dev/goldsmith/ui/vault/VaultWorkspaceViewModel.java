package dev.goldsmith.ui.vault;

import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultSummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The vault workspace: which vault, its items (loaded in the background), the search and filters that decide
 * which rows show, and the checkbox selection a batch will be launched with ({@link #selectionProperty()}).
 */
public final class VaultWorkspaceViewModel {

    private final VaultRepository vaults;
    private final ItemRepository items;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    private final ObservableList<VaultSummary> vaultList = FXCollections.observableArrayList();
    private final ObjectProperty<VaultSummary> selectedVault = new SimpleObjectProperty<>();
    private final ObservableList<ItemRow> rows = FXCollections.observableArrayList(ItemRow::observables);
    private final FilteredList<ItemRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObservableList<FilterChoice<ItemType>> typeChoices = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice<QualityTier>> tierChoices = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice<ItemType>> typeFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice<QualityTier>> tierFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ItemRow> focusedRow = new SimpleObjectProperty<>();
    private final ObservableValue<VaultItem> focusedItem = focusedRow.flatMap(ItemRow::itemProperty);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<ItemSelection> selection = new ReadOnlyObjectWrapper<>(ItemSelection.NONE);
    private final ReadOnlyIntegerWrapper selectedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper selectionText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper typeSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper();
    private final Map<QualityTier, ReadOnlyStringWrapper> tierBadges = new EnumMap<>(QualityTier.class);

    private String loadedVaultId;
    private long vaultLoads;
    private long itemLoads;
    private boolean bulkChange;
    private boolean showingVaults;

    public VaultWorkspaceViewModel(VaultRepository vaults, ItemRepository items, TaskExecutor executor,
                                   DialogService dialogs, Messages messages) {
        this.vaults = vaults;
        this.items = items;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        typeChoices.add(new FilterChoice<>(null, messages.get("filter.allTypes")));
        for (ItemType type : ItemType.values()) {
            typeChoices.add(new FilterChoice<>(type, typeName(type)));
        }
        tierChoices.add(new FilterChoice<>(null, messages.get("filter.allTiers")));
        for (QualityTier tier : QualityTier.values()) {
            tierChoices.add(new FilterChoice<>(tier, tierName(tier)));
            tierBadges.put(tier, new ReadOnlyStringWrapper());
        }
        typeFilter.set(typeChoices.get(0));
        tierFilter.set(tierChoices.get(0));
        visibleRows.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            ItemFilter filter = ItemFilter.of(searchText.get(), valueOf(typeFilter.get()), valueOf(tierFilter.get()));
            return row -> filter.matches(row.item());
        }, searchText, typeFilter, tierFilter));
        rows.addListener((ListChangeListener<ItemRow>) change -> recount());
        shownText.bind(Bindings.createStringBinding(
                () -> messages.get("workspace.shown", visibleRows.size(), rows.size()), visibleRows, rows));
        placeholderText.bind(Bindings.createStringBinding(this::placeholder, loading, vaultList, rows));
        selectedVault.addListener((obs, was, now) -> {
            if (!showingVaults) {
                loadItems(now);
            }
        });
        recount();
    }

    /** Loads the vault list (keeping the current vault when it still exists), then that vault's items. */
    public void reload() {
        loading.set(true);
        long load = ++vaultLoads;
        executor.submit(vaults::summaries, list -> {
            if (load == vaultLoads) {
                showVaults(list);
            }
        }, this::loadFailed);
    }

    private void showVaults(List<VaultSummary> list) {
        VaultSummary pick = list.stream().filter(s -> s.vault().id().equals(loadedVaultId)).findFirst()
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
        long load = ++itemLoads;
        if (summary == null) {
            loadedVaultId = null;
            rows.clear();
            loading.set(false);
            return;
        }
        loading.set(true);
        String vaultId = summary.vault().id();
        executor.submit(() -> items.list(vaultId), list -> {
            if (load == itemLoads) {
                showItems(vaultId, list);
            }
        }, this::loadFailed);
    }

    private void showItems(String vaultId, List<VaultItem> list) {
        Set<String> keep = vaultId.equals(loadedVaultId) ? new HashSet<>(selection.get().itemIds()) : Set.of();
        loadedVaultId = vaultId;
        bulk(() -> rows.setAll(list.stream().map(item -> {
            ItemRow row = new ItemRow(item);
            row.selectedProperty().set(keep.contains(item.id()));
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

    /** Chooses the type filter by value ({@code null} = all types). */
    public void filterByType(ItemType type) {
        typeChoices.stream().filter(c -> c.value() == type).findFirst().ifPresent(typeFilter::set);
    }

    /** Chooses the tier filter by value ({@code null} = all tiers). */
    public void filterByTier(QualityTier tier) {
        tierChoices.stream().filter(c -> c.value() == tier).findFirst().ifPresent(tierFilter::set);
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
        List<String> ids = new ArrayList<>();
        Map<QualityTier, Integer> tiers = new EnumMap<>(QualityTier.class);
        Map<ItemType, Integer> types = new EnumMap<>(ItemType.class);
        for (ItemRow row : rows) {
            if (row.isSelected()) {
                ids.add(row.item().id());
            }
            tiers.merge(row.item().tier(), 1, Integer::sum);
            types.merge(row.item().type(), 1, Integer::sum);
        }
        selection.set(new ItemSelection(loadedVaultId, ids));
        selectedCount.set(ids.size());
        selectionText.set(messages.get("workspace.selected", ids.size()));
        tierBadges.forEach((tier, text) -> text.set(
                messages.get("workspace.tierBadge", tierName(tier), tiers.getOrDefault(tier, 0))));
        typeSummary.set(typeChoices.stream().skip(1).map(c -> messages.get("workspace.typeCount",
                c.label(), types.getOrDefault(c.value(), 0))).collect(Collectors.joining("  ·  ")));
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

    private static <T> T valueOf(FilterChoice<T> choice) {
        return choice == null ? null : choice.value();
    }

    public ObservableList<VaultSummary> vaults() {
        return FXCollections.unmodifiableObservableList(vaultList);
    }

    public ObjectProperty<VaultSummary> selectedVaultProperty() {
        return selectedVault;
    }

    /** Every row of the vault, unfiltered. */
    public ObservableList<ItemRow> allItems() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The rows the search and filters let through, in vault order. */
    public ObservableList<ItemRow> visibleItems() {
        return visibleRows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObservableList<FilterChoice<ItemType>> typeChoices() {
        return typeChoices;
    }

    public ObservableList<FilterChoice<QualityTier>> tierChoices() {
        return tierChoices;
    }

    public ObjectProperty<FilterChoice<ItemType>> typeFilterProperty() {
        return typeFilter;
    }

    public ObjectProperty<FilterChoice<QualityTier>> tierFilterProperty() {
        return tierFilter;
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
        return typeSummary.getReadOnlyProperty();
    }

    /** "Gold 12": the text of one tier's badge in the summary. */
    public ReadOnlyStringProperty tierBadgeProperty(QualityTier tier) {
        return tierBadges.get(tier).getReadOnlyProperty();
    }

    /** What the empty table says: loading, no vault, an empty vault or nothing matching. */
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }
}
