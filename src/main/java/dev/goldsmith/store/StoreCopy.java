package dev.goldsmith.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a local SQLite store into an empty team store (PostgreSQL), all or nothing: every table in one transaction on
 * the target, read from one consistent snapshot of the source, the counts checked before the commit. A target that
 * already holds vaults, batches or versions is refused — nothing is merged, so no id can clash and nothing already
 * there is changed.
 */
public final class StoreCopy {

    /** The tables, parents before children; rows in the order they were written (rowid), so a retry's parent comes first. */
    static final List<String> TABLES =
            List.of("vaults", "vault_items", "batch_operations", "batch_items", "item_versions", "settings", "proposals");
    private static final int BATCH = 500;

    private StoreCopy() {
    }

    /** Rows copied, by table, in {@link #TABLES} order. */
    public record Counts(Map<String, Integer> rows) {
        public int of(String table) {
            return rows.getOrDefault(table, 0);
        }
    }

    /**
     * @throws StoreException when the target is not empty or the copy fails; the target is then as it was
     */
    public static Counts copy(Database from, Database to) {
        if (from.vendor() != Vendor.SQLITE || to.vendor() != Vendor.POSTGRESQL) {
            throw new StoreException("A store is copied from an SQLite file into a PostgreSQL database.");
        }
        try (Connection source = from.connect()) {
            source.setAutoCommit(false); // one read transaction: a consistent snapshot of the file
            try {
                return to.inTransaction(target -> {
                    refuseData(target, to);
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (String table : TABLES) {
                        counts.put(table, copyTable(source, target, table));
                    }
                    for (String table : TABLES) {
                        int there = count(target, table);
                        if (there != counts.get(table)) {
                            throw new SQLException(table + ": " + counts.get(table) + " rows read but " + there
                                    + " in the target");
                        }
                    }
                    // item_versions keeps its ids: new versions on the team store number on from the highest copied
                    try (Statement s = target.createStatement()) {
                        s.execute("SELECT setval(pg_get_serial_sequence('item_versions', 'id'),"
                                + " COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM item_versions");
                    }
                    return new Counts(counts);
                });
            } finally {
                source.rollback();
                source.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not read " + from.label() + ": " + e.getMessage(), e);
        }
    }

    private static void refuseData(Connection target, Database to) throws SQLException {
        for (String table : List.of("vaults", "batch_operations", "item_versions")) {
            int n = count(target, table);
            if (n > 0) {
                throw new StoreException("The team database " + to.label() + " already holds data (" + n + " rows in "
                        + table + "); migrate-store copies only into an empty one and merges nothing — use a new"
                        + " database, or import vault files into this one (goldsmith import FILE --merge).");
            }
        }
    }

    private static int copyTable(Connection source, Connection target, String table) throws SQLException {
        int rows = 0;
        try (Statement s = source.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement ps = target.prepareStatement(sql)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        Object value = rs.getObject(i);
                        if (value == null) {
                            ps.setNull(i, java.sql.Types.NULL);
                        } else if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
                            ps.setLong(i, n.longValue());
                        } else if (value instanceof Number n) {
                            ps.setDouble(i, n.doubleValue());
                        } else {
                            ps.setString(i, value.toString());
                        }
                    }
                    ps.addBatch();
                    if (++rows % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return rows;
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
