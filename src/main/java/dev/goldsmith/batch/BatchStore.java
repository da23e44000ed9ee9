package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.store.Columns;
import dev.goldsmith.store.BatchRevert;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.SqlFunction;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The batch tables: creating batches, their status, and reading history. Item results go through {@link CheckpointWriter}. */
public final class BatchStore {

    static final String BATCH_COLUMNS = "id, user_id, vault_id, operation_type, status, total_items,"
            + " processed_items, successful_items, failed_items, skipped_items, unchanged_items, error_message, metadata, created_at,"
            + " updated_at, completed_at, prompt_tokens, completion_tokens, cost_usd, owner_id, heartbeat_at,"
            + " parent_batch_id, active_ms";

    /** The statuses of a batch a process works on: an item pending in one of them is taken. */

    private final Database db;
    private final Supplier<Connection> writes;

    public BatchStore(Database db) {
        this(db, db::connect);
    }

    /** @param writes where write transactions get their connection (each is closed after its transaction) */
    BatchStore(Database db, Supplier<Connection> writes) {
        this.db = db;
        this.writes = writes;
    }

    Database database() {
        return db;
    }

    /**
     * The time heartbeats are judged by: on SQLite this machine's clock (one file, one machine), on PostgreSQL the
     * database's own {@code now()} — the clock that stamped them — so a machine whose clock is off by minutes neither
     * declares a live owner dead nor keeps a dead one alive.
     */
    java.time.Instant heartbeatClock(java.time.Clock local) {
        if (db.vendor() == dev.goldsmith.store.Vendor.SQLITE) {
            return local.instant();
        }
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT now()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
    }

    /** Records a batch and one {@code batch_items} row per item, in one transaction. Status {@code pending}, no owner. */
    public BatchRecord create(NewBatch batch, Instant now) {
        return create(batch, null, now);
    }

