package dev.goldsmith.batch;

import dev.goldsmith.store.Database;
import dev.goldsmith.store.StoreException;
import java.sql.SQLException;

/** What the engine tells a person when a write to the database fails: a full disk is named as such. */
final class StoreFailures {

    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private StoreFailures() {
    }

    /**
     * @param what   what was lost, e.g. "the batch could not be recorded"
     * @param advice what to do about a full disk, e.g. "free some space and start the batch again"
     */
    static StoreException of(Database db, String what, String advice, SQLException e) {
        if (diskFull(e)) {
            return new StoreException("The disk is full: " + what + " (database " + db.label() + "); " + advice + ".", e);
        }
        return new StoreException("Could not save to " + db.shortName() + " (" + what + "): " + e.getMessage(), e);
    }

    static StoreException of(Database db, String what, SQLException e) {
        return of(db, what, "free some space and try again", e);
    }

    /** PostgreSQL's SQLSTATE for "disk full" on the server. */
    private static final String PG_DISK_FULL = "53100";

    /** Whether SQLite (or PostgreSQL) said the database or its disk is full, anywhere in the chain of causes. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == SQLITE_FULL
                    || String.valueOf(sql.getMessage()).contains("SQLITE_FULL") || PG_DISK_FULL.equals(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
