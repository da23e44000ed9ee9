package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} and {@code GOLDSMITH_DB} take a file or a PostgreSQL URL — and nothing else becomes a folder any more. */
class StoreOptionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPostgresqlUrlIsNeverTakenForAFileName() throws Exception {
        // Before the team store this made a folder "postgresql:" (in the working directory) and a private SQLite file.
        Path folder = Path.of("postgresql:");
        assertThat(folder).doesNotExist();
        CliRun run = CliRun.run("postgresql://nobody@127.0.0.1:1/team?sslmode=disable", Map.of(), "vaults");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("goldsmith: Cannot reach PostgreSQL at 127.0.0.1:1 (connection refused); check the"
                + " URL and that the server is running.\n");
        assertThat(folder).doesNotExist();
    }

    @Test
    void anythingElseIsRefusedInOneSentenceAndExits2() {
        CliRun run = CliRun.run("mysql://root:hunter2-secret@db/team", Map.of(), "vaults");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("goldsmith: --db 'mysql://…@db/team' is neither a file path nor a PostgreSQL URL")
                .doesNotContain("hunter2").hasLineCount(1);
        assertThat(Path.of("mysql:")).doesNotExist();

        CliRun withPassword = CliRun.run("postgresql://editor:hunter2-secret@db/team", Map.of(), "vaults");
        assertThat(withPassword.exitCode()).isEqualTo(2);
        assertThat(withPassword.err()).contains("holds a password").doesNotContain("hunter2");
    }

    @Test
    void goldsmithDbAndThePasswordSourcesReachTheTeamStore() throws Exception {
        PostgresUrl url = TestPostgres.emptyDatabase(TestPostgres.EDITOR);
        String arg = TestPostgres.arg(url);
        Path vault = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Team vault"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration"}]}""");

        CliRun imported = CliRun.run(arg, Map.of("PGPASSWORD", TestPostgres.EDITOR_PASSWORD), "import", vault.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Path pgpass = Files.writeString(dir.resolve(".pgpass"), "localhost:" + url.port() + ":" + url.database()
                + ":editor:" + TestPostgres.EDITOR_PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        Map<String, String> viaEnv = Map.of("GOLDSMITH_DB", arg, "HOME", dir.toString());
        CliRun listed = run(viaEnv, "vaults", "--json");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(JSON.readTree(listed.out()).get(0).get("name").asText()).isEqualTo("Team vault");

        CliRun enhanced = run(viaEnv, "enhance", "--vault", "v1", "--json");
        assertThat(enhanced.exitCode()).as(enhanced.err()).isZero();
        assertThat(JSON.readTree(enhanced.out()).get("successful_items").asInt()).isEqualTo(1);
        String userId = TestPostgres.query(url, "SELECT user_id FROM batch_operations");
        assertThat(userId).as("the operator").isEqualTo(System.getProperty("user.name"));

        CliRun noPassword = run(Map.of("GOLDSMITH_DB", arg, "HOME", dir.resolve("elsewhere").toString()), "vaults");
        assertThat(noPassword.exitCode()).isEqualTo(1);
        assertThat(noPassword.err()).contains("asks for a password for user editor");
    }

    /** A run with no {@code --db}: the store comes from the environment given. */
    private static CliRun run(Map<String, String> env, String... args) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = Cli.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), env);
        return new CliRun(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
