package dev.goldsmith.ui.vault;

import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.ui.review.DiffPresentation;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.LatestWins;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.VaultItem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The version history of one item (the focused row), newest first, the word diff of a version, and Revert. */
public final class ItemVersionsViewModel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ItemVersionRepository repository;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final Consumer<VaultItem> onItemChanged;
    private final ZoneId zone;

    private final ObjectProperty<VaultItem> item = new SimpleObjectProperty<>();
    private final ObservableList<ItemVersion> versions = FXCollections.observableArrayList();
    /** One read-only view, kept: a fresh one per call would drop listeners bound to it once collected. */
    private final ObservableList<ItemVersion> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObjectProperty<ItemVersion> selectedVersion = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRevert = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper();
    /** The focused item's versions: the newest load is shown. */
    private final LatestWins loads;
    /** The version whose change shows: the selected one, else the newest. */
    private final ObservableValue<ItemVersion> shownVersion = Bindings.createObjectBinding(() ->
            selectedVersion.get() != null ? selectedVersion.get() : versions.isEmpty() ? null : versions.get(0),
            selectedVersion, versions);

    /**
     * @param onItemChanged told about the item as stored after a revert (the workspace updates its row)
     */
    public ItemVersionsViewModel(ItemVersionRepository repository, TaskExecutor executor, DialogService dialogs,
                                 Messages messages, Consumer<VaultItem> onItemChanged) {
        this(repository, executor, dialogs, messages, onItemChanged, ZoneId.systemDefault());
    }

    ItemVersionsViewModel(ItemVersionRepository repository, TaskExecutor executor, DialogService dialogs,
                          Messages messages, Consumer<VaultItem> onItemChanged, ZoneId zone) {
        this.repository = repository;
        this.executor = executor;
        this.loads = executor.latestWins();
        this.dialogs = dialogs;
        this.messages = messages;
        this.onItemChanged = onItemChanged;
        this.zone = zone;
        item.addListener((obs, was, now) -> load(now));
        canRevert.bind(selectedVersion.isNotNull().and(busy.not()));
        title.bind(Bindings.createStringBinding(() -> item.get() == null
                ? messages.get("versions.title.none") : messages.get("versions.title", item.get().id()), item));
        placeholderText.bind(Bindings.createStringBinding(() -> messages.get(item.get() == null
                ? "versions.placeholder.none" : busy.get() ? "versions.loading" : "versions.placeholder.empty"),
                item, busy));
    }

    private void load(VaultItem current) {
        selectedVersion.set(null);
        versions.clear();
        if (current == null) {
            loads.next(); // no item: a load under way is dropped
            busy.set(false);
            return;
        }
        busy.set(true);
        loads.submit(() -> repository.list(current.vaultId(), current.id()), this::showVersions, this::failed);
    }

    private void showVersions(List<ItemVersion> list) {
        versions.setAll(list);
        busy.set(false);
    }

    /** Asks, then restores the state the item had before the selected version; the item's row follows. */
    public void revertSelected() {
        ItemVersion version = selectedVersion.get();
        if (version == null || !dialogs.confirm(messages.get("versions.revert.title"),
                messages.get("versions.revert.confirm", version.itemId(), tierName(version), when(version)))) {
            return;
        }
        busy.set(true);
        executor.submit(() -> repository.revert(version.id()), restored -> {
            busy.set(false);
            VaultItem shown = item.get();
            onItemChanged.accept(restored);
            if (item.get() == shown) {
                load(shown);
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        dialogs.showError(messages.get("versions.failed"), String.valueOf(failure.getMessage()));
    }

    /** "2026-11-28 10:00 · batch 1a2b3c4d · Bronze → Silver" (or "· revert"). */
    public String headline(ItemVersion v) {
        String source = v.batchOperationId() != null
                ? messages.get("versions.batch", shortId(v.batchOperationId()))
                : messages.get("versions.reason." + (ItemVersion.REASON_REVERT.equals(v.reason()) ? "revert" : "other"),
                        v.reason());
        return messages.get("versions.headline", when(v), source, messages.get("tier." + v.tier().wireName()),
                messages.get("tier." + v.newTier().wireName()));
    }

    private String tierName(ItemVersion v) {
        return messages.get("tier." + v.tier().wireName());
    }

    private String when(ItemVersion v) {
        return v.createdAt() == null ? "" : WHEN.format(v.createdAt().atZone(zone));
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** The change of the selected version (else the newest): before → after, as a word diff; {@code null}: none. */
    public ObservableValue<DiffPresentation> diffProperty() {
        return shownVersion.map(v -> DiffPresentation.of(ItemDiff.of(v.content(), v.tier(), v.keywords(),
                v.newContent(), v.newTier(), v.newKeywords()), messages));
    }

    /** "Change of 2026-11-28 10:00:" above the diff; empty without a version. */
    public ObservableValue<String> diffTitle() {
        return shownVersion.map(v -> messages.get("versions.diff.title", when(v))).orElse("");
    }

    /** The item whose history shows (bound to the workspace's focused item). */
    public ObjectProperty<VaultItem> itemProperty() {
        return item;
    }

    public ObservableList<ItemVersion> versions() {
        return versionsView;
    }

    public ObjectProperty<ItemVersion> selectedVersionProperty() {
        return selectedVersion;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRevertProperty() {
        return canRevert.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }
}
