package dev.goldsmith.store;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Review mode's proposals ({@code proposals}). A proposal keeps the item as it was when it was made; one still waiting
 * whose item no longer matches that reads {@link ProposalStatus#STALE} wherever it is read, whatever changed the item
 * (an edit, an {@code import --merge}, a revert, another batch, another process).
 */
public final class ProposalRepository {

    private static final String SELECT = """
            SELECT p.batch_operation_id, p.vault_id, p.item_id, p.status, p.before_content, p.before_quality_tier,
                   p.before_keywords, p.before_confidence_score, p.before_last_updated_at, p.after_content,
                   p.after_quality_tier, p.after_keywords, p.after_confidence_score, p.edited_content, p.created_at,
                   p.decided_at, v.id AS current_id, v.type AS current_type, v.content AS current_content,
                   v.quality_tier AS current_quality_tier, v.keywords AS current_keywords,
                   v.confidence_score AS current_confidence_score, v.created_at AS current_created_at,
                   v.last_updated_at AS current_last_updated_at
            FROM proposals p
            JOIN batch_operations b ON b.id = p.batch_operation_id
            LEFT JOIN vault_items v ON v.vault_id = p.vault_id AND v.id = p.item_id
            LEFT JOIN batch_items bi ON bi.batch_operation_id = p.batch_operation_id AND bi.item_id = p.item_id
            """;
    private static final String ORDER = " ORDER BY b.created_at, p.batch_operation_id, bi.position, p.item_id";

    private final Database db;

    public ProposalRepository(Database db) {
        this.db = db;
    }

    /** The proposals the query asks for, oldest batch first and in each batch in its items' order. */
    public List<Proposal> list(ProposalQuery query) {
        return db.read(c -> list(c, query));
    }

    public Optional<Proposal> find(String batchId, String itemId) {
        return db.read(c -> find(c, batchId, itemId));
    }

    /** The ids of the items whose proposal still waits for a decision and can be applied, in the list's order. */
    public List<String> pendingItemIds(ProposalQuery query) {
        return list(new ProposalQuery(query.batchId(), query.vaultId(), ProposalStatus.PROPOSED)).stream()
                .map(Proposal::itemId).distinct().toList();
    }

    /** Inside a caller's transaction. */
    public static List<Proposal> list(Connection c, ProposalQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        if (query.batchId() != null) {
            sql.append(" AND p.batch_operation_id = ?");
            args.add(query.batchId());
        }
        if (query.vaultId() != null) {
            sql.append(" AND p.vault_id = ?");
            args.add(query.vaultId());
        }
        ProposalStatus wanted = query.status();
        if (wanted == ProposalStatus.PROPOSED || wanted == ProposalStatus.STALE) {
            // a stored 'proposed' may read stale: which one it is, is decided below against the item as it is now
            sql.append(" AND p.status IN ('proposed', 'stale')");
        } else if (wanted != null) {
            sql.append(" AND p.status = ?");
            args.add(wanted.wireName());
        }
        sql.append(ORDER);
        List<Proposal> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Proposal p = proposal(rs);
                    if (wanted == null || p.status() == wanted) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** One proposal, inside a caller's transaction. */
    public static Optional<Proposal> find(Connection c, String batchId, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE p.batch_operation_id = ? AND p.item_id = ?")) {
            ps.setString(1, batchId);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(proposal(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Records a proposal inside a caller's transaction.
     *
     * @param before the item as it is now (with its {@code last_updated_at}): what the proposal must still find
     * @param status {@code proposed}, or {@code stale} for an answer whose item changed while its call was in flight
     */
    public static void insert(Connection c, String batchId, VaultItem before, ItemState after, ProposalStatus status,
                              Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO proposals (batch_operation_id, vault_id, item_id, status, before_content, before_quality_tier,
                    before_keywords, before_confidence_score, before_last_updated_at, after_content, after_quality_tier,
                    after_keywords, after_confidence_score, created_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, batchId);
            ps.setString(2, before.vaultId());
            ps.setString(3, before.id());
            ps.setString(4, status.wireName());
            ps.setString(5, before.content());
            ps.setString(6, before.tier().wireName());
            ps.setString(7, Columns.keywords(before.keywords()));
            Columns.setNullableDouble(ps, 8, before.confidenceScore());
            ps.setString(9, Columns.time(before.lastUpdatedAt()));
            ps.setString(10, after.content());
            ps.setString(11, after.tier().wireName());
            ps.setString(12, Columns.keywords(after.keywords()));
            Columns.setNullableDouble(ps, 13, after.confidenceScore());
            ps.setString(14, Columns.time(now));
            ps.setString(15, status.isPending() ? null : Columns.time(now));
            ps.executeUpdate();
        }
    }

    /**
     * Records a decision on a proposal that is still waiting, inside a caller's transaction.
     *
     * @param editedContent the editor's text for an accept with edits, else {@code null}
     * @return whether it was still waiting (and is now decided)
     */
    public static boolean decide(Connection c, String batchId, String itemId, ProposalStatus status,
                                 String editedContent, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE proposals SET status = ?, edited_content = ?,"
                + " decided_at = ? WHERE batch_operation_id = ? AND item_id = ? AND status = 'proposed'")) {
            ps.setString(1, status.wireName());
            ps.setString(2, editedContent);
            ps.setString(3, Columns.time(now));
            ps.setString(4, batchId);
            ps.setString(5, itemId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Whether the batch exists, inside a caller's transaction. */
    public static boolean batchExists(Connection c, String batchId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch_operations WHERE id = ?")) {
            ps.setString(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The item as the proposal found it, with the identity of {@code current}. */
    public static VaultItem beforeAs(Proposal p, VaultItem current) {
        ItemState b = p.before();
        return new VaultItem(current.id(), current.vaultId(), current.type(), b.content(), b.tier(), b.keywords(),
                b.confidenceScore(), current.createdAt(), p.beforeUpdatedAt());
    }

    private static Proposal proposal(ResultSet rs) throws SQLException {
        ProposalStatus stored = ProposalStatus.fromWire(rs.getString("status"))
                .orElseThrow(() -> new SQLException("proposals.status holds an unknown status"));
        Proposal p = new Proposal(rs.getString("batch_operation_id"), rs.getString("vault_id"), rs.getString("item_id"),
                stored, state(rs, "before_"), Columns.time(rs, "before_last_updated_at"), state(rs, "after_"),
                rs.getString("edited_content"), Columns.time(rs, "created_at"), Columns.time(rs, "decided_at"), List.of());
        if (!stored.isPending()) {
            return p;
        }
        List<String> changed;
        if (rs.getString("current_id") == null) {
            changed = List.of("deleted");
        } else {
            VaultItem current = current(rs, p);
            changed = ItemChanges.since(beforeAs(p, current), current);
        }
        return changed.isEmpty() ? p : new Proposal(p.batchId(), p.vaultId(), p.itemId(), ProposalStatus.STALE,
                p.before(), p.beforeUpdatedAt(), p.after(), p.editedContent(), p.createdAt(), p.decidedAt(), changed);
    }

    /** The item as it is now, from the joined {@code current_} columns. */
    private static VaultItem current(ResultSet rs, Proposal p) throws SQLException {
        ItemState now = state(rs, "current_");
        ItemType type = ItemType.fromWire(rs.getString("current_type"))
                .orElseThrow(() -> new SQLException("vault_items.type holds an unknown type"));
        return new VaultItem(p.itemId(), p.vaultId(), type, now.content(), now.tier(), now.keywords(),
                now.confidenceScore(), Columns.time(rs, "current_created_at"), Columns.time(rs, "current_last_updated_at"));
    }

    private static ItemState state(ResultSet rs, String prefix) throws SQLException {
        String wire = rs.getString(prefix + "quality_tier");
        QualityTier tier = QualityTier.fromWire(wire)
                .orElseThrow(() -> new SQLException("column " + prefix + "quality_tier holds an unknown tier '" + wire + "'"));
        return new ItemState(rs.getString(prefix + "content"), tier, Columns.keywords(rs, prefix + "keywords"),
                Columns.nullableDouble(rs, prefix + "confidence_score"));
    }
}
