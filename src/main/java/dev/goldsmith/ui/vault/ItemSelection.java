package dev.goldsmith.ui.vault;

import java.util.List;

/** The checked items of one vault, in the vault's order — what a batch is launched with. */
public record ItemSelection(String vaultId, List<String> itemIds) {

    public static final ItemSelection NONE = new ItemSelection(null, List.of());

    public ItemSelection {
        itemIds = List.copyOf(itemIds);
    }

    public boolean isEmpty() {
        return itemIds.isEmpty();
    }

    public int size() {
        return itemIds.size();
    }
}
