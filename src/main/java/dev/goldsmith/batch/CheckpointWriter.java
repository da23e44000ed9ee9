package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.store.Columns;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The one writer of item results. Each finished item commits in one transaction: the write-back of the
 * item, its {@code item_versions} row, its {@code batch_items} row and the batch counters. A result is written at
 * most once: the {@code batch_items} row must still be pending.
 *
 * <p>Holds one connection; confined to the single writer thread that calls it.
 */
final class CheckpointWriter implements AutoCloseable {

    /** What a committed success changed. */
    record Committed(QualityTier oldTier, QualityTier newTier) {
    }

    private final Database db;
    private Connection connection;

    CheckpointWriter(Database db) {
        this.db = db;
    }

    private Connection connection() {
        if (connection == null) {
            connection = db.connect();
        }
        return connection;
    }

    /** Commits a succeeded item. Throws {@link StoreException} and leaves everything as it was on failure. */
    Committed success(ItemResult r) {
        return transaction(c -> {
            VaultItem current = ItemRepository.find(c, r.vaultId(), r.itemId()).orElseThrow(() -> new SQLException(
                    "item '" + r.itemId() + "' no longer exists in vault '" + r.vaultId() + "'"));
            EnhanceResult.Success s = r.success();
            VaultItem updated = new VaultItem(current.id(), current.vaultId(), current.type(),
                    s.content() != null ? s.content() : current.content(),
                    s.newTier() != null ? s.newTier() : current.tier(), s.keywords(),
                    s.confidence() != null ? s.confidence() : current.confidenceScore(), current.createdAt(), null);
            countBatch(c, r, "successful_items");
            markItem(c, r);
            ItemVersionRepository.writeBack(c, updated, r.batchId(), ItemVersion.REASON_BATCH, r.finishedAt());
            return new Committed(current.tier(), updated.tier());
        });
    }

    /** Commits a failed item. */
    void failure(ItemResult r) {
        transaction(c -> {
            countBatch(c, r, r.status() == ItemStatus.SKIPPED ? "skipped_items" : "failed_items");
            markItem(c, r);
            return null;
        });
    }

    /** Keeps the batch's heartbeat fresh so other processes see its owner is alive. */
    void heartbeat(String batchId, String ownerId, Instant now) {
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_operations SET heartbeat_at = ? WHERE id = ? AND owner_id = ?")) {
                ps.setString(1, Columns.time(now));
                ps.setString(2, batchId);
                ps.setString(3, ownerId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private void markItem(Connection c, ItemResult r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE batch_items SET status = ?, attempts = ?, last_error = ?, http_status = ?, latency_ms = ?,
                    prompt_tokens = ?, completion_tokens = ?, started_at = ?, finished_at = ?
                WHERE batch_operation_id = ? AND item_id = ? AND status = 'pending'""")) {
            ps.setString(1, r.status().wireName());
            ps.setInt(2, r.attempts());
            ps.setString(3, r.error());
            Columns.setNullableInt(ps, 4, r.httpStatus());
            ps.setLong(5, r.latencyMs());
            ps.setLong(6, r.usage().promptTokens());
            ps.setLong(7, r.usage().completionTokens());
            ps.setString(8, Columns.time(r.startedAt()));
            ps.setString(9, Columns.time(r.finishedAt()));
            ps.setString(10, r.batchId());
            ps.setString(11, r.itemId());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("item '" + r.itemId() + "' of batch " + r.batchId() + " is not pending");
            }
        }
    }

    private void countBatch(Connection c, ItemResult r, String counter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET processed_items = processed_items + 1, "
                + counter + " = " + counter + " + 1, prompt_tokens = prompt_tokens + ?,"
                + " completion_tokens = completion_tokens + ?, cost_usd = cost_usd + ?, updated_at = ?,"
                + " heartbeat_at = ? WHERE id = ? AND owner_id = ?")) {
            ps.setLong(1, r.usage().promptTokens());
            ps.setLong(2, r.usage().completionTokens());
            ps.setDouble(3, r.cost().doubleValue());
            ps.setString(4, Columns.time(r.finishedAt()));
            ps.setString(5, Columns.time(r.finishedAt()));
            ps.setString(6, r.batchId());
            ps.setString(7, r.ownerId());
            if (ps.executeUpdate() != 1) {
                throw new OwnershipLostException(r.batchId());
            }
        }
    }

    private <T> T transaction(dev.goldsmith.store.SqlFunction<T> work) {
        try {
            return Database.inTransaction(connection(), work);
        } catch (SQLException e) {
            throw new StoreException("Could not save to " + db.file().getFileName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection we are done with; nothing to save
            }
            connection = null;
        }
    }

}
