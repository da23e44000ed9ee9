package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void migrationsCreateEveryTableOnARealFile() throws SQLException {
        Database db = Database.open(dir.resolve("nested/folder/goldsmith.db"));
        assertThat(db.file()).exists();
        List<String> tables = db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        assertThat(tables).contains("vaults", "vault_items", "item_versions", "batch_operations", "batch_items", "settings");
    }

    @Test
    void connectionsUseWalForeignKeysAndABusyTimeout() {
        Database db = Database.open(dir.resolve("g.db"));
        db.read(c -> {
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(Integer.parseInt(pragma(c, "busy_timeout"))).isGreaterThanOrEqualTo(5000);
            return null;
        });
    }

    @Test
    void reopeningAMigratedFileKeepsItsData() {
        Path file = dir.resolve("g.db");
        new VaultRepository(Database.open(file), clock).save(new Vault("v1", "Jordan", "j@example.com", null, null));
        assertThat(new VaultRepository(Database.open(file), clock).find("v1")).map(Vault::name).contains("Jordan");
    }

    @Test
    void foreignKeysRejectAnItemOfAMissingVault() {
        Database db = Database.open(dir.resolve("g.db"));
        ItemRepository items = new ItemRepository(db, clock);
        assertThatThrownBy(() -> items.saveAll("nope", List.of(item("a", QualityTier.BRONZE))))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Database db = Database.open(dir.resolve("g.db"));
        VaultRepository vaults = new VaultRepository(db, clock);
        assertThatThrownBy(() -> db.inTransaction(c -> {
            VaultRepository.save(c, new Vault("v1", "Jordan", null, null, null), clock);
            throw new SQLException("boom");
        })).isInstanceOf(StoreException.class);
        assertThat(vaults.find("v1")).isEmpty();
    }

    @Test
    void summariesCountItemsPerTierAndType() {
        Database db = Database.open(dir.resolve("g.db"));
        VaultRepository vaults = new VaultRepository(db, clock);
        ItemRepository items = new ItemRepository(db, clock);
        vaults.save(new Vault("v1", "Jordan", null, null, null));
        items.saveAll("v1", List.of(item("a", QualityTier.BRONZE), item("b", QualityTier.BRONZE), item("c", QualityTier.GOLD)));
        var summary = vaults.summaries().get(0);
        assertThat(summary.itemCount()).isEqualTo(3);
        assertThat(summary.count(QualityTier.BRONZE)).isEqualTo(2);
        assertThat(summary.count(QualityTier.GOLD)).isEqualTo(1);
        assertThat(summary.count(QualityTier.SILVER)).isZero();
        assertThat(summary.count(ItemType.POWER_PHRASE)).isEqualTo(3);
        assertThat(items.list("v1")).extracting(VaultItem::id).containsExactly("a", "b", "c");
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedInOneSentenceAndLeftAlone() throws Exception {
        Path notes = java.nio.file.Files.writeString(dir.resolve("notes.db"), "this is not a database");
        assertThatThrownBy(() -> Database.open(notes)).isInstanceOf(StoreException.class)
                .hasMessage(notes + " is not a Goldsmith database (it is not an SQLite file); choose another file with --db.");
        assertThat(java.nio.file.Files.readString(notes)).isEqualTo("this is not a database");
    }

    @Test
    void aForeignSqliteDatabaseIsRefusedAsNotGoldsmithsAndLeftAlone() throws Exception {
        Path foreign = dir.resolve("notes.sqlite");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
            s.execute("INSERT INTO notes (text) VALUES ('keep me')");
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(foreign);
        assertThatThrownBy(() -> Database.open(foreign)).isInstanceOf(StoreException.class)
                .hasMessage(foreign + " is not a Goldsmith database (it holds other tables and no Goldsmith schema); "
                        + "choose another file with --db.");
        assertThat(java.nio.file.Files.readAllBytes(foreign)).isEqualTo(bytes);
        assertThat(java.nio.file.Files.exists(dir.resolve("notes.sqlite-wal"))).isFalse();
    }

    @Test
    void anotherAppsFlywayDatabaseIsNotGoldsmithsEither() throws Exception {
        Path foreign = dir.resolve("other.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT, version TEXT)");
            s.execute("INSERT INTO flyway_schema_history VALUES (1, '42')");
            s.execute("CREATE TABLE orders (id INTEGER)");
        }
        assertThatThrownBy(() -> Database.open(foreign)).hasMessageContaining("is not a Goldsmith database");
    }

    @Test
    void anEmptyFileOrATablelessDatabaseIsInitialisedAsANewOne() throws Exception {
        Path empty = java.nio.file.Files.createFile(dir.resolve("empty.db"));
        assertThat(new VaultRepository(Database.open(empty), clock).summaries()).isEmpty();
        Path blank = dir.resolve("blank.db");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + blank);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 5");
        }
        assertThat(new VaultRepository(Database.open(blank), clock).summaries()).isEmpty();
    }

    @Test
    void aDatabaseInAFolderWithAnAwkwardNameIsLookedAtAndReopened() throws Exception {
        Path file = dir.resolve("we#ird ?% naïve").resolve("g.db");
        new VaultRepository(Database.open(file), clock).save(new Vault("v1", "Jordan", null, null, null));
        assertThat(java.nio.file.Files.exists(dir.resolve("we#ird ?% naïve/g.db-wal"))).isFalse();
        assertThat(new VaultRepository(Database.open(file), clock).find("v1")).isPresent();
        // the look before opening reads this very file (its name travels as a URI): it sees a newer schema
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__f.sql', '', 1, 1)");
        }
        assertThatThrownBy(() -> Database.open(file)).hasMessageContaining("(schema 99)");
    }

    private static VaultItem item(String id, QualityTier tier) {
        return new VaultItem(id, "v1", ItemType.POWER_PHRASE, "Led a team of 5 engineers", tier,
                List.of("leadership"), 0.5, null, null);
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
