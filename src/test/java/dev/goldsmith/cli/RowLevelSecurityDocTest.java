package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row-level security of {@code docs/team.md}, run as written there on a real server: editors log in as their own
 * roles, every batch records its editor, everyone reads every batch, and no one changes another editor's batch.
 */
class RowLevelSecurityDocTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> PASSWORD = Map.of("PGPASSWORD", "change-me");

    @TempDir
    Path dir;

    /** The SQL block of docs/team.md that starts with {@code -- goldsmith: NAME}. */
    private static String block(String name) throws Exception {
        String doc = Files.readString(Path.of("docs/team.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```sql\n-- goldsmith: " + name);
        assertThat(start).as("docs/team.md has the %s block", name).isPositive();
        int from = doc.indexOf('\n', start) + 1;
        return doc.substring(from, doc.indexOf("```", from));
    }

    private static String url(String role, PostgresUrl db) {
        return TestPostgres.arg(new PostgresUrl(role, db.host(), db.port(), db.database(), db.params()));
    }

    @Test
    void eachEditorsBatchesStayTheirs() throws Exception {
        TestPostgres.admin(block("roles"));
        PostgresUrl db = TestPostgres.emptyDatabase("goldsmith_admin");
        Database admin = Database.open(TestPostgres.url("goldsmith_admin", db.database()), PASSWORD, dir);
        String policies = block("policies");
        admin.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.execute(policies);
            }
        });
        admin.close();
        String maya = url("maya", db);
        String sam = url("sam", db);
        Path vault = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Team"}, "items": [
                 {"id": "a", "type": "power_phrase", "content": "Helped with the migration"},
                 {"id": "b", "type": "power_phrase", "content": "Was responsible for reports"}]}""");
        assertThat(CliRun.run(maya, PASSWORD, "import", vault.toString()).exitCode()).isZero();

        CliRun mayas = CliRun.run(maya, PASSWORD, "enhance", "--vault", "v1", "--items", "a", "--json");
        assertThat(mayas.exitCode()).as(mayas.err()).isZero();
        String mayaBatch = JSON.readTree(mayas.out()).get("batch_operation_id").asText();
        CliRun sams = CliRun.run(sam, PASSWORD, "enhance", "--vault", "v1", "--items", "b", "--json");
        assertThat(sams.exitCode()).as(sams.err()).isZero();

        assertThat(TestPostgres.query(db, "SELECT string_agg(user_id, ',' ORDER BY user_id) FROM batch_operations"))
                .as("the role, not the machine's user").isEqualTo("maya,sam");
        JsonNode samSees = JSON.readTree(CliRun.run(sam, PASSWORD, "history", "--json").out());
        assertThat(samSees).hasSize(2);

        Database asSam = Database.open(TestPostgres.url("sam", db.database()), PASSWORD, dir);
        int changed = asSam.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE batch_operations SET error_message = 'sam was here'")
                        + s.executeUpdate("DELETE FROM batch_items");
            }
        });
        asSam.close();
        assertThat(changed).as("only sam's own batch and its item").isEqualTo(2);
        assertThat(TestPostgres.query(db, "SELECT COALESCE(error_message, '-') FROM batch_operations WHERE id = '"
                + mayaBatch + "'")).isEqualTo("-");

        // maya's batch, running on a machine that died: only maya may take it back
        TestPostgres.sql(db, "UPDATE batch_operations SET status = 'processing', owner_id = '1@gone#x',"
                + " heartbeat_at = now() - interval '5 minutes' WHERE id = '" + mayaBatch + "'");
        assertThat(JSON.readTree(CliRun.run(sam, PASSWORD, "status", mayaBatch, "--json").out()).get("status").asText())
                .isEqualTo("processing");
        assertThat(JSON.readTree(CliRun.run(maya, PASSWORD, "status", mayaBatch, "--json").out()).get("status").asText())
                .isEqualTo("interrupted");
    }
}
