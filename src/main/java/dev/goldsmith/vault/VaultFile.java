package dev.goldsmith.vault;

import java.util.List;
import java.util.Objects;

/**
 * A vault file as read or about to be written (DESIGN §7): the vault and its items, in file order. Every item
 * has an id (made when the file had none) and belongs to {@code vault}.
 */
public record VaultFile(Vault vault, List<VaultItem> items) {

    public VaultFile {
        Objects.requireNonNull(vault, "vault");
        items = List.copyOf(items);
    }

    /** The same items under another vault id and name (owner kept); {@code null} keeps the file's. */
    public VaultFile rebound(String vaultId, String name) {
        String id = vaultId != null ? vaultId : vault.id();
        Vault v = new Vault(id, name != null ? name : vault.name(), vault.owner(), vault.createdAt(), vault.updatedAt());
        List<VaultItem> moved = items.stream()
                .map(i -> new VaultItem(i.id(), id, i.type(), i.content(), i.tier(), i.keywords(), i.confidenceScore(),
                        i.createdAt(), i.lastUpdatedAt()))
                .toList();
        return new VaultFile(v, moved);
    }
}
