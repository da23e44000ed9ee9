package dev.goldsmith.batch;

import dev.goldsmith.store.Vendor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule that an item is in at most one live batch, checked inside {@link BatchStore}'s write transactions that
 * make items pending in one (create, claim), on both stores.
 */
final class ItemClaims {

    private static final String LIVE = "('pending', 'processing', 'paused')";

    private ItemClaims() {
    }

    /**
     * Serialises, per vault, the transactions that make items pending in a live batch (create, claim), so the check
     * below and the write that follows it are one step on PostgreSQL too: there two read-committed transactions would
     * otherwise both see no clash and both take the items. SQLite's write transactions are one at a time already.
     */
    static void lockVault(Connection c, Vendor vendor, String vaultId) throws SQLException {
        if (vendor.forUpdate().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM vaults WHERE id = ?" + vendor.forUpdate())) {
            ps.setString(1, vaultId);
            ps.executeQuery().close();
        }
    }

    /** Refuses items that a live batch other than {@code except} still has to send. Inside the caller's transaction. */
    static void refuseTaken(Connection c, Vendor vendor, String vaultId, String except, List<String> itemIds)
            throws SQLException {
        Set<String> wanted = new HashSet<>(itemIds);
        Map<String, List<String>> clash = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT bi.item_id, b.id FROM batch_items bi"
                + " JOIN batch_operations b ON b.id = bi.batch_operation_id"
                + " WHERE b.vault_id = ? AND b.status IN " + LIVE + " AND bi.status = 'pending'"
                + " AND b.id IS DISTINCT FROM ? ORDER BY b.created_at, " + vendor.insertionOrder("b")
                + ", bi.position")) {
            ps.setString(1, vaultId);
            ps.setString(2, except);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted.contains(rs.getString(1))) {
                        clash.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                    }
                }
            }
        }
        if (!clash.isEmpty()) {
            var first = clash.entrySet().iterator().next();
            List<String> shown = first.getValue().stream().limit(3).toList();
            throw new BatchRequestException((shown.size() == 1 ? "Item " : "Items ") + String.join(", ", shown)
                    + (shown.size() == 1 ? " is" : " are") + " already in running batch " + first.getKey()
                    + "; wait for it, or cancel it first.");
        }
    }
}
