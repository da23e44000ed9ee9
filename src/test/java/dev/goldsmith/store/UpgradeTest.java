package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An old database opens in the new version: the file release 0.1.0 wrote (schema version 1, see {@link V1Fixture})
 * is migrated forward by {@link Database#open} to the latest schema, and its data comes through intact.
 * This is the promise behind "upgrade without losing data" in the README.
 */
class UpgradeTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void copyTheOldDatabase() throws IOException {
        file = dir.resolve("goldsmith.db");
        try (InputStream in = UpgradeTest.class.getResourceAsStream(V1Fixture.RESOURCE)) {
            assertThat(in).as("fixture " + V1Fixture.RESOURCE).isNotNull();
            Files.copy(in, file);
        }
    }

    @Test
    void theFixtureReallyIsAVersionOneDatabase() throws SQLException {
        assertThat(appliedVersions()).containsExactly("1");
    }

    @Test
    void openingMigratesToTheLatestSchema() throws SQLException {
        Database db = Database.open(file);

        MigrationInfoService info = Flyway.configure(UpgradeTest.class.getClassLoader())
                .dataSource("jdbc:sqlite:" + db.file(), null, null)
                .locations("classpath:db/migration")
                .load()
                .info();
        assertThat(info.pending()).as("migrations left pending").isEmpty();
        String latest = info.all()[info.all().length - 1].getVersion().getVersion();
        assertThat(info.current().getVersion().getVersion()).isEqualTo(latest);
        assertThat(appliedVersions()).startsWith("1").endsWith(latest);
    }

    @Test
    void theVaultItsItemsAndItsHistoryComeThrough() {
        Database db = Database.open(file);
        Clock clock = Clock.systemUTC();

        assertThat(new VaultRepository(db, clock).find("v-ada")).hasValueSatisfying(vault ->
                assertThat(vault.name()).isEqualTo("Ada Lovelace"));
        List<VaultItem> items = new ItemRepository(db, clock).list("v-ada");
        assertThat(items).extracting(VaultItem::id).containsExactly("i-1", "i-2");
        VaultItem first = items.get(0);
        assertThat(first.content()).isEqualTo("Led the analytical engine notes — translated and extended them threefold");
        assertThat(first.tier()).isEqualTo(QualityTier.SILVER);
        assertThat(first.keywords()).containsExactly("technical writing", "algorithms");

        assertThat(count(db, "SELECT count(*) FROM batch_operations WHERE id = 'b-1' AND status = 'completed'"
                + " AND successful_items = 1 AND skipped_items = 1")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM batch_items WHERE batch_operation_id = 'b-1'")).isEqualTo(2);
        assertThat(count(db, "SELECT count(*) FROM item_versions WHERE item_id = 'i-1'"
                + " AND content = 'Wrote notes on the analytical engine'")).isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM settings WHERE key = 'batch.concurrency'")).isEqualTo(1);
    }

    @Test
    void openingTwiceChangesNothing() throws SQLException {
        Database.open(file);
        List<String> once = appliedVersions();
        Database.open(file);
        assertThat(appliedVersions()).isEqualTo(once);
    }

    @Test
    void aDatabaseFromANewerReleaseIsRefusedAndNotOneByteChanges() throws Exception {
        Database.open(file);
        String newest = SchemaCheck.newestKnown().toString();
        recordFutureMigration(file, "99");
        byte[] bytes = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        boolean walBefore = Files.exists(wal);

        assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                .hasMessage(file + " was written by a newer Goldsmith (schema 99); this is version " + newest
                        + ", so the file was left untouched — open it with that release or a newer one.");

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
        assertThat(Files.exists(wal)).isEqualTo(walBefore);
        assertThat(appliedVersions()).endsWith("99");
    }

    @Test
    void aNewerDatabaseWhoseWriteAheadLogIsStillOpenIsRefusedWithoutCheckpointingIt() throws Exception {
        Database.open(file);
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        // A newer release that is still running: its last commit sits in the -wal, not yet in the main file.
        try (Connection newer = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = newer.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA wal_autocheckpoint = 0");
            }
            String future = SchemaCheck.newestKnown() + ".1"; // just past this version's newest migration
            insertFutureMigration(newer, future);
            byte[] main = Files.readAllBytes(file);
            byte[] log = Files.readAllBytes(wal);
            assertThat(log).as("the commit is in the write-ahead log").isNotEmpty();

            assertThatThrownBy(() -> Database.open(file)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("was written by a newer Goldsmith (schema " + future + ")");

            assertThat(Files.readAllBytes(file)).isEqualTo(main);
            assertThat(Files.readAllBytes(wal)).isEqualTo(log);
        }
    }

    @Test
    void theCommandLineExitsOneNamingTheFile() throws Exception {
        Database.open(file);
        recordFutureMigration(file, "7");
        byte[] bytes = Files.readAllBytes(file);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = dev.goldsmith.cli.Cli.run(new String[] {"--db", file.toString(), "vaults"}, new java.io.PrintStream(out),
                new java.io.PrintStream(err), java.util.Map.of());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("goldsmith: " + file + " was written by a newer Goldsmith (schema 7); "
                + "this is version " + SchemaCheck.newestKnown() + ",").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    private static void recordFutureMigration(Path file, String version) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            insertFutureMigration(c, version);
        }
    }

    private static void insertFutureMigration(Connection c, String version) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) SELECT MAX(installed_rank) + 1, '" + version
                    + "', 'from the future', 'SQL', 'V" + version + "__future.sql', 1, '', 1, 1"
                    + " FROM flyway_schema_history");
        }
    }

    private List<String> appliedVersions() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history"
                     + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
