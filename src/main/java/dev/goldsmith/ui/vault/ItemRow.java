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

    public ItemRow(VaultItem item) {
        this.item = new ReadOnlyObjectWrapper<>(item);
    }

    public VaultItem item() {
        return item.get();
    }

    public ReadOnlyObjectProperty<VaultItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    void replace(VaultItem updated) {
        item.set(updated);
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    /** What a list of rows watches, so filters and counts follow checkbox and item changes. */
    static Observable[] observables(ItemRow row) {
        return new Observable[] {row.selected, row.item};
    }
}
