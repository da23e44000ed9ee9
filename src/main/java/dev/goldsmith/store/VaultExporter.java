package dev.goldsmith.store;

import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a vault and its items, in order, as one consistent snapshot ready to be written as a vault file. */
public final class VaultExporter {

    private final Database db;

    public VaultExporter(Database db) {
        this.db = db;
    }

    /** The vault file for {@code vaultId}, or empty when there is no such vault. */
    public Optional<VaultFile> export(String vaultId) {
        // One statement, so the vault and its items come from the same snapshot even while a batch writes.
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT v.id AS v_id, v.name AS v_name, v.owner AS v_owner, v.created_at AS v_created_at,
                           v.updated_at AS v_updated_at, i.id AS id, i.vault_id AS vault_id, i.type, i.content,
                           i.quality_tier, i.keywords, i.confidence_score, i.created_at, i.last_updated_at
                    FROM vaults v LEFT JOIN vault_items i ON i.vault_id = v.id
                    WHERE v.id = ?
                    ORDER BY i.position, i.id""")) {
                ps.setString(1, vaultId);
                try (ResultSet rs = ps.executeQuery()) {
                    Vault vault = null;
                    List<VaultItem> items = new ArrayList<>();
                    while (rs.next()) {
                        if (vault == null) {
                            vault = new Vault(rs.getString("v_id"), rs.getString("v_name"), rs.getString("v_owner"),
                                    Columns.time(rs, "v_created_at"), Columns.time(rs, "v_updated_at"));
                        }
                        if (rs.getString("id") != null) {
                            items.add(ItemRepository.item(rs));
                        }
                    }
                    return vault == null ? Optional.<VaultFile>empty() : Optional.of(new VaultFile(vault, items));
                }
            }
        });
    }
}
