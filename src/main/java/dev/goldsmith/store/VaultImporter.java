package dev.goldsmith.store;

import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Puts a checked {@link VaultFile} into the store in one transaction (DESIGN §7). A new vault gets every item in
 * file order. A vault id that exists is refused unless {@code merge}: then the vault's name and owner are taken from
 * the file, items are upserted by id (new ones appended at the end, changed ones updated in place with their
 * previous state kept in {@code item_versions}, reason {@code import}), and items absent from the file are kept.
 * An item without a confidence score in the file keeps its stored score (CSV files carry none).
 * On any failure nothing is changed.
 */
public final class VaultImporter {

    private final Database db;
    private final Clock clock;

    public VaultImporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @throws VaultExistsException when the vault exists and {@code merge} is false
     */
    public ImportResult importVault(VaultFile file, boolean merge) {
        return db.inTransaction(c -> importVault(c, file, merge, clock));
    }

    /** The same, inside a transaction the caller holds. */
    static ImportResult importVault(Connection c, VaultFile file, boolean merge, Clock clock) throws SQLException {
        Vault vault = file.vault();
        boolean exists = VaultRepository.find(c, vault.id()).isPresent();
        if (exists && !merge) {
            throw new VaultExistsException(vault.id());
        }
        VaultRepository.save(c, new Vault(vault.id(), vault.name(), vault.owner(), null, null), clock);
        Instant now = clock.instant();
        Map<String, VaultItem> current = new HashMap<>();
        if (exists) {
            for (VaultItem item : ItemRepository.list(c, vault.id())) {
                current.put(item.id(), item);
            }
        }
        int added = 0;
        int updated = 0;
        int position = nextPosition(c, vault.id());
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO vault_items (vault_id, id, position, type, content, quality_tier, keywords,
                                         confidence_score, created_at, last_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement update = c.prepareStatement("""
                UPDATE vault_items SET type = ?, content = ?, quality_tier = ?, keywords = ?, confidence_score = ?,
                                       last_updated_at = ?
                WHERE vault_id = ? AND id = ?""");
             PreparedStatement version = c.prepareStatement("""
                INSERT INTO item_versions (vault_id, item_id, content, quality_tier, keywords, confidence_score,
                                           new_content, new_quality_tier, new_keywords, new_confidence_score,
                                           reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?)""")) {
            for (VaultItem given : file.items()) {
                VaultItem before = current.get(given.id());
                VaultItem item = before == null ? given : keepScoreIfAbsent(given, before);
                if (before == null) {
                    insert(insert, vault.id(), item, position++, now);
                    added++;
                } else if (!sameFields(before, item)) {
                    update(update, vault.id(), item, now);
                    version(version, vault.id(), before, item, now);
                    updated++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
            version.executeBatch();
        }
        int unchanged = file.items().size() - added - updated;
        return new ImportResult(vault.id(), vault.name(), !exists, added, updated, unchanged);
    }

    private static void insert(PreparedStatement ps, String vaultId, VaultItem item, int position, Instant now)
            throws SQLException {
        ps.setString(1, vaultId);
        ps.setString(2, item.id());
        ps.setInt(3, position);
        ps.setString(4, item.type().wireName());
        ps.setString(5, item.content());
        ps.setString(6, item.tier().wireName());
        ps.setString(7, Columns.keywords(item.keywords()));
        Columns.setNullableDouble(ps, 8, item.confidenceScore());
        ps.setString(9, Columns.time(now));
        ps.setString(10, Columns.time(now));
        ps.addBatch();
    }

    private static void update(PreparedStatement ps, String vaultId, VaultItem item, Instant now) throws SQLException {
        ps.setString(1, item.type().wireName());
        ps.setString(2, item.content());
        ps.setString(3, item.tier().wireName());
        ps.setString(4, Columns.keywords(item.keywords()));
        Columns.setNullableDouble(ps, 5, item.confidenceScore());
        ps.setString(6, Columns.time(now));
        ps.setString(7, vaultId);
        ps.setString(8, item.id());
        ps.addBatch();
    }

    private static void version(PreparedStatement ps, String vaultId, VaultItem before, VaultItem after, Instant now)
            throws SQLException {
        ps.setString(1, vaultId);
        ps.setString(2, before.id());
        ps.setString(3, before.content());
        ps.setString(4, before.tier().wireName());
        ps.setString(5, Columns.keywords(before.keywords()));
        Columns.setNullableDouble(ps, 6, before.confidenceScore());
        ps.setString(7, after.content());
        ps.setString(8, after.tier().wireName());
        ps.setString(9, Columns.keywords(after.keywords()));
        Columns.setNullableDouble(ps, 10, after.confidenceScore());
        ps.setString(11, Columns.time(now));
        ps.addBatch();
    }

    private static VaultItem keepScoreIfAbsent(VaultItem given, VaultItem before) {
        if (given.confidenceScore() != null || before.confidenceScore() == null) {
            return given;
        }
        return new VaultItem(given.id(), given.vaultId(), given.type(), given.content(), given.tier(), given.keywords(),
                before.confidenceScore(), given.createdAt(), given.lastUpdatedAt());
    }

    private static boolean sameFields(VaultItem a, VaultItem b) {
        return a.type() == b.type() && a.content().equals(b.content()) && a.tier() == b.tier()
                && a.keywords().equals(b.keywords()) && Objects.equals(a.confidenceScore(), b.confidenceScore());
    }

    private static int nextPosition(Connection c, String vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM vault_items WHERE vault_id = ?")) {
            ps.setString(1, vaultId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
