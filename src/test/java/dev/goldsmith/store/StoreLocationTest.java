package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code --db}, {@code GOLDSMITH_DB} and the settings screen accept: a file path or a PostgreSQL URL, nothing else. */
class StoreLocationTest {

    @Test
    void aPathIsAnSqliteFile() {
        assertThat(StoreLocation.parse("data/g.db", "--db")).isEqualTo(new StoreLocation.SqliteFile(Path.of("data/g.db")));
        assertThat(StoreLocation.parse("./odd:name.db", "--db")).isInstanceOf(StoreLocation.SqliteFile.class);
    }

    @Test
    void aPostgresqlUrlNamesUserHostPortDatabaseAndTls() {
        assertThat(StoreLocation.parse("postgresql://editor@db.example.com:6543/team?sslmode=verify-full", "--db"))
                .isEqualTo(new PostgresUrl("editor", "db.example.com", 6543, "team", Map.of("sslmode", "verify-full")));
        assertThat(StoreLocation.parse("postgres://editor@[::1]/team", "--db"))
                .isEqualTo(new PostgresUrl("editor", "::1", 5432, "team", Map.of()));
        PostgresUrl url = (PostgresUrl) StoreLocation.parse("postgresql://ed%40corp@h/my%20db", "--db");
        assertThat(url.user()).isEqualTo("ed@corp");
        assertThat(url.database()).isEqualTo("my db");
        assertThat(url.label()).isEqualTo("postgresql://ed%40corp@h:5432/my%20db");
        assertThat(url.sslmode()).as("libpq's default").isEqualTo("prefer");
    }

    @Test
    void aJdbcUrlIsTakenToo() {
        assertThat(StoreLocation.parse("jdbc:postgresql://h:5433/team?user=editor&ssl=true", "GOLDSMITH_DB"))
                .isEqualTo(new PostgresUrl("editor", "h", 5433, "team", Map.of("sslmode", "require")));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        for (String text : new String[] {"postgresql://editor:hunter2-secret@h/team",
                "jdbc:postgresql://h/team?user=editor&password=hunter2-secret",
                "postgresql://editor@h/team?password=hunter2-secret"}) {
            assertThatThrownBy(() -> StoreLocation.parse(text, "--db")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("holds a password").hasMessageContaining("PGPASSWORD")
                    .message().doesNotContain("hunter2");
        }
    }

    @Test
    void anythingElseThatLooksLikeAUrlIsRefusedInOneSentence() {
        assertThatThrownBy(() -> StoreLocation.parse("mysql://root:hunter2-secret@h/team", "--db"))
                .hasMessage("--db 'mysql://…@h/team' is neither a file path nor a PostgreSQL URL"
                        + " (postgresql://USER@HOST:PORT/DBNAME); for a file whose name holds a colon, write ./NAME.");
        assertThatThrownBy(() -> StoreLocation.parse("http://example.com/g.db", "GOLDSMITH_DB"))
                .hasMessageStartingWith("GOLDSMITH_DB 'http://example.com/g.db' is neither a file path nor a PostgreSQL URL");
        assertThatThrownBy(() -> StoreLocation.parse("jdbc:mysql://h/team", "--db"))
                .hasMessageStartingWith("--db names a mysql database (jdbc:mysql:…); Goldsmith stores its data in an"
                        + " SQLite file or in PostgreSQL");
        assertThatThrownBy(() -> StoreLocation.parse("  ", "--db")).hasMessageContaining("is empty");
    }

    @Test
    void badPartsOfAPostgresqlUrlAreNamed() {
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://e@h:99999/t", "--db"))
                .hasMessageContaining("port '99999' is not a number from 1 to 65535");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://e@h/t?sslmode=sometimes", "--db"))
                .hasMessageContaining("sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://e@h/t?target_session_attrs=any", "--db"))
                .hasMessageContaining("option 'target_session_attrs' is not supported");
        assertThatThrownBy(() -> StoreLocation.parse("postgresql://e@h1,h2/t", "--db"))
                .hasMessageContaining("names several hosts");
    }

    @Test
    void theEnvironmentVariableIsReadWhenNoOptionIsGiven() {
        Path folder = Path.of("/data/goldsmith");
        assertThat(DataLocation.store(null, Map.of("GOLDSMITH_DB", "postgresql://e@h/t"), folder))
                .isInstanceOf(PostgresUrl.class);
        assertThat(DataLocation.store(null, Map.of(), folder))
                .isEqualTo(new StoreLocation.SqliteFile(folder.resolve("goldsmith.db")));
        assertThat(DataLocation.store("x.db", Map.of("GOLDSMITH_DB", "postgresql://e@h/t"), folder))
                .as("--db wins").isInstanceOf(StoreLocation.SqliteFile.class);
    }
}
