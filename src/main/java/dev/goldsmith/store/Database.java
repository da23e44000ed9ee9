package dev.goldsmith.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store: an SQLite file, or a PostgreSQL database shared by a team ({@link Vendor}). SQLite is opened in WAL mode
 * with foreign keys on and a busy timeout, so two processes on one file wait for each other rather than fail;
 * PostgreSQL through its driver, with the password from {@link PgPassword}. Either is migrated forward with Flyway
 * (its vendor's scripts) when opened, after {@link SchemaCheck} made sure it is not a newer Goldsmith's or another
 * program's database.
 *
 * <p>Each call takes a connection of its own (SQLite: a fresh one, cheap; PostgreSQL: from a small pool of idle
 * ones); long-lived writers may hold one from {@link #connect()}.
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final int BUSY_TIMEOUT_MS = 15_000;
    static final String MIGRATIONS = Vendor.SQLITE.migrations();

    private final Vendor vendor;
    private final Path file;
    private final String label;
    private final String shortName;
    private final DataSource dataSource;

    private Database(Vendor vendor, Path file, String label, String shortName, DataSource dataSource) {
        this.vendor = vendor;
        this.file = file;
        this.label = label;
        this.shortName = shortName;
        this.dataSource = dataSource;
    }

    /**
     * Opens the store at {@code location}: an SQLite file ({@link #open(Path)}) or a PostgreSQL database, whose password
     * is looked up in {@code env} ({@code PGPASSWORD}, {@code PGPASSFILE}, {@code HOME}) and in the file the settings
     * screen saves in {@code dataFolder}.
     */
    public static Database open(StoreLocation location, Map<String, String> env, Path dataFolder) {
        if (location instanceof PostgresUrl url) {
            return open(url, PgPassword.find(url, env, dataFolder.resolve(PgPassword.SAVED_FILE)));
        }
        return open(((StoreLocation.SqliteFile) location).file());
    }

    /**
     * Opens and migrates a PostgreSQL database. Refused, in one sentence and before anything is written, when it
     * cannot be reached, refuses the login, or holds a newer Goldsmith's or another program's schema.
     */
    public static Database open(PostgresUrl url, PgPassword.Lookup password) {
        PostgresStore.Pool pool = PostgresStore.pool(url, password);
        Database db = new Database(Vendor.POSTGRESQL, null, url.label(), url.shortLabel(), pool);
        try {
            PostgresStore.check(pool, url);
        } catch (SQLException e) {
            pool.close();
            throw new StoreException(PostgresStore.openFailure(url, password, e), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        db.migrate();
        return db;
    }

    /**
     * Connects to a team database without changing it — Settings' Test connection: the same checks as opening it
     * (reachable, the login, not another program's or a newer Goldsmith's schema), then what is there.
     *
     * @return e.g. "PostgreSQL 14.22, Goldsmith schema 3" or "PostgreSQL 14.22, empty: Goldsmith sets it up on first use"
     * @throws StoreException the sentence opening it would fail with
     */
    public static String test(PostgresUrl url, PgPassword.Lookup password) {
        try (PostgresStore.Pool pool = PostgresStore.pool(url, password)) {
            PostgresStore.check(pool, url);
            try (Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('server_version'),"
                         + " to_regclass('" + SchemaCheck.HISTORY + "') IS NOT NULL")) {
                rs.next();
                String server = "PostgreSQL " + rs.getString(1).split(" ")[0];
                if (!rs.getBoolean(2)) {
                    return server + ", empty: Goldsmith sets it up on first use";
                }
                try (java.sql.ResultSet v = s.executeQuery("SELECT version FROM " + SchemaCheck.HISTORY
                        + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                    return server + (v.next() ? ", Goldsmith schema " + v.getString(1) : ", no Goldsmith schema yet");
                }
            }
        } catch (SQLException e) {
            throw new StoreException(PostgresStore.openFailure(url, password, e), e);
        }
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
        Database db = new Database(Vendor.SQLITE, absolute, absolute.toString(),
                String.valueOf(absolute.getFileName()), ds);
        db.migrate();
        return db;
    }

    private void migrate() {
        try {
            flyway(vendor, dataSource).migrate();
        } catch (FlywayException e) {
            throw new StoreException(file != null ? openFailure(file, e)
                    : "Cannot set up the team database " + label + ": " + firstLine(e.getMessage()), e);
        }
        LOG.debug("database {} ready", label);
    }

    static Flyway flyway(Vendor vendor, DataSource dataSource) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations(vendor.migrations())
                .loggers("slf4j")
                .load();
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

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** The SQLite file, or {@code null} for a PostgreSQL store (which has no file of its own on this machine). */
    public Path file() {
        return file;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The file, or the PostgreSQL URL without a password: what messages name. */
    public String label() {
        return label;
    }

    /** The file's name, or {@code DBNAME on HOST:PORT}: the short form in messages. */
    public String shortName() {
        return shortName;
    }

    /** A connection in auto-commit mode; the caller closes it. */
    public Connection connect() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException(file != null ? "Cannot open the database " + file + ": " + e.getMessage()
                    : "Cannot reach the team database " + label + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Runs read work on its own connection. */
    public <T> T read(SqlFunction<T> work) {
        try (Connection c = connect()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new StoreException("Database error on " + shortName + ": " + e.getMessage(), e);
        }
    }

    /** Runs work in one write transaction: all of it commits, or none of it. */
    public <T> T inTransaction(SqlFunction<T> work) {
        try (Connection c = connect()) {
            return inTransaction(c, work);
        } catch (SQLException e) {
            throw new StoreException("Database error on " + shortName + ": " + e.getMessage(), e);
        }
    }

    /** Closes the idle connections a PostgreSQL store keeps; an SQLite store holds none. */
    public void close() {
        if (dataSource instanceof PostgresStore.Pool pool) {
            pool.close();
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
