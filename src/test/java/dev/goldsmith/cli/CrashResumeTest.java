package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch runs in a child JVM that is killed hard mid-run. The database must be consistent, the batch must read as
 * interrupted, and resume must finish it with every item written exactly once.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class CrashResumeTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();
    static final int ITEMS = 30;

    @StartStop
    final MockWebServer server = new MockWebServer();
    final ScriptedProviderServer provider = new ScriptedProviderServer();

    @TempDir
    Path dir;

    @Test
    void aKilledBatchIsConsistentReadsAsInterruptedAndResumesToExactlyOnce() throws Exception {
        server.setDispatcher(provider.delay(150));
        TestStore db = store.fresh(dir);
        importVault(db);
        Map<String, String> env = Map.of("GOLDSMITH_API_KEY", "sk-crash-test-0123456789");

        var seen = provider.awaitRequests(8);
        Process child = startChild(db, env);
        try {
            assertThat(seen.await(60, TimeUnit.SECONDS)).as("the child sent requests").isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        Database database = db.open();
        String batchId = single(database, "SELECT id FROM batch_operations");
        assertConsistent(database, batchId);
        int doneBeforeCrash = Integer.parseInt(single(database, "SELECT processed_items FROM batch_operations"));
        assertThat(doneBeforeCrash).as("the kill came mid-run").isLessThan(ITEMS);

        JsonNode status = JSON.readTree(CliRun.run(db, env, "status", batchId, "--json").out());
        assertThat(status.get("status").asText()).isEqualTo("interrupted");
        assertThat(status.get("is_complete").asBoolean()).isTrue();

        provider.delay(0);
        CliRun resumed = CliRun.run(db, env, "resume", batchId, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode end = JSON.readTree(resumed.out());
        assertThat(end.get("batch_operation_id").asText()).isEqualTo(batchId);
        assertThat(end.get("status").asText()).isEqualTo("completed");
        assertThat(end.get("successful_items").asInt()).isEqualTo(ITEMS);
        assertThat(end.get("processed_items").asInt()).isEqualTo(ITEMS);

        assertConsistent(database, batchId);
        assertThat(single(database, "SELECT COUNT(*) FROM item_versions WHERE batch_operation_id = '" + batchId + "'"))
                .isEqualTo(Integer.toString(ITEMS));
        assertThat(single(database, "SELECT COUNT(*) FROM (SELECT item_id FROM item_versions GROUP BY item_id"
                + " HAVING COUNT(*) = 1) AS once")).as("every item written exactly once").isEqualTo(Integer.toString(ITEMS));
        assertThat(single(database, "SELECT COUNT(*) FROM vault_items WHERE quality_tier = 'silver'"
                + " AND content LIKE 'Led [[%'")).isEqualTo(Integer.toString(ITEMS));
    }

    @Test
    void aTerminationSignalCancelsTheBatchCleanlySoItResumes() throws Exception {
        server.setDispatcher(provider.delay(150));
        TestStore db = store.fresh(dir);
        importVault(db);
        Map<String, String> env = Map.of("GOLDSMITH_API_KEY", "sk-crash-test-0123456789");

        var seen = provider.awaitRequests(6);
        Process child = startChild(db, env);
        assertThat(seen.await(60, TimeUnit.SECONDS)).as("the child sent requests").isTrue();
        child.destroy(); // SIGTERM, as Ctrl+C's SIGINT: the JVM runs its shutdown hooks
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("a cancelled batch exits 1").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("child.out"))).contains(" cancelled: ", "Resume with: goldsmith resume");

        Database database = db.open();
        String batchId = single(database, "SELECT id FROM batch_operations");
        assertThat(single(database, "SELECT status FROM batch_operations")).isEqualTo("cancelled");
        assertConsistent(database, batchId);
        assertThat(Files.readString(dir.resolve("child.err"))).contains("Cancelled. Resume with: goldsmith resume " + batchId);

        provider.delay(0);
        CliRun resumed = CliRun.run(db, env, "resume", batchId, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(JSON.readTree(resumed.out()).get("successful_items").asInt()).isEqualTo(ITEMS);
        assertConsistent(database, batchId);
    }

    private Process startChild(TestStore db, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.goldsmith.Main", "--db", db.arg(), "enhance",
                "--vault", "v1", "--provider", "openai", "--base-url", server.url("/v1").toString(), "--model", "crash",
                "--concurrency", "2")
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        pb.environment().putAll(env);
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        return pb.start();
    }

    /** Counters equal the item rows; every succeeded item has its version row and its write-back. */
    private static void assertConsistent(Database db, String batchId) {
        String b = "'" + batchId + "'";
        assertThat(single(db, "SELECT processed_items - successful_items - failed_items - skipped_items"
                + " FROM batch_operations WHERE id = " + b)).isEqualTo("0");
        assertThat(single(db, "SELECT successful_items FROM batch_operations WHERE id = " + b))
                .isEqualTo(single(db, "SELECT COUNT(*) FROM batch_items WHERE status = 'succeeded' AND batch_operation_id = " + b));
        assertThat(single(db, "SELECT processed_items FROM batch_operations WHERE id = " + b))
                .isEqualTo(single(db, "SELECT COUNT(*) FROM batch_items WHERE status != 'pending' AND batch_operation_id = " + b));
        assertThat(single(db, "SELECT COUNT(*) FROM batch_items bi WHERE bi.batch_operation_id = " + b
                + " AND bi.status = 'succeeded' AND NOT EXISTS (SELECT 1 FROM item_versions v WHERE v.item_id = bi.item_id"
                + " AND v.batch_operation_id = " + b + ")")).isEqualTo("0");
        assertThat(single(db, "SELECT COUNT(*) FROM vault_items WHERE content LIKE 'Led [[%'"))
                .isEqualTo(single(db, "SELECT COUNT(*) FROM batch_items WHERE status = 'succeeded' AND batch_operation_id = " + b));
    }

    private static String single(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private void importVault(TestStore db) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"i").append(i).append("\", \"type\": \"power_phrase\",")
                    .append(" \"content\": \"Worked on feature [[i").append(i).append("]]\", \"quality_tier\": \"bronze\"}");
        }
        Path file = Files.writeString(dir.resolve("v.json"),
                "{\"vault\": {\"id\": \"v1\", \"name\": \"Crash\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }
}
