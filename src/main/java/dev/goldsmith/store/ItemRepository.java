package dev.goldsmith.store;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The items of vaults, in their vault's order. */
public final class ItemRepository {

    static final String COLUMNS =
            "vault_id, id, type, content, quality_tier, keywords, confidence_score, created_at, last_updated_at";

    private final Database db;
    private final Clock clock;

    public ItemRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Every item of a vault, in order. */
    public List<VaultItem> list(String vaultId) {
        return db.read(c -> list(c, vaultId));
    }

    static List<VaultItem> list(Connection c, String vaultId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM vault_items WHERE vault_id = ? ORDER BY position, id")) {
            ps.setString(1, vaultId);
            return readAll(ps);
        }
    }

    /**
     * A mark that moves whenever an item of the vault is written, added or removed, by this process or another one
     * on the same database (how many items, the latest {@code last_updated_at}, the latest version row): cheap enough
     * to poll every few seconds, so an open vault shows other consoles' write-backs.
     */
    public String changeMark(String vaultId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), max(last_updated_at),"
                    + " (SELECT max(id) FROM item_versions WHERE vault_id = ?) FROM vault_items WHERE vault_id = ?")) {
                ps.setString(1, vaultId);
                ps.setString(2, vaultId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                }
            }
        });
    }

    public Optional<VaultItem> find(String vaultId, String itemId) {
        return db.read(c -> find(c, vaultId, itemId));
    }

    /** The item, read inside a caller's transaction. */
    public static Optional<VaultItem> find(Connection c, String vaultId, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM vault_items WHERE vault_id = ? AND id = ?")) {
            ps.setString(1, vaultId);
            ps.setString(2, itemId);
            List<VaultItem> items = readAll(ps);
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        }
    }

    /**
     * The item, read inside a caller's write transaction and locked until it commits (PostgreSQL: {@code FOR UPDATE};
     * SQLite's write transactions hold the whole file): no one can change it between this read and the caller's write.
     */
    public static Optional<VaultItem> findForUpdate(Connection c, Vendor vendor, String vaultId, String itemId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM vault_items WHERE vault_id = ? AND id = ?" + vendor.forUpdate())) {
            ps.setString(1, vaultId);
            ps.setString(2, itemId);
            List<VaultItem> items = readAll(ps);
            return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
        }
    }

    /** The named items of a vault, keyed by id, in the order asked; ids that do not exist are absent. */
    public Map<String, VaultItem> findAll(String vaultId, Collection<String> itemIds) {
        return db.read(c -> {
            Map<String, VaultItem> byId = new LinkedHashMap<>();
            for (VaultItem item : list(c, vaultId)) {
                byId.put(item.id(), item);
            }
            Map<String, VaultItem> result = new LinkedHashMap<>();
            for (String id : itemIds) {
                VaultItem item = byId.get(id);
                if (item != null) {
                    result.put(id, item);
                }
            }
            return result;
        });
    }

    /** Inserts or replaces items (by vault and id) in one transaction, appending new ones at the end. */
    public void saveAll(String vaultId, List<VaultItem> items) {
        db.inTransaction(c -> {
            saveAll(c, vaultId, items, clock.instant());
            return null;
        });
    }

    static void saveAll(Connection c, String vaultId, List<VaultItem> items, Instant now) throws SQLException {
        int next = nextPosition(c, vaultId);
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO vault_items (vault_id, id, position, type, content, quality_tier, keywords,
                                         confidence_score, created_at, last_updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vault_id, id) DO UPDATE SET
                    type = excluded.type, content = excluded.content, quality_tier = excluded.quality_tier,
                    keywords = excluded.keywords, confidence_score = excluded.confidence_score,
                    last_updated_at = excluded.last_updated_at""")) {
            for (VaultItem item : items) {
                ps.setString(1, vaultId);
                ps.setString(2, item.id());
                ps.setInt(3, next++);
                ps.setString(4, item.type().wireName());
                ps.setString(5, item.content());
                ps.setString(6, item.tier().wireName());
                ps.setString(7, Columns.keywords(item.keywords()));
                Columns.setNullableDouble(ps, 8, item.confidenceScore());
                ps.setString(9, Columns.time(item.createdAt() != null ? item.createdAt() : now));
                ps.setString(10, Columns.time(item.lastUpdatedAt() != null ? item.lastUpdatedAt() : now));
                ps.addBatch();
            }
            ps.executeBatch();
        }
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

    static List<VaultItem> readAll(PreparedStatement ps) throws SQLException {
        List<VaultItem> items = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                items.add(item(rs));
            }
        }
        return items;
    }

    static VaultItem item(ResultSet rs) throws SQLException {
        return new VaultItem(
                rs.getString("id"),
                rs.getString("vault_id"),
                ItemType.fromWire(rs.getString("type")).orElseThrow(),
                rs.getString("content"),
                QualityTier.fromWire(rs.getString("quality_tier")).orElseThrow(),
                Columns.keywords(rs, "keywords"),
                Columns.nullableDouble(rs, "confidence_score"),
                Columns.time(rs, "created_at"),
                Columns.time(rs, "last_updated_at"));
    }
}
