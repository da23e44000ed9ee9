package dev.goldsmith.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.store.Columns;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemChanges;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.ProposalRepository;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.store.SqlFunction;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one writer of item results. Each finished item commits in one transaction: the write-back of the
 * item, its {@code item_versions} row, its {@code batch_items} row and the batch counters. A result is written at
 * most once: the {@code batch_items} row must still be pending.
 *
 * <p>Two rules hold for every answer, whichever path it came by: an item that changed since it was sent is never
 * overwritten (the answer is kept as stale, the item fails with that reason), and an answer identical to the item
 * writes nothing (the item is {@code unchanged}: no version row, {@code last_updated_at} untouched).
 *
 * <p>In review mode (the batch's metadata says {@code "review": true}) an answer is not written to the item: it is
 * recorded as a proposal with the item as it is now, in the same transaction as the item's {@code batch_items} row
 * and the counters; the item reads succeeded with its proposal pending. An answer for an item changed in flight is
 * recorded as a {@code stale} proposal as well as kept aside.
 *
 * <p>Holds one connection; confined to the single writer thread that calls it.
 */
final class CheckpointWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a committed answer came to.
     *
     * @param status  succeeded (written), unchanged (nothing to write) or failed (the item changed meanwhile)
     * @param error   why it failed, or {@code null}
     * @param newTier the tier after a write-back, or {@code null}
     */
    record Committed(ItemStatus status, String error, QualityTier oldTier, QualityTier newTier) {
    }

    private final Database db;
    private final Supplier<Connection> connect;
    private Connection connection;

    CheckpointWriter(Database db) {
        this(db, db::connect);
    }

    CheckpointWriter(Database db, Supplier<Connection> connect) {
        this.db = db;
        this.connect = connect;
    }

    private Connection connection() {
        if (connection == null) {
            connection = connect.get();
        }
        return connection;
    }

    /**
     * Commits a valid answer: written back, or unchanged, or — when the item changed since it was sent — kept as a
     * stale answer with the item failed. Throws {@link StoreException} and leaves everything as it was on failure.
     */
    Committed answer(ItemResult r) {
        return transaction("item " + r.itemId() + " could not be saved", c -> {
            VaultItem current = ItemRepository.findForUpdate(c, db.vendor(), r.vaultId(), r.itemId()).orElse(null);
            EnhanceResult.Success s = r.success();
            if (current == null) {
                String why = "Not written: item " + r.itemId() + " was deleted while its call was in flight.";
                countBatch(c, r, "failed_items");
                markItem(c, r.as(ItemStatus.FAILED, why));
                return new Committed(ItemStatus.FAILED, why, r.sent().tier(), null);
            }
            List<String> changed = ItemChanges.since(r.sent(), current);
            boolean review = reviewing(c, r.batchId());
            if (!changed.isEmpty()) {
                String why = "Not written: item " + r.itemId() + " was changed while its call was in flight ("
                        + String.join(", ", changed) + "); the answer was kept"
                        + (review ? " as a stale proposal" : "") + ", and retry-failed sends the item again.";
                countBatch(c, r, "failed_items");
                markItem(c, r.as(ItemStatus.FAILED, why));
                VaultItem answer = applied(r.sent(), s);
                keepStaleAnswer(c, r, answer);
                if (review) {
                    ProposalRepository.insert(c, r.batchId(), r.sent(), ItemState.of(answer), ProposalStatus.STALE,
                            r.finishedAt());
                }
                return new Committed(ItemStatus.FAILED, why, current.tier(), null);
            }
            VaultItem updated = applied(current, s);
            if (sameText(current, updated)) {
                countBatch(c, r, "successful_items", "unchanged_items");
                markItem(c, r.as(ItemStatus.UNCHANGED, null));
                return new Committed(ItemStatus.UNCHANGED, null, current.tier(), current.tier());
            }
            countBatch(c, r, "successful_items");
            markItem(c, r);
            if (review) {
                // nothing is written to the item until an editor accepts the proposal
                ProposalRepository.insert(c, r.batchId(), current, ItemState.of(updated), ProposalStatus.PROPOSED,
                        r.finishedAt());
            } else {
                ItemVersionRepository.writeBack(c, current, updated, r.batchId(), ItemVersion.REASON_BATCH, r.finishedAt());
            }
            return new Committed(ItemStatus.SUCCEEDED, null, current.tier(), updated.tier());
        });
    }

    /** Whether the batch runs in review mode, as its recorded settings say ({@code "review": true} in its metadata). */
    private static boolean reviewing(Connection c, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT metadata FROM batch_operations WHERE id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return false;
                }
                try {
                    return JSON.readTree(rs.getString(1)).path("review").asBoolean(false);
                } catch (java.io.IOException e) {
                    throw new SQLException("the metadata of batch " + batchId + " is malformed JSON", e);
                }
            }
        }
    }

    /** The item with the answer applied: what a write-back stores. */
    static VaultItem applied(VaultItem item, EnhanceResult.Success s) {
        return new VaultItem(item.id(), item.vaultId(), item.type(),
                s.content() != null ? s.content() : item.content(),
                s.newTier() != null ? s.newTier() : item.tier(), s.keywords(),
                s.confidence() != null ? s.confidence() : item.confidenceScore(), item.createdAt(), null);
    }

    /** Content, tier and keywords (in any order) the same: the answer changes nothing a person would see. */
    static boolean sameText(VaultItem a, VaultItem b) {
        return a.content().equals(b.content()) && a.tier() == b.tier()
                && new HashSet<>(a.keywords()).equals(new HashSet<>(b.keywords()))
                && a.keywords().size() == b.keywords().size();
    }

    private static void keepStaleAnswer(Connection c, ItemResult r, VaultItem answer) throws SQLException {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode sent = n.putObject("sent");
        sent.put("content", r.sent().content());
        sent.put("quality_tier", r.sent().tier().wireName());
        r.sent().keywords().forEach(sent.putArray("keywords")::add);
        sent.put("confidence_score", r.sent().confidenceScore());
        sent.put("last_updated_at", Columns.time(r.sent().lastUpdatedAt()));
        ObjectNode after = n.putObject("answer");
        after.put("content", answer.content());
        after.put("quality_tier", answer.tier().wireName());
        answer.keywords().forEach(after.putArray("keywords")::add);
        after.put("confidence_score", answer.confidenceScore());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE batch_items SET stale_answer = ? WHERE batch_operation_id = ? AND item_id = ?")) {
            ps.setString(1, n.toString());
            ps.setString(2, r.batchId());
            ps.setString(3, r.itemId());
            ps.executeUpdate();
        }
    }

    /** Commits a failed item. */
    void failure(ItemResult r) {
        transaction("item " + r.itemId() + " could not be saved", c -> {
            countBatch(c, r, r.status() == ItemStatus.SKIPPED ? "skipped_items" : "failed_items");
            markItem(c, r);
            return null;
        });
    }

    /** Keeps the batch's heartbeat fresh so other processes see its owner is alive. */
    void heartbeat(String batchId, String ownerId, Instant now) {
        transaction("the heartbeat of batch " + batchId + " could not be recorded", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_operations SET heartbeat_at = " + db.vendor().heartbeatValue()
                            + " WHERE id = ? AND owner_id = ?")) {
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

    private void countBatch(Connection c, ItemResult r, String... counters) throws SQLException {
        StringBuilder add = new StringBuilder();
        for (String counter : counters) {
            add.append(counter).append(" = ").append(counter).append(" + 1, ");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET processed_items = processed_items + 1, "
                + add + "prompt_tokens = prompt_tokens + ?,"
                + " completion_tokens = completion_tokens + ?, cost_usd = cost_usd + ?, updated_at = ?,"
                + " heartbeat_at = " + db.vendor().heartbeatValue() + " WHERE id = ? AND owner_id = ?")) {
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

    private <T> T transaction(String what, SqlFunction<T> work) {
        try {
            return Database.inTransaction(connection(), work);
        } catch (SQLException e) {
            throw StoreFailures.of(db, what, "free some space, then resume the batch", e);
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
