package dev.goldsmith.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file: opened in WAL mode with foreign keys on and a busy timeout, so two processes on one file
 * wait for each other rather than fail. Migrated forward with Flyway when opened.
 *
 * <p>Each call takes a fresh connection (cheap for SQLite); long-lived writers may hold one from {@link #connect()}.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MS = 15_000;
    static final String MIGRATIONS = "classpath:db/migration";

    private final Path file;
    private final SQLiteDataSource dataSource;

    private Database(Path file, SQLiteDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
    }

    /**
     * Opens (creating if needed) and migrates the database at {@code file}. A file written by a newer Goldsmith, or a
     * foreign SQLite database, is refused before anything is written to it ({@link SchemaCheck}).
     *
     * @throws StoreException with one sentence naming the file when it cannot be opened
     */
    public static Database open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the database " + absolute + ": " + e.getMessage(), e);
        }
        SchemaCheck.check(absolute);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + absolute);
        Database db = new Database(absolute, ds);
        db.migrate();
        return db;
    }

    private void migrate() {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException(openFailure(file, e), e);
        }
        LOG.debug("database {} ready", file);
    }

    /** One sentence for a database that cannot be opened, in the user's terms where SQLite's cause is known. */
    static String openFailure(Path file, Exception e) {
        String detail = String.valueOf(e.getMessage()) + (e.getCause() != null ? " " + e.getCause().getMessage() : "");
        if (detail.contains("SQLITE_NOTADB")) {
            return file + " is not a Goldsmith database (it is not an SQLite file); choose another file with --db.";
        }
        if (detail.contains("SQLITE_CANTOPEN") || detail.contains("SQLITE_READONLY")) {
            return "Cannot open or write the database " + file + "; check that its folder exists and is writable.";
        }
        return "Cannot open the database " + file + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    public Path file() {
        return file;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs read work on its own connection. */
    public <T> T read(SqlFunction<T> work) {
        try (Connection c = connect()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("Database error on " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Runs work in one write transaction: all of it commits, or none of it. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = connect()) {
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw new StoreException("Database error on " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs work in one transaction on a connection the caller holds, and leaves the connection in auto-commit mode.
     * When the work or the commit fails, that failure is what is thrown: SQLite may already have rolled the
     * transaction back by itself (SQLITE_FULL does), and the clean-up that then fails ("no transaction is active")
     * is only added to it as suppressed — it never hides the cause.
     */
    public static <T> T inTransaction(Connection c, SqlFunction<T> work) throws SQLException {
        c.setAutoCommit(false);
        Throwable failure = null;
        try {
            T result = work.apply(c);
            c.commit();
            return result;
        } catch (Throwable e) {
            failure = e;
            try {
                c.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException restoreFailure) {
                if (failure == null) {
                    throw restoreFailure;
                }
                failure.addSuppressed(restoreFailure);
            }
        }
    }
}
