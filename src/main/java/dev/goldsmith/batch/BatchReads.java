package dev.goldsmith.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.Columns;
import dev.goldsmith.store.Vendor;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link BatchStore}'s reads — History's query and one batch's items — each inside the caller's connection. */
final class BatchReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchReads() {
    }

    /** The first column of every row the query returns, in order; {@code args} fill its parameters. */
    private static List<String> firstColumn(Connection c, String sql, String... args) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(Math.max(n, 1), "?"));
    }

    /** Batches matching the query, newest first. */
    static List<BatchRecord> history(Connection c, Vendor vendor, HistoryQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + BatchStore.BATCH_COLUMNS.replaceAll("(\\w+)", "b.$1")
                + " FROM batch_operations b JOIN vaults v ON v.id = b.vault_id WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            sql.append(" AND b.status IN (").append(placeholders(q.statuses().size())).append(')');
            q.statuses().forEach(s -> args.add(s.wireName()));
        }
        if (q.operation() != null) {
            sql.append(" AND b.operation_type = ?");
            args.add(q.operation().wireName());
        }
        if (q.vaultId() != null) {
            sql.append(" AND b.vault_id = ?");
            args.add(q.vaultId());
        }
        if (q.from() != null) {
            sql.append(" AND b.created_at >= ?");
            args.add(Columns.time(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND b.created_at < ?");
            args.add(Columns.time(q.to()));
        }
        if (q.userId() != null) {
            sql.append(vendor == Vendor.POSTGRESQL
                    ? " AND (b.user_id = ? OR b.user_id = current_user)" : " AND b.user_id = ?");
            args.add(q.userId());
        }
        if (q.search() != null && !q.search().isBlank()) {
            sql.append(" AND (lower(b.id) LIKE ? ESCAPE '\\' OR lower(b.vault_id) LIKE ? ESCAPE '\\'"
                    + " OR lower(v.name) LIKE ? ESCAPE '\\' OR lower(COALESCE(b.error_message, '')) LIKE ? ESCAPE '\\')");
            String needle = "%" + q.search().strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 4; i++) {
                args.add(needle);
            }
        }
        sql.append(" ORDER BY b.created_at DESC, ").append(vendor.insertionOrder("b")).append(" DESC");
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        List<BatchRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(BatchStore.batch(rs));
                }
            }
        }
        return out;
    }

    /** The batch's items in their order. */
    static List<BatchItemRecord> items(Connection c, String batchId) throws SQLException {
        List<BatchItemRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM batch_items WHERE batch_operation_id = ?"
                + " ORDER BY position")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BatchItemRecord(rs.getString("batch_operation_id"), rs.getString("item_id"),
                            rs.getInt("position"), ItemStatus.fromWire(rs.getString("status")).orElseThrow(),
                            rs.getInt("attempts"), rs.getString("last_error"), Columns.nullableInt(rs, "http_status"),
                            nullableLong(rs, "latency_ms"), rs.getLong("prompt_tokens"),
                            rs.getLong("completion_tokens"), Columns.time(rs, "started_at"),
                            Columns.time(rs, "finished_at")));
                }
            }
        }
        return out;
    }

    /** Ids of the batch's items in one status, in order. */
    static List<String> itemIds(Connection c, String batchId, ItemStatus status) throws SQLException {
        return firstColumn(c, "SELECT item_id FROM batch_items"
                + " WHERE batch_operation_id = ? AND status = ? ORDER BY position", batchId, status.wireName());
    }

    /** The batch's failed items that no retry of it (a batch whose parent it is) has since done, in order. */
    static List<String> retryCandidates(Connection c, String batchId) throws SQLException {
        return firstColumn(c, """
                SELECT bi.item_id FROM batch_items bi
                WHERE bi.batch_operation_id = ? AND bi.status = 'failed'
                  AND NOT EXISTS (SELECT 1 FROM batch_items ci JOIN batch_operations cb ON cb.id = ci.batch_operation_id
                                  WHERE cb.parent_batch_id = ? AND ci.item_id = bi.item_id
                                    AND ci.status IN ('succeeded', 'unchanged'))
                ORDER BY bi.position""", batchId, batchId);
    }

    /** Before and after of every item the batch wrote back. */
    static List<ItemChange> changes(Connection c, String batchId) throws SQLException {
        List<ItemChange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM item_versions WHERE batch_operation_id = ?"
                + " ORDER BY id")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ItemChange(rs.getLong("id"), rs.getString("item_id"), rs.getString("content"),
                            tier(rs.getString("quality_tier")), Columns.keywords(rs, "keywords"),
                            rs.getString("new_content"), tier(rs.getString("new_quality_tier")),
                            Columns.keywords(rs, "new_keywords"), Columns.time(rs, "created_at")));
                }
            }
        }
        return out;
    }

    /**
     * The items the batch really changed: those it wrote back (directly, or by an accepted proposal), in its order.
     * Unchanged answers, failures, skips and proposals still waiting are not among them.
     */
    static List<String> changedItemIds(Connection c, String batchId) throws SQLException {
        return firstColumn(c, """
                SELECT bi.item_id FROM batch_items bi
                WHERE bi.batch_operation_id = ?
                  AND EXISTS (SELECT 1 FROM item_versions iv WHERE iv.batch_operation_id = bi.batch_operation_id
                              AND iv.item_id = bi.item_id AND iv.reason = ?)
                ORDER BY bi.position""", batchId, ItemVersion.REASON_BATCH);
    }

    /** The answers kept but not written because their item changed while the call was in flight, in order. */
    static List<ItemChange> staleAnswers(Connection c, String batchId) throws SQLException {
        List<ItemChange> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT item_id, stale_answer, finished_at FROM batch_items"
                + " WHERE batch_operation_id = ? AND stale_answer IS NOT NULL ORDER BY position")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode n;
                    try {
                        n = JSON.readTree(rs.getString("stale_answer"));
                    } catch (java.io.IOException e) {
                        throw new SQLException("batch_items.stale_answer of item " + rs.getString(1)
                                + " is malformed JSON", e);
                    }
                    JsonNode sent = n.path("sent");
                    JsonNode answer = n.path("answer");
                    out.add(new ItemChange(0, rs.getString("item_id"), sent.path("content").asText(),
                            tier(sent.path("quality_tier").asText()), strings(sent.path("keywords")),
                            answer.path("content").asText(), tier(answer.path("quality_tier").asText()),
                            strings(answer.path("keywords")), Columns.time(rs, "finished_at")));
                }
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static QualityTier tier(String wire) {
        return QualityTier.fromWire(wire).orElseThrow();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
