package dev.goldsmith.store;

import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The version history of items ({@code item_versions}): every write-back keeps the item's previous and new
 * state, so any change can be inspected and reverted.
 */
public final class ItemVersionRepository {

    private static final String COLUMNS = "id, vault_id, item_id, batch_operation_id, content, quality_tier, keywords,"
            + " confidence_score, new_content, new_quality_tier, new_keywords, new_confidence_score, reason, created_at";

    private final Database db;
    private final Clock clock;

    public ItemVersionRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The versions of one item, newest first. */
    public List<ItemVersion> list(String vaultId, String itemId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM item_versions WHERE vault_id = ? AND item_id = ? ORDER BY id DESC")) {
                ps.setString(1, vaultId);
                ps.setString(2, itemId);
                List<ItemVersion> versions = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        versions.add(version(rs));
                    }
                }
                return versions;
            }
        });
    }

    public Optional<ItemVersion> find(long versionId) {
        return db.read(c -> find(c, versionId));
    }

    /**
     * Writes {@code updated} over the stored item and records the change, in one transaction.
     *
     * @return the item as stored afterwards
     */
    public VaultItem writeBack(VaultItem updated, String batchOperationId, String reason) {
        return db.inTransaction(c -> writeBack(c, updated, batchOperationId, reason, clock.instant()));
    }

    /**
     * Restores the state an item had before the given version (content, tier, keywords, confidence) and records
     * the restore as a new version with reason {@code revert} — all in one transaction.
     *
     * @return the item as stored afterwards
     * @throws StoreException when the version or its item no longer exists
     */
    public VaultItem revert(long versionId) {
        return db.inTransaction(c -> {
            ItemVersion version = find(c, versionId)
                    .orElseThrow(() -> new StoreException("Version " + versionId + " does not exist."));
            return revert(c, version, clock.instant());
        });
    }

    /**
     * Reverts every write-back of one batch at once, in one transaction: each item whose current state is still what
     * the batch wrote gets back its state from before the batch, recorded (as {@link #revert(long)} does) as a version
     * with reason {@code revert}. An item changed since the batch wrote it — edited, merged, reverted, written by
     * another batch — is left as it is and reported.
     */
    public BatchRevert revertBatch(String batchId) {
        return db.inTransaction(c -> revertBatch(c, batchId, clock.instant()));
    }

    /** {@link #revertBatch(String)} inside a caller's transaction. */
    public static BatchRevert revertBatch(Connection c, String batchId, Instant now) throws SQLException {
        List<ItemVersion> written = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item_versions"
                + " WHERE batch_operation_id = ? AND reason = ? ORDER BY id")) {
            ps.setString(1, batchId);
            ps.setString(2, ItemVersion.REASON_BATCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    written.add(version(rs));
                }
            }
        }
        List<String> reverted = new ArrayList<>();
        List<BatchRevert.Skipped> skipped = new ArrayList<>();
        for (ItemVersion v : written) {
            VaultItem current = ItemRepository.find(c, v.vaultId(), v.itemId()).orElse(null);
            if (current == null) {
                skipped.add(new BatchRevert.Skipped(v.itemId(), "the item no longer exists"));
                continue;
            }
            VaultItem asWritten = new VaultItem(current.id(), current.vaultId(), current.type(), v.newContent(),
                    v.newTier(), v.newKeywords(), v.newConfidenceScore(), current.createdAt(), v.createdAt());
            List<String> changed = ItemChanges.since(asWritten, current);
            if (changed.isEmpty()) {
                revert(c, v, now);
                reverted.add(v.itemId());
            } else if (ItemState.of(current).equals(new ItemState(v.content(), v.tier(), v.keywords(),
                    v.confidenceScore()))) {
                skipped.add(new BatchRevert.Skipped(v.itemId(), "it is already as it was before the batch"));
            } else {
                skipped.add(new BatchRevert.Skipped(v.itemId(), "it was changed after the batch wrote it ("
                        + String.join(", ", changed) + ")"));
            }
        }
        return new BatchRevert(batchId, reverted, skipped);
    }

    /** Restores the state the item had before {@code version} inside a caller's transaction; a version row records it. */
    private static VaultItem revert(Connection c, ItemVersion version, Instant now) throws SQLException {
        VaultItem current = ItemRepository.find(c, version.vaultId(), version.itemId())
                .orElseThrow(() -> new StoreException("Item " + version.itemId() + " of vault "
                        + version.vaultId() + " no longer exists; its version " + version.id() + " cannot be restored."));
        VaultItem restored = new VaultItem(current.id(), current.vaultId(), current.type(), version.content(),
                version.tier(), version.keywords(), version.confidenceScore(), current.createdAt(), null);
        return writeBack(c, restored, null, ItemVersion.REASON_REVERT, now);
    }

    /** The write-back inside a caller's transaction: updates the item and appends its version row. */
    public static VaultItem writeBack(Connection c, VaultItem updated, String batchOperationId, String reason, Instant now)
            throws SQLException {
        VaultItem before = ItemRepository.find(c, updated.vaultId(), updated.id())
                .orElseThrow(() -> new StoreException("Item " + updated.id() + " of vault " + updated.vaultId()
                        + " does not exist."));
        writeBack(c, before, updated, batchOperationId, reason, now);
        return ItemRepository.find(c, updated.vaultId(), updated.id()).orElseThrow();
    }

    /**
     * The same, for a caller that has just read (and locked) the stored item {@code before} in its transaction: two
     * statements fewer — round trips to the server on a team store.
     */
    public static void writeBack(Connection c, VaultItem before, VaultItem updated, String batchOperationId,
                                 String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE vault_items SET type = ?, content = ?, quality_tier = ?, keywords = ?, confidence_score = ?,
                                       last_updated_at = ?
                WHERE vault_id = ? AND id = ?""")) {
            ps.setString(1, updated.type().wireName());
            ps.setString(2, updated.content());
            ps.setString(3, updated.tier().wireName());
            ps.setString(4, Columns.keywords(updated.keywords()));
            Columns.setNullableDouble(ps, 5, updated.confidenceScore());
            ps.setString(6, Columns.time(now));
            ps.setString(7, updated.vaultId());
            ps.setString(8, updated.id());
            ps.executeUpdate();
        }
        insert(c, before, updated, batchOperationId, reason, now);
    }

    /** Appends one version row: {@code before} → {@code after}. */
    static long insert(Connection c, VaultItem before, VaultItem after, String batchOperationId, String reason,
                       Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO item_versions (vault_id, item_id, batch_operation_id, content, quality_tier, keywords,
                    confidence_score, new_content, new_quality_tier, new_keywords, new_confidence_score, reason,
                    created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, before.vaultId());
            ps.setString(2, before.id());
            ps.setString(3, batchOperationId);
            ps.setString(4, before.content());
            ps.setString(5, before.tier().wireName());
            ps.setString(6, Columns.keywords(before.keywords()));
            Columns.setNullableDouble(ps, 7, before.confidenceScore());
            ps.setString(8, after.content());
            ps.setString(9, after.tier().wireName());
            ps.setString(10, Columns.keywords(after.keywords()));
            Columns.setNullableDouble(ps, 11, after.confidenceScore());
            ps.setString(12, reason);
            ps.setString(13, Columns.time(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : -1;
            }
        }
    }

    private static Optional<ItemVersion> find(Connection c, long versionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM item_versions WHERE id = ?")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(version(rs)) : Optional.empty();
            }
        }
    }

    private static ItemVersion version(ResultSet rs) throws SQLException {
        return new ItemVersion(rs.getLong("id"), rs.getString("vault_id"), rs.getString("item_id"),
                rs.getString("batch_operation_id"),
                rs.getString("content"), tier(rs, "quality_tier"), Columns.keywords(rs, "keywords"),
                Columns.nullableDouble(rs, "confidence_score"),
                rs.getString("new_content"), tier(rs, "new_quality_tier"), Columns.keywords(rs, "new_keywords"),
                Columns.nullableDouble(rs, "new_confidence_score"),
                rs.getString("reason"), Columns.time(rs, "created_at"));
    }

    private static QualityTier tier(ResultSet rs, String column) throws SQLException {
        String wire = rs.getString(column);
        return QualityTier.fromWire(wire)
                .orElseThrow(() -> new SQLException("column " + column + " holds an unknown tier '" + wire + "'"));
    }
}
