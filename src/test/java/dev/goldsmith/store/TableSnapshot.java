package dev.goldsmith.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every row of every table, in the order they are stored (SQLite's rowid, PostgreSQL's ctid): two equal snapshots mean the database content did not change. */
public final class TableSnapshot {

    private static final List<String> TABLES =
            List.of("vaults", "vault_items", "item_versions", "batch_operations", "batch_items", "settings", "proposals");

    private TableSnapshot() {
    }

    public static Map<String, List<List<Object>>> of(Database db) {
        return db.read(c -> of(c, db.vendor() == Vendor.POSTGRESQL ? "ctid" : "rowid"));
    }

    private static Map<String, List<List<Object>>> of(Connection c, String order) throws SQLException {
        Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<List<Object>> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : value);
                    }
                    rows.add(row);
                }
            }
            tables.put(table, rows);
        }
        return tables;
    }
}
