package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
