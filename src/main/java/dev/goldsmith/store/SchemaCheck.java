package dev.goldsmith.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Looks at an existing file before Goldsmith migrates or writes it, on a read-only connection (so not a byte of the
 * file or its {@code -wal} changes, and a pending write-ahead log is not checkpointed), and refuses two kinds of file:
 * a database written by a newer Goldsmith (its schema history names a version above the newest migration of this
 * build — Flyway would silently ignore it and carry on) and a foreign SQLite database (tables, but no Goldsmith
 * schema). A missing, empty or table-less file passes: it is initialised as usual.
 */
final class SchemaCheck {

    static final String HISTORY = "flyway_schema_history";
    /** A table every Goldsmith schema has had since the first one. */
    private static final String GOLDSMITH_TABLE = "vaults";

    private static volatile MigrationVersion newest;

    private SchemaCheck() {
    }

    /** @throws StoreException with one sentence naming the file when it is not one this build may open */
    static void check(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return;
            }
        } catch (IOException e) {
            return; // opening it will say what is wrong
        }
        // With no write-ahead log beside it, the main file holds everything: read it as immutable, so that SQLite
        // creates no -wal or -shm file. With one, read through it (it is not checkpointed: the connection is read-only).
        // Should a writer come in between and the immutable read fail, the plain read-only one decides.
        boolean wal = Files.exists(file.resolveSibling(file.getFileName() + "-wal"));
        Schema schema;
        try {
            schema = read(wal ? file.toString() : file.toUri() + "?immutable=1");
        } catch (SQLException immutableFailed) {
            try {
                schema = wal ? null : read(file.toString());
            } catch (SQLException e) {
                throw new StoreException(Database.openFailure(file, e), e);
            }
            if (schema == null) {
                throw new StoreException(Database.openFailure(file, immutableFailed), immutableFailed);
            }
        }
        if (schema.tables().isEmpty()) {
            return;
        }
        if (!schema.tables().contains(HISTORY) || !schema.tables().contains(GOLDSMITH_TABLE)) {
            throw new StoreException(file + " is not a Goldsmith database (it holds other tables and no Goldsmith "
                    + "schema); choose another file with --db.");
        }
        MigrationVersion known = newestKnown();
        if (schema.newestApplied().isPresent() && schema.newestApplied().get().compareTo(known) > 0) {
            throw new StoreException(file + " was written by a newer Goldsmith (schema " + schema.newestApplied().get()
                    + "); this is version " + known + ", so the file was left untouched — open it with that "
                    + "release or a newer one.");
        }
    }

    /** What a look at the file found: its tables, and the newest version in its schema history (if it has one). */
    private record Schema(Set<String> tables, Optional<MigrationVersion> newestApplied) {
    }

    private static Schema read(String path) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + path);
        try (Connection c = ds.getConnection()) {
            Set<String> tables = tables(c);
            return new Schema(tables, tables.contains(HISTORY) ? newestApplied(c) : Optional.empty());
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Optional<MigrationVersion> newestApplied(Connection c) throws SQLException {
        MigrationVersion max = null;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (max == null || v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        return Optional.ofNullable(max);
    }

    /** The newest migration this build carries, resolved by Flyway on a scratch in-memory database, once. */
    static MigrationVersion newestKnown() {
        MigrationVersion known = newest;
        if (known == null) {
            MigrationInfo[] pending = Flyway.configure(SchemaCheck.class.getClassLoader())
                    .dataSource("jdbc:sqlite::memory:", null, null)
                    .locations(Database.MIGRATIONS)
                    .loggers("slf4j")
                    .load()
                    .info()
                    .pending();
            known = pending[pending.length - 1].getVersion();
            newest = known;
        }
        return known;
    }
}
