package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a team store on a real PostgreSQL server: logins with the password from each source (the server asks the
 * role {@code editor} for it, scram-sha-256), the sentences for what goes wrong, TLS as the URL asks, and the schema
 * checks that run before anything is written.
 */
class TeamStoreTest {

    @TempDir
    Path dir;

    private PostgresUrl editorDb() {
        return TestPostgres.emptyDatabase(TestPostgres.EDITOR);
    }

    @Test
    void theMigrationsRunOnPostgresqlWithItsOwnTypes() {
        PostgresUrl url = editorDb();
        Database db = Database.open(url, Map.of("PGPASSWORD", TestPostgres.EDITOR_PASSWORD), dir);
        try {
            assertThat(db.vendor()).isEqualTo(Vendor.POSTGRESQL);
            assertThat(db.file()).isNull();
            assertThat(db.label()).isEqualTo(url.label()).doesNotContain(TestPostgres.EDITOR_PASSWORD);
            List<String> applied = db.read(c -> {
                List<String> v = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        v.add(rs.getString(1));
                    }
                }
                return v;
            });
            assertThat(applied).startsWith("1", "2", "3");
            String types = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(column_name || ' ' || data_type, ', '"
                        + " ORDER BY column_name) FROM information_schema.columns WHERE table_name = 'vault_items'"
                        + " AND column_name IN ('keywords', 'created_at', 'confidence_score')");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(types).isEqualTo("confidence_score double precision, created_at timestamp with time zone,"
                    + " keywords jsonb");
        } finally {
            db.close();
        }
    }

    @Test
    void thePasswordComesFromPgpasswordAWrongOneIsNamedByItsSourceOnly() {
        PostgresUrl url = editorDb();
        Database.open(url, Map.of("PGPASSWORD", TestPostgres.EDITOR_PASSWORD), dir).close();

        assertThatThrownBy(() -> Database.open(url, Map.of("PGPASSWORD", "not-the-password-xyz"), dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("PostgreSQL at localhost:" + url.port() + " refused the password for user editor (from PGPASSWORD).");
    }

    @Test
    void withoutAPasswordTheErrorSaysWhereToPutOne() {
        PostgresUrl url = editorDb();
        assertThatThrownBy(() -> Database.open(url, Map.of("HOME", dir.toString()), dir))
                .hasMessageStartingWith("PostgreSQL at localhost:" + url.port() + " asks for a password for user editor"
                        + " and none was found; set PGPASSWORD, add a line localhost:" + url.port() + ":" + url.database()
                        + ":editor:PASSWORD to ~/.pgpass (chmod 600), or save it in Settings.");
    }

    @Test
    void thePasswordFileIsReadAndIgnoredWhenOthersMayReadIt() throws Exception {
        PostgresUrl url = editorDb();
        Path pgpass = dir.resolve(".pgpass");
        Files.writeString(pgpass, "localhost:" + url.port() + ":*:editor:"
                + TestPostgres.EDITOR_PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Database.open(url, Map.of("HOME", dir.toString()), dir).close();

        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Database.open(url, Map.of("HOME", dir.toString()), dir))
                .hasMessageContaining("asks for a password")
                .hasMessageContaining(pgpass + " was ignored because its group or others may read it");
    }

    @Test
    void thePasswordSavedBySettingsIsUsedLast() {
        PostgresUrl url = editorDb();
        PgPassword.save(dir.resolve(PgPassword.SAVED_FILE), url, TestPostgres.EDITOR_PASSWORD);
        Database.open(url, Map.of("HOME", dir.resolve("nowhere").toString()), dir).close();
    }

    @Test
    void tlsIsAsTheUrlAsks() {
        PostgresUrl plain = TestPostgres.freshDatabase();
        PostgresUrl require = new PostgresUrl(plain.user(), plain.host(), plain.port(), plain.database(),
                Map.of("sslmode", "require"));
        assertThatThrownBy(() -> Database.open(require, TestPostgres.none()))
                .hasMessage("PostgreSQL at localhost:" + plain.port() + " does not offer TLS, and the URL asks for"
                        + " sslmode=require; enable TLS on the server or choose another sslmode.");
        Database.open(plain, TestPostgres.none()).close();
    }

    @Test
    void aServerThatIsNotThereIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free, and closed again: nothing listens there
        }
        PostgresUrl url = new PostgresUrl("editor", "127.0.0.1", port, "team", Map.of("sslmode", "disable"));
        assertThatThrownBy(() -> Database.open(url, TestPostgres.none()))
                .hasMessage("Cannot reach PostgreSQL at 127.0.0.1:" + port + " (connection refused); check the URL and"
                        + " that the server is running.");
    }

    @Test
    void aDatabaseANewerGoldsmithMigratedIsRefusedUntouched() {
        PostgresUrl url = TestPostgres.freshDatabase();
        Database db = Database.open(url, TestPostgres.none());
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flyway_schema_history (installed_rank, version,"
                    + " description, type, script, checksum, installed_by, execution_time, success)"
                    + " VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'x', 0, true)")) {
                return ps.executeUpdate();
            }
        });
        var before = TableSnapshot.of(db);
        db.close();
        String shape = "SELECT (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables"
                + " WHERE table_schema = 'public') || ' ' || (SELECT COUNT(*) FROM flyway_schema_history)";
        String tablesBefore = TestPostgres.query(url, shape);

        assertThatThrownBy(() -> Database.open(url, TestPostgres.none()))
                .hasMessageStartingWith("The team database " + url.label() + " was written by a newer Goldsmith (schema 99);"
                        + " this is version ");
        assertThat(TestPostgres.query(url, shape)).isEqualTo(tablesBefore);
        assertThat(before.get("vaults")).isEmpty();
    }

    @Test
    void aDatabaseHoldingAnotherProgramsTablesIsRefused() {
        PostgresUrl url = TestPostgres.emptyDatabase("postgres");
        TestPostgres.sql(url, "CREATE TABLE invoices (id int)");
        assertThatThrownBy(() -> Database.open(url, TestPostgres.none()))
                .hasMessage("The team database " + url.label() + " holds other tables and no Goldsmith schema; give"
                        + " Goldsmith an empty database of its own (createdb goldsmith).");
    }
}
