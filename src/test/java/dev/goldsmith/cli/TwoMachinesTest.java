package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles on two "machines" (two JVMs whose host names differ, {@code -Dgoldsmith.host}) on one PostgreSQL
 * database, each enhancing its own vault at the same time. Machine A is killed hard mid-run. Machine B's batch
 * completes regardless; A's batch reads as running while its heartbeat is fresh (a pid on another machine means
 * nothing), then — its heartbeat stale by the database's clock — as interrupted, and another machine resumes it to the
 * end with every item written exactly once.
 */
class TwoMachinesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int ITEMS = 30;
    static final Map<String, String> ENV = Map.of("GOLDSMITH_API_KEY", "sk-two-machines-0123456789");

    @StartStop
    final MockWebServer server = new MockWebServer();
    final ScriptedProviderServer provider = new ScriptedProviderServer();

    @TempDir
    Path dir;

    @Test
    void oneMachineDiesTheOtherFinishesItsOwnBatchAndThenResumesTheDeadOnesExactlyOnce() throws Exception {
        server.setDispatcher(provider.delay(400)); // 15 rounds of 0.4 s each: both machines are mid-run for seconds
        PostgresUrl url = TestPostgres.freshDatabase();
        String db = TestPostgres.arg(url);
        importVault(db, "va", "a");
        importVault(db, "vb", "b");

        var aRunning = provider.awaitRequests("a", 4);
        var bRunning = provider.awaitRequests("b", 4);
        Process a = start(db, "machine-a", "va");
        Process b = start(db, "machine-b", "vb");
        try {
            assertThat(aRunning.await(60, TimeUnit.SECONDS)).as("machine A sent requests").isTrue();
            assertThat(bRunning.await(60, TimeUnit.SECONDS)).as("machine B sent requests while A runs").isTrue();
        } finally {
            a.destroyForcibly();
            assertThat(a.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String batchA = TestPostgres.query(url, "SELECT id FROM batch_operations WHERE vault_id = 'va'");
        int doneBeforeKill = Integer.parseInt(TestPostgres.query(url,
                "SELECT processed_items FROM batch_operations WHERE id = '" + batchA + "'"));
        assertThat(doneBeforeKill).as("the kill came mid-run").isLessThan(ITEMS);

        // From this machine (a third host name), A's batch still looks alive: its heartbeat is seconds old.
        assertThat(status(db, batchA).get("status").asText()).isEqualTo("processing");
        assertThat(b.waitFor(120, TimeUnit.SECONDS)).as("machine B finished").isTrue();
        assertThat(b.exitValue()).as(Files.readString(dir.resolve("machine-b.err"))).isZero();

        // Half a minute passes on the database's clock without a heartbeat from A.
        TestPostgres.sql(url, "UPDATE batch_operations SET heartbeat_at = heartbeat_at - interval '31 seconds'"
                + " WHERE id = '" + batchA + "'");
        assertThat(status(db, batchA).get("status").asText()).isEqualTo("interrupted");

        provider.delay(0);
        CliRun resumed = CliRun.run(db, ENV, "resume", batchA, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode end = JSON.readTree(resumed.out());
        assertThat(end.get("status").asText()).isEqualTo("completed");
        assertThat(end.get("successful_items").asInt()).isEqualTo(ITEMS);

        for (String vault : new String[] {"va", "vb"}) {
            assertThat(TestPostgres.query(url, "SELECT COUNT(*) FROM item_versions WHERE vault_id = '" + vault + "'"))
                    .as("versions of %s", vault).isEqualTo(Integer.toString(ITEMS));
            assertThat(TestPostgres.query(url, "SELECT COUNT(*) FROM (SELECT item_id FROM item_versions WHERE vault_id = '"
                    + vault + "' GROUP BY item_id HAVING COUNT(*) = 1) AS once")).as("every item of %s written once", vault)
                    .isEqualTo(Integer.toString(ITEMS));
            assertThat(TestPostgres.query(url, "SELECT COUNT(*) FROM vault_items WHERE vault_id = '" + vault
                    + "' AND quality_tier = 'silver'")).isEqualTo(Integer.toString(ITEMS));
            assertThat(TestPostgres.query(url, "SELECT string_agg(status || ' ' || processed_items || ' '"
                    + " || successful_items, ',') FROM batch_operations WHERE vault_id = '" + vault + "'"))
                    .isEqualTo("completed " + ITEMS + " " + ITEMS);
        }
        assertThat(TestPostgres.query(url, "SELECT owner_id FROM batch_operations WHERE id = '" + batchA + "'"))
                .doesNotContain("@machine-a#");
    }

    private JsonNode status(String db, String batchId) throws IOException {
        CliRun run = CliRun.run(db, ENV, "status", batchId, "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private Process start(String db, String host, String vault) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgoldsmith.host=" + host, "-cp", System.getProperty("java.class.path"), "dev.goldsmith.Main",
                "--db", db, "enhance", "--vault", vault, "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "team", "--concurrency", "2")
                .redirectOutput(dir.resolve(host + ".out").toFile()).redirectError(dir.resolve(host + ".err").toFile());
        pb.environment().putAll(ENV);
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data-" + host).toString());
        return pb.start();
    }

    private void importVault(String db, String vault, String prefix) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"").append(prefix).append(i)
                    .append("\", \"type\": \"power_phrase\", \"content\": \"Worked on feature [[").append(prefix).append(i)
                    .append("]]\", \"quality_tier\": \"bronze\"}");
        }
        Path file = Files.writeString(dir.resolve(vault + ".json"), "{\"vault\": {\"id\": \"" + vault
                + "\", \"name\": \"" + vault + "\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        CliRun run = CliRun.run(db, Map.of(), "import", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
