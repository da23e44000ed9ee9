package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.store.Columns;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.vault.QualityTier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            Previous old = previous(c, r.vaultId(), r.itemId());
            EnhanceResult.Success s = r.success();
            String content = s.content() != null ? s.content() : old.content;
            String tier = s.newTier() != null ? s.newTier().wireName() : old.tier;
            Double confidence = s.confidence() != null ? s.confidence() : old.confidence;
            String keywords = Columns.keywords(s.keywords());
            String now = Columns.time(r.finishedAt());
            markItem(c, r);
            try (PreparedStatement ps = c.prepareStatement("UPDATE vault_items SET content = ?, quality_tier = ?,"
                    + " keywords = ?, confidence_score = ?, last_updated_at = ? WHERE vault_id = ? AND id = ?")) {
                ps.setString(1, content);
                ps.setString(2, tier);
                ps.setString(3, keywords);
                Columns.setNullableDouble(ps, 4, confidence);
                ps.setString(5, now);
                ps.setString(6, r.vaultId());
                ps.setString(7, r.itemId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO item_versions (vault_id, item_id, batch_operation_id, content, quality_tier, keywords,
                        confidence_score, new_content, new_quality_tier, new_keywords, new_confidence_score, reason,
                        created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, r.vaultId());
                ps.setString(2, r.itemId());
                ps.setString(3, r.batchId());
                ps.setString(4, old.content);
                ps.setString(5, old.tier);
                ps.setString(6, old.keywords);
                Columns.setNullableDouble(ps, 7, old.confidence);
                ps.setString(8, content);
                ps.setString(9, tier);
                ps.setString(10, keywords);
                Columns.setNullableDouble(ps, 11, confidence);
                ps.setString(12, r.operation().wireName());
                ps.setString(13, now);
                ps.executeUpdate();
            }
            countBatch(c, r, "successful_items");
            return new Committed(QualityTier.fromWire(old.tier).orElseThrow(), QualityTier.fromWire(tier).orElseThrow());
        });
    }

    /** Commits a failed item. */
    void failure(ItemResult r) {
        transaction(c -> {
            markItem(c, r);
            countBatch(c, r, "failed_items");
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
                + " heartbeat_at = ? WHERE id = ?")) {
            ps.setLong(1, r.usage().promptTokens());
            ps.setLong(2, r.usage().completionTokens());
            ps.setDouble(3, r.cost().doubleValue());
            ps.setString(4, Columns.time(r.finishedAt()));
            ps.setString(5, Columns.time(r.finishedAt()));
            ps.setString(6, r.batchId());
            ps.executeUpdate();
        }
    }

    private record Previous(String content, String tier, String keywords, Double confidence) {
    }

    private static Previous previous(Connection c, String vaultId, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content, quality_tier, keywords, confidence_score"
                + " FROM vault_items WHERE vault_id = ? AND id = ?")) {
            ps.setString(1, vaultId);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("item '" + itemId + "' no longer exists in vault '" + vaultId + "'");
                }
                return new Previous(rs.getString(1), rs.getString(2), rs.getString(3),
                        Columns.nullableDouble(rs, "confidence_score"));
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