    /**
     * Records a batch and one {@code batch_items} row per item, and claims it for {@code ownerId} (status
     * {@code processing}), in one write transaction: the check that no item is still to be sent by another live batch
     * and the insert are one step, so two processes starting batches over the same items at the same moment cannot
     * both take them. With {@code ownerId} {@code null} the batch is recorded {@code pending} and unclaimed.
     *
     * @throws BatchRequestException an item is pending in a live batch; nothing is recorded then
     */
    public BatchRecord create(NewBatch batch, String ownerId, Instant now) {
        return write("the batch could not be recorded", c -> {
            ItemClaims.lockVault(c, db.vendor(), batch.vaultId());
            ItemClaims.refuseTaken(c, db.vendor(), batch.vaultId(), null, batch.items().stream().map(VaultItem::id).toList());
            int skipped = (int) batch.items().stream().filter(batch::skips).count();
            BatchStatus status = ownerId == null ? BatchStatus.PENDING : BatchStatus.PROCESSING;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO batch_operations (id, user_id, vault_id, operation_type, status, total_items,
                        processed_items, skipped_items, metadata, created_at, updated_at, parent_batch_id, owner_id,
                        heartbeat_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, """ + (ownerId == null ? "?" : db.vendor().heartbeatValue())
                    + ")")) {
                ps.setString(1, batch.id());
                ps.setString(2, batch.userId());
                ps.setString(3, batch.vaultId());
                ps.setString(4, batch.operation().wireName());
                ps.setString(5, status.wireName());
                ps.setInt(6, batch.items().size());
                ps.setInt(7, skipped);
                ps.setInt(8, skipped);
                ps.setString(9, batch.metadata());
                ps.setString(10, Columns.time(now));
                ps.setString(11, Columns.time(now));
                ps.setString(12, batch.parentBatchId());
                ps.setString(13, ownerId);
                ps.setString(14, ownerId == null ? null : Columns.time(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO batch_items (batch_operation_id, item_id, position, status, finished_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (VaultItem item : batch.items()) {
                    boolean skip = batch.skips(item);
                    ps.setString(1, batch.id());
                    ps.setString(2, item.id());
                    ps.setInt(3, position++);
                    ps.setString(4, (skip ? ItemStatus.SKIPPED : ItemStatus.PENDING).wireName());
                    ps.setString(5, skip ? Columns.time(now) : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return find(c, batch.id()).orElseThrow();
        });
    }

    /**
     * Takes a batch for this process: status {@code processing} with our owner id, only if its status is one of
     * {@code from}. Returns whether it was taken. In the same write transaction, a batch whose pending items another
     * live batch has taken meanwhile is refused: an item is in at most one live batch.
     *
     * @throws BatchRequestException one of its pending items is pending in another live batch
     */
    public boolean claim(String batchId, Set<BatchStatus> from, String ownerId, Instant now) {
        return claim(batchId, from, ownerId, now, null);
    }

    /**
     * {@link #claim(String, Set, String, Instant)} that also records new settings in the batch's {@code metadata}
     * (a resume that turns review mode on or off), in the same transaction.
     *
     * @param metadata the new metadata, or {@code null} to keep it
     */
    public boolean claim(String batchId, Set<BatchStatus> from, String ownerId, Instant now, String metadata) {
        return write("the batch could not be claimed", c -> {
            Optional<BatchRecord> current = find(c, batchId);
            if (current.isEmpty() || !from.contains(current.get().status())) {
                return false;
            }
            ItemClaims.lockVault(c, db.vendor(), current.get().vaultId());
            ItemClaims.refuseTaken(c, db.vendor(), current.get().vaultId(), batchId,
                    BatchReads.itemIds(c, batchId, ItemStatus.PENDING));
            // one conditional update: of two machines claiming the batch at once, the second finds it processing
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET status = 'processing',"
                    + " owner_id = ?, heartbeat_at = " + db.vendor().heartbeatValue() + ", updated_at = ?,"
                    + " completed_at = NULL, error_message = NULL, metadata = COALESCE(?, metadata)"
                    + " WHERE id = ? AND status IN (" + BatchReads.placeholders(from.size()) + ")")) {
                ps.setString(1, ownerId);
                ps.setString(2, Columns.time(now));
                ps.setString(3, Columns.time(now));
                ps.setString(4, metadata);
                ps.setString(5, batchId);
                int i = 6;
                for (BatchStatus s : from) {
                    ps.setString(i++, s.wireName());
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a new status, if {@code ownerId} still owns the batch; a status that ends the run also sets
     * {@code completed_at} and adds the active time. Returns whether it was recorded.
     */
    public boolean setStatus(String batchId, String ownerId, BatchStatus status, String errorMessage, Instant now,
                             long activeMsDelta) {
        return write("the status of batch " + batchId + " could not be recorded", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET status = ?, error_message = ?,"
                    + " updated_at = ?, completed_at = ?, active_ms = active_ms + ?, heartbeat_at = "
                    + db.vendor().heartbeatValue()
                    + " WHERE id = ? AND owner_id = ?")) {
                ps.setString(1, status.wireName());
                ps.setString(2, errorMessage);
                ps.setString(3, Columns.time(now));
                ps.setString(4, status.isLive() ? null : Columns.time(now));
                ps.setLong(5, activeMsDelta);
                ps.setString(6, Columns.time(now));
                ps.setString(7, batchId);
                ps.setString(8, ownerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Keeps the attempts a run made on items it leaves pending — calls aborted by a cancel or a stop, items waiting to
     * be tried again — so History counts every request that was sent; the items stay pending. Only while
     * {@code ownerId} still owns the batch.
     */
    public void recordPendingAttempts(String batchId, String ownerId, Map<String, Integer> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        write("the attempts of batch " + batchId + " could not be recorded", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_items SET attempts = ?"
                    + " WHERE batch_operation_id = ? AND item_id = ? AND status = 'pending'"
                    + " AND EXISTS (SELECT 1 FROM batch_operations WHERE id = ? AND owner_id = ?)")) {
                for (var e : attempts.entrySet()) {
                    ps.setInt(1, e.getValue());
                    ps.setString(2, batchId);
                    ps.setString(3, e.getKey());
                    ps.setString(4, batchId);
                    ps.setString(5, ownerId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Rewrites a batch's {@code metadata} through {@code change} (read and written in one transaction), if
     * {@code ownerId} still owns the batch. Returns whether it was written.
     */
    public boolean updateMetadata(String batchId, String ownerId, java.util.function.UnaryOperator<String> change) {
        return db.inTransaction(c -> {
            String metadata;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT metadata FROM batch_operations WHERE id = ? AND owner_id = ?")) {
                ps.setString(1, batchId);
                ps.setString(2, ownerId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    metadata = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET metadata = ? WHERE id = ?")) {
                ps.setString(1, change.apply(metadata));
                ps.setString(2, batchId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Marks a live batch whose owner is gone as {@code interrupted}, if it still belongs to that owner. */
    public boolean markInterrupted(String batchId, String deadOwner, Instant now) {
        return write("batch " + batchId + " could not be marked interrupted", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_operations SET status = 'interrupted',"
                    + " updated_at = ?, error_message = COALESCE(error_message, ?) WHERE id = ?"
                    + " AND status IN ('pending', 'processing', 'paused') AND owner_id IS NOT DISTINCT FROM ?")) {
                ps.setString(1, Columns.time(now));
                ps.setString(2, "The process running this batch stopped before it finished.");
                ps.setString(3, batchId);
                ps.setString(4, deadOwner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** One write transaction on a connection of its own; a failure is a {@link StoreException} that says what was lost. */
    private <T> T write(String what, SqlFunction<T> work) {
        try (Connection c = writes.get()) {
            return Database.inTransaction(c, work);
        } catch (SQLException e) {
            throw StoreFailures.of(db, what, e);
        }
    }

    public Optional<BatchRecord> find(String batchId) {
        return db.read(c -> find(c, batchId));
    }

    static Optional<BatchRecord> find(Connection c, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS + " FROM batch_operations WHERE id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(batch(rs)) : Optional.empty();
            }
        }
    }

    /** Batches matching the query, newest first. */
    public List<BatchRecord> history(HistoryQuery q) {
        return db.read(c -> BatchReads.history(c, db.vendor(), q));
    }

    /**
     * Reverts every write-back of a batch in one write transaction ({@link ItemVersionRepository#revertBatch}), after
     * checking in that transaction that the batch is not running: an item it is still writing would be missed.
     *
     * @throws BatchRequestException the batch does not exist or is still running; nothing changed then
     */
    public BatchRevert revert(String batchId, Instant now) {
        return write("batch " + batchId + " could not be reverted", c -> {
            BatchRecord batch = find(c, batchId).orElseThrow(() -> new BatchRequestException("No batch with id '"
                    + batchId + "'; run 'goldsmith history' to list them."));
            if (batch.status().isLive()) {
                throw new BatchRequestException("Batch " + batchId + " is " + batch.status().wireName()
                        + "; wait for it to end, or cancel it, before reverting it.");
            }
            return ItemVersionRepository.revertBatch(c, batchId, now);
        });
    }

    /** The batch's items in their order. */
    public List<BatchItemRecord> items(String batchId) {
        return db.read(c -> BatchReads.items(c, batchId));
    }

    /** Ids of the batch's items in one status, in order. */
    public List<String> itemIds(String batchId, ItemStatus status) {
        return db.read(c -> BatchReads.itemIds(c, batchId, status));
    }

    /** The batch's failed items that no retry of it (a batch whose parent it is) has since done, in order. */
    public List<String> retryCandidates(String batchId) {
        return db.read(c -> BatchReads.retryCandidates(c, batchId));
    }

    /** Before and after of every item the batch wrote back. */
    public List<ItemChange> changes(String batchId) {
        return db.read(c -> BatchReads.changes(c, batchId));
    }

    /**
     * The items the batch really changed: those it wrote back (directly, or by an accepted proposal), in its order.
     * Unchanged answers, failures, skips and proposals still waiting are not among them.
     */
    public List<String> changedItemIds(String batchId) {
        return db.read(c -> BatchReads.changedItemIds(c, batchId));
    }

    /** The answers kept but not written because their item changed while the call was in flight, in order. */
    public List<ItemChange> staleAnswers(String batchId) {
        return db.read(c -> BatchReads.staleAnswers(c, batchId));
    }

    /**
     * How the recent calls of one provider and model for an operation went: the answers (succeeded or unchanged) of
     * the newest batches that ran with them, newest first, at most {@code limit} of them.
     */
    public CallHistory recentCalls(String provider, String model, Operation operation, int limit) {
        return db.read(c -> CallHistory.read(c, provider, model, operation, limit));
    }

    static BatchRecord batch(ResultSet rs) throws SQLException {
        return new BatchRecord(rs.getString("id"), rs.getString("user_id"), rs.getString("vault_id"),
                Operation.fromWire(rs.getString("operation_type")).orElseThrow(),
                BatchStatus.fromWire(rs.getString("status")).orElseThrow(), rs.getInt("total_items"),
                rs.getInt("processed_items"), rs.getInt("successful_items"), rs.getInt("failed_items"),
                rs.getInt("skipped_items"), rs.getInt("unchanged_items"), rs.getString("error_message"), rs.getString("metadata"),
                Columns.time(rs, "created_at"), Columns.time(rs, "updated_at"), Columns.time(rs, "completed_at"),
                rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
                BigDecimal.valueOf(rs.getDouble("cost_usd")), rs.getString("owner_id"),
                Columns.time(rs, "heartbeat_at"), rs.getString("parent_batch_id"), rs.getLong("active_ms"));
    }
}
