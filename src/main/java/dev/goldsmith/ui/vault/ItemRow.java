package dev.goldsmith.ui.vault;

import dev.goldsmith.vault.VaultItem;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/** One row of the items table: the (immutable) item, replaced in place after a write-back, and its checkbox. */
public final class ItemRow {

    private final ReadOnlyObjectWrapper<VaultItem> item;
    private final BooleanProperty selected = new SimpleBooleanProperty();
    private String searchable;

    public ItemRow(VaultItem item) {
        this.item = new ReadOnlyObjectWrapper<>(item);
        this.searchable = ItemFilter.searchable(item);
    }

    /** The item's text as the search looks at it, made once per item (not once per key typed). */
    String searchable() {
        return searchable;
    }

    public VaultItem item() {
        return item.get();
    }

    public ReadOnlyObjectProperty<VaultItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    void replace(VaultItem updated) {
        if (updated.tier().isTop() && !item.get().tier().isTop()) {
            selected.set(false); // a batch took it to the top tier: starting again would only skip it
        }
        searchable = ItemFilter.searchable(updated);
        item.set(updated);
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /**
     * What a list of rows watches, so filters and sorting follow item changes (a write-back, a revert). Not the
     * checkbox: with it, checking 10,000 rows fired 10,000 list updates and a sorted table re-sorted on each.
     */
    static Observable[] observables(ItemRow row) {
        return new Observable[] {row.item};
    }
}
