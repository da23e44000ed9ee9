package dev.goldsmith.store;

import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFormat;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vault and its items, in order, as one consistent snapshot, and writes it as a vault file: the one writer
 * every export uses (the command line's and the window's). A file target goes through {@link SafeFileWriter}: never
 * the open database, a folder or a device, and written whole or not at all.
 */
public final class VaultExporter {

    private final Database db;
    private final SafeFileWriter files;

    public VaultExporter(Database db) {
        this.db = db;
        this.files = new SafeFileWriter(db.file());
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

    /** Checks, before anything is read or written, that an export may write {@code target} ({@link SafeFileWriter#check}). */
    public void checkTarget(Path target) {
        files.check(target);
    }

    /**
     * Writes {@code file} to {@code target} in {@code format}, whole or not at all ({@link SafeFileWriter}).
     *
     * @throws ExportRefusedException  when {@code target} may not be written (see {@link #checkTarget})
     * @throws dev.goldsmith.vault.VaultFileException when the items cannot be written as CSV; nothing is written
     * @throws ExportFailedException   when writing fails; {@code target} is left as it was
     */
    public void writeFile(VaultFile file, VaultFormat format, Path target) {
        files.check(target);
        if (format == VaultFormat.CSV) {
            VaultCsv.checkWritable(file.items());
        }
        files.write(target, out -> write(file, format, out));
    }

    /** The writer of files a person asked for, bound to this database: History's CSV export uses it too. */
    public SafeFileWriter files() {
        return files;
    }

    /** Writes {@code file} to {@code out} in {@code format} (CSV items are checked before anything is written). */
    public static void write(VaultFile file, VaultFormat format, Writer out) {
        switch (format) {
            case CSV -> VaultCsv.write(file.items(), out);
            case JSON -> VaultJson.write(file, out);
        }
    }
}
