package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password of a team database: PGPASSWORD, then the password file as libpq reads it, then the saved file. */
class PgPasswordTest {

    static final PostgresUrl URL = new PostgresUrl("editor", "db.example.com", 5432, "team", Map.of());

    @TempDir
    Path dir;

    private Path file(String name, String perms, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, List.of(lines));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private Map<String, String> env(Path pgpass) {
        return Map.of("PGPASSFILE", pgpass.toString());
    }

    @Test
    void pgpasswordComesFirst() throws Exception {
        Path pgpass = file("pgpass", "rw-------", "*:*:*:*:from-file");
        PgPassword.Lookup found = PgPassword.find(URL, Map.of("PGPASSWORD", "from-env", "PGPASSFILE", pgpass.toString()), null);
        assertThat(found.password()).contains("from-env");
        assertThat(found.source()).isEqualTo("PGPASSWORD");
    }

    @Test
    void theFirstMatchingLineWinsWithWildcardsAndEscapes() throws Exception {
        Path pgpass = file("pgpass", "rw-------",
                "# host:port:database:user:password",
                "db.example.com:5433:team:editor:other-port",
                "db.example.com:5432:other:editor:other-db",
                "db.example.com:*:team:editor:pa\\:ss\\\\word:with-colon",
                "*:*:*:*:fallback");
        assertThat(PgPassword.find(URL, env(pgpass), null).password()).contains("pa:ss\\word"); // ends at the unescaped colon
        PostgresUrl elsewhere = new PostgresUrl("someone", "h", 1, "d", Map.of());
        assertThat(PgPassword.find(elsewhere, env(pgpass), null).password()).contains("fallback");
    }

    @Test
    void homesPgpassIsReadWhenPgpassfileIsNotSet() throws Exception {
        file(".pgpass", "rw-------", "db.example.com:5432:team:editor:from-home");
        assertThat(PgPassword.find(URL, Map.of("HOME", dir.toString()), null).password()).contains("from-home");
    }

    @Test
    void aFileOthersMayReadIsIgnoredAsLibpqDoesAndTheReasonIsKept() throws Exception {
        Path pgpass = file("pgpass", "rw-r-----", "*:*:*:*:too-open");
        PgPassword.Lookup found = PgPassword.find(URL, env(pgpass), null);
        assertThat(found.password()).isEmpty();
        assertThat(found.notes()).singleElement().asString().contains("was ignored because its group or others may read it")
                .contains("chmod 600");
    }

    @Test
    void theFileSavedBySettingsComesLastAndIsOwnerOnly() throws Exception {
        Path saved = dir.resolve("data/team-db-password");
        PgPassword.save(saved, URL, "saved:pass");
        PgPassword.save(saved, new PostgresUrl("other", "h", 1, "d", Map.of()), "other");
        PgPassword.save(saved, URL, "saved:again");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(saved)).hasSize(2);
        Path pgpass = file("pgpass", "rw-------", "nothing:1:x:y:z");
        PgPassword.Lookup found = PgPassword.find(URL, env(pgpass), saved);
        assertThat(found.password()).contains("saved:again");
        assertThat(found.source()).isEqualTo(saved.toString());
        assertThat(PgPassword.find(URL, Map.of("PGPASSWORD", "env", "PGPASSFILE", pgpass.toString()), saved).password())
                .contains("env");
        assertThat(PgPassword.find(URL, env(dir.resolve("missing")), null).password()).isEqualTo(Optional.empty());
    }
}
