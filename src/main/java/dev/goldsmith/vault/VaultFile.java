package dev.goldsmith.vault;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A vault file as read or about to be written (DESIGN §7): the vault and its items, in file order. Every item
 * has an id (made when the file had none) and belongs to {@code vault}.
 *
 * @param leftOut per item id, the {@link ItemField}s the file does not carry (absent or {@code null} in JSON; a
 *                column the CSV file lacks, or an empty {@code quality_tier} cell). Those items hold the field's
 *                default; a merge keeps the stored value instead. Items not in the map carry every field.
 */
public record VaultFile(Vault vault, List<VaultItem> items, Map<String, Set<ItemField>> leftOut) {

    public VaultFile {
        Objects.requireNonNull(vault, "vault");
        items = List.copyOf(items);
        Map<String, Set<ItemField>> copy = new HashMap<>();
        leftOut.forEach((id, fields) -> {
            if (!fields.isEmpty()) {
                copy.put(id, Set.copyOf(fields));
            }
        });
        leftOut = Map.copyOf(copy);
    }

    /** A file that carries every field of every item. */
    public VaultFile(Vault vault, List<VaultItem> items) {
        this(vault, items, Map.of());
    }

    /** The fields the file leaves out for the item {@code itemId} (empty when it carries them all). */
    public Set<ItemField> leftOut(String itemId) {
        Set<ItemField> fields = leftOut.get(itemId);
        return fields == null ? Set.of() : fields;
    }

    /** Whether the file carries {@code field} for the item {@code itemId}. */
    public boolean carries(String itemId, ItemField field) {
        return !leftOut(itemId).contains(field);
    }

    /** The same items under another vault id and name (owner kept); {@code null} keeps the file's. */
    public VaultFile rebound(String vaultId, String name) {
        String id = vaultId != null ? vaultId : vault.id();
        Vault v = new Vault(id, name != null ? name : vault.name(), vault.owner(), vault.createdAt(), vault.updatedAt());
        List<VaultItem> moved = items.stream()
                .map(i -> new VaultItem(i.id(), id, i.type(), i.content(), i.tier(), i.keywords(), i.confidenceScore(),
                        i.createdAt(), i.lastUpdatedAt()))
                .toList();
        return new VaultFile(v, moved, leftOut);
    }

    /** Collects, while a file is read, the fields each item leaves out. */
    static final class LeftOut {
        private final Map<String, Set<ItemField>> byId = new HashMap<>();

        void add(String itemId, ItemField field) {
            byId.computeIfAbsent(itemId, k -> EnumSet.noneOf(ItemField.class)).add(field);
        }

        Map<String, Set<ItemField>> toMap() {
            return byId;
        }
    }
}
