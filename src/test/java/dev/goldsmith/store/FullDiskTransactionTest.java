package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A transaction that meets a full disk reports the disk, not the clean-up after it. The disk is made full for real:
 * {@code PRAGMA max_page_count} on the connection makes SQLite answer SQLITE_FULL once the file would grow.
 */
class FullDiskTransactionTest {

    @TempDir
    Path dir;

    @Test
    void theRealCauseComesThroughAndTheConnectionStaysUsable() throws SQLException {
        Database db = Database.open(dir.resolve("full.db"));
        try (Connection c = db.connect()) {
            fillTheDisk(c);

            assertThatThrownBy(() -> Database.inTransaction(c, tx -> {
                insertMany(tx, 5_000);
                return null;
            })).isInstanceOfSatisfying(SQLiteException.class,
                    e -> assertThat(e.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_FULL))
                    .hasMessageNotContaining("no transaction is active");

            assertThat(c.getAutoCommit()).as("back in auto-commit mode").isTrue();
            assertThat(count(c)).as("nothing of the failed transaction was kept").isZero();
            Database.inTransaction(c, tx -> {
                insertMany(tx, 1);
                return null;
            });
            assertThat(count(c)).as("a small write still fits").isEqualTo(1);
        }
    }

    /** The file may not grow by a single page from now on, on this connection. */
    static void fillTheDisk(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                s.execute("PRAGMA max_page_count = " + rs.getLong(1));
            }
        }
    }

    private static void insertMany(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO filler (text) VALUES (?)")) {
            for (int i = 0; i < n; i++) {
                ps.setString(1, "x".repeat(200) + i);
                ps.executeUpdate();
            }
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM filler")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
