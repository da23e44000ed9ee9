package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The items a batch, an estimate or a trial is asked for: a vault's items (all of them when no ids are given), each
 * id checked. What starting a batch, estimating it and trying it on a few items share, so they refuse the same way.
 */
final class Selection {

    private Selection() {
    }

    /** @throws BatchRequestException an unknown vault or item, one sentence naming it */
    static List<VaultItem> of(VaultRepository vaults, ItemRepository items, String vaultId, List<String> itemIds) {
        if (vaults.find(vaultId).isEmpty()) {
            throw new BatchRequestException("No vault with id '" + vaultId + "'; run 'goldsmith vaults' to list them.");
        }
        if (itemIds.isEmpty()) {
            return items.list(vaultId);
        }
        List<String> distinct = itemIds.stream().distinct().collect(Collectors.toList());
        Map<String, VaultItem> found = items.findAll(vaultId, distinct);
        List<String> missing = distinct.stream().filter(id -> !found.containsKey(id)).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            String shown = missing.stream().limit(5).map(id -> "'" + id + "'").collect(Collectors.joining(", "));
            throw new BatchRequestException("Vault '" + vaultId + "' has no item " + shown
                    + (missing.size() > 5 ? " (and " + (missing.size() - 5) + " more)" : "") + ".");
        }
        return new ArrayList<>(found.values());
    }

    /** Whether the operation skips the item without sending it ({@link Operation#skips}: {@code enhance} skips gold). */
    static boolean skips(Operation operation, VaultItem item) {
        return operation.skips(item);
    }
}
