package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.batch.BatchStore;
import dev.goldsmith.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tpm N}: a tokens-per-minute cap beside {@code --rpm}, kept with the batch's settings. */
class TpmOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() throws IOException {
        db = dir.resolve("g.db");
        Path file = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration of 12 services"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    @Test
    void theCapIsKeptWithTheBatchsSettings() throws IOException {
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--tpm", "40000", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = JSON.readTree(run.out()).get("batch_operation_id").asText();
        JsonNode metadata = JSON.readTree(new BatchStore(Database.open(db)).find(id).orElseThrow().metadata());
        assertThat(metadata.get("tpm").asInt()).isEqualTo(40_000);
    }

    @Test
    void aNegativeCapIsRefusedNamingTheOption() throws IOException {
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--tpm", "-5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).containsIgnoringCase("tpm").contains("-5");
        assertThat(JSON.readTree(CliRun.run(db, "history", "--json").out())).as("no batch recorded").isEmpty();
    }
}
