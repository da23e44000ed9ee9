package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.SettingsRepository;
import dev.goldsmith.store.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate-store --from FILE --to URL}: a local database copied into an empty team one, all or nothing. */
class MigrateStoreCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path file;
    String batchId;

    @BeforeEach
    void aLocalDatabaseWithAVaultABatchAndASetting() throws IOException {
        file = dir.resolve("local.db");
        Path vault = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee", "owner": "jordan@example.com"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration of 12 services"},
                           {"id": "b", "type": "transferable_skill", "content": "Was responsible for SQL reporting",
                            "quality_tier": "bronze", "keywords": ["sql"]},
                           {"id": "g", "type": "hidden_competency", "content": "Calm under pressure", "quality_tier": "gold"},
                           {"id": "c", "type": "power_phrase", "content": "Helped with the quarterly planning"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(file, "import", vault.toString()).exitCode()).isZero();
        CliRun enhanced = CliRun.run(file, "enhance", "--vault", "v1", "--items", "a,b,g", "--json");
        assertThat(enhanced.exitCode()).as(enhanced.err()).isZero();
        batchId = JSON.readTree(enhanced.out()).get("batch_operation_id").asText();
        CliRun reviewed = CliRun.run(file, "enhance", "--vault", "v1", "--items", "c", "--review");
        assertThat(reviewed.exitCode()).as(reviewed.err()).isZero();
        Database local = Database.open(file);
        new SettingsRepository(local, Clock.systemUTC()).put("provider", "rules");
    }

    @Test
    void everythingIsCopiedAndTheTeamStoreCarriesOnFromIt() throws IOException {
        PostgresUrl url = TestPostgres.emptyDatabase("postgres");
        String team = TestPostgres.arg(url);

        CliRun run = CliRun.run(file, "migrate-store", "--from", file.toString(), "--to", team, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode counts = JSON.readTree(run.out());
        assertThat(counts.get("vaults").asInt()).isEqualTo(1);
        assertThat(counts.get("vault_items").asInt()).isEqualTo(4);
        assertThat(counts.get("batch_operations").asInt()).isEqualTo(2);
        assertThat(counts.get("batch_items").asInt()).isEqualTo(4);
        assertThat(counts.get("item_versions").asInt()).isEqualTo(2);
        assertThat(counts.get("proposals").asInt()).isEqualTo(1);
        assertThat(counts.get("settings").asInt()).isEqualTo(1);
        assertThat(counts.get("to").asText()).isEqualTo(url.label());
        for (String[] command : new String[][] {{"vaults", "--json"}, {"items", "--vault", "v1", "--json"},
                {"history", "--json"}, {"status", batchId, "--items", "--json"}, {"export", "--vault", "v1"},
                {"review", "list", "--json"}}) {
            assertThat(CliRun.run(team, Map.of(), command).out()).as(String.join(" ", command))
                    .isEqualTo(CliRun.run(file, command).out());
        }

        Path edit = Files.writeString(dir.resolve("edit.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Led the migration of 12 services"}]}""");
        CliRun merged = CliRun.run(team, Map.of(), "import", edit.toString(), "--merge");
        assertThat(merged.exitCode()).as("a new version numbers on after the copied ones: " + merged.err()).isZero();
        assertThat(TestPostgres.query(url, "SELECT COUNT(DISTINCT id) || ' ' || COUNT(*) FROM item_versions"))
                .isEqualTo("3 3");
    }

    @Test
    void aTargetThatHoldsDataIsRefusedAndLeftAsItWas() {
        PostgresUrl url = TestPostgres.emptyDatabase("postgres");
        String team = TestPostgres.arg(url);
        assertThat(CliRun.run(file, "migrate-store", "--from", file.toString(), "--to", team).exitCode()).isZero();
        String before = TestPostgres.query(url, "SELECT COUNT(*) || ' ' || MAX(last_updated_at) FROM vault_items");

        CliRun run = CliRun.run(file, "migrate-store", "--from", file.toString(), "--to", team);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("goldsmith: The team database " + url.label() + " already holds data (1 rows in"
                + " vaults); migrate-store copies only into an empty one and merges nothing — use a new database, or"
                + " import vault files into this one (goldsmith import FILE --merge).\n");
        assertThat(TestPostgres.query(url, "SELECT COUNT(*) || ' ' || MAX(last_updated_at) FROM vault_items")).isEqualTo(before);
    }

    @Test
    void aFailureHalfwayLeavesTheTargetEmpty() {
        PostgresUrl url = TestPostgres.emptyDatabase("postgres");
        String team = TestPostgres.arg(url);
        Database.open(url, TestPostgres.none()).close(); // the schema, so a trigger can refuse the versions
        TestPostgres.sql(url, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " RAISE EXCEPTION 'refused by test'; END $$",
                "CREATE TRIGGER refuse BEFORE INSERT ON item_versions FOR EACH ROW EXECUTE FUNCTION refuse()");

        CliRun run = CliRun.run(file, "migrate-store", "--from", file.toString(), "--to", team);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refused by test").hasLineCount(1);
        assertThat(TestPostgres.query(url, "SELECT (SELECT COUNT(*) FROM vaults) + (SELECT COUNT(*) FROM vault_items)"
                + " + (SELECT COUNT(*) FROM batch_operations) + (SELECT COUNT(*) FROM batch_items)")).isEqualTo("0");
    }

    @Test
    void theTargetMustBeAPostgresqlUrlAndTheSourceAFile() {
        CliRun toFile = CliRun.run(file, "migrate-store", "--from", file.toString(), "--to", dir.resolve("x.db").toString());
        assertThat(toFile.exitCode()).isEqualTo(2);
        assertThat(toFile.err()).contains("--to must be a PostgreSQL URL");
        CliRun noSource = CliRun.run(file, "migrate-store", "--from", dir.resolve("missing.db").toString(), "--to",
                "postgresql://e@h/t");
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).contains("missing.db: no such database file.");
    }
}
