package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN §6: "Ctrl+C cancels the batch cleanly (resumable)" — with a real SIGINT (not the SIGTERM of
 * {@link CrashResumeTest}) and {@code --json}: exactly one JSON value on stdout, the cancelled batch's status object,
 * exit 1, and {@code resume} finishes it.
 */
class CtrlCTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int ITEMS = 20;

    @StartStop
    final MockWebServer server = new MockWebServer();
    final ScriptedProviderServer provider = new ScriptedProviderServer();

    @TempDir
    Path dir;

    @Test
    void sigintCancelsWithOneStatusObjectOnStdoutAndTheBatchResumes() throws Exception {
        assumeTrue(sigintReachesChildren(), "SIGINT is ignored by this process (started in the background), so by its children");
        server.setDispatcher(provider.delay(150));
        Path db = dir.resolve("g.db");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"i").append(i).append("\", \"type\": \"power_phrase\",")
                    .append(" \"content\": \"Worked on feature [[i").append(i).append("]]\"}");
        }
        Path file = Files.writeString(dir.resolve("v.json"),
                "{\"vault\": {\"id\": \"v1\", \"name\": \"Ctrl C\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();

        var seen = provider.awaitRequests(3);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the product's logging (to its log file), not the tests' console appender on stdout
                "-Dlogback.configurationFile=" + CtrlCTest.class.getResource("/logback.xml"),
                "-Dgoldsmith.logDir=" + dir.resolve("logs"),
                "-cp", System.getProperty("java.class.path"), "dev.goldsmith.Main", "--db", db.toString(), "enhance",
                "--vault", "v1", "--provider", "openai", "--base-url", server.url("/v1").toString(), "--model", "m",
                "--concurrency", "1", "--json")
                .redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process child = pb.start();
        assertThat(seen.await(60, TimeUnit.SECONDS)).as("the child sent requests").isTrue();

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).as("a cancelled batch exits 1, not the signal's 130").isEqualTo(1);
        String out = Files.readString(dir.resolve("child.out"));
        JsonParser parser = JSON.createParser(out);
        JsonNode status = JSON.readTree(parser);
        assertThat(parser.nextToken()).as("exactly one JSON value on stdout: %s", out).isNull();
        DesignContractTest.assertStatusObject(status);
        assertThat(status.get("status").asText()).isEqualTo("cancelled");
        assertThat(status.get("processed_items").asInt()).isLessThan(ITEMS);
        String id = status.get("batch_operation_id").asText();
        assertThat(Files.readString(dir.resolve("child.err"))).contains("Cancelled. Resume with: goldsmith resume " + id);

        provider.delay(0);
        CliRun resumed = CliRun.run(db, "resume", id, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode done = JSON.readTree(resumed.out());
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("successful_items").asInt()).isEqualTo(ITEMS);
    }

    /** Linux: whether this JVM ignores SIGINT (bit 2 of SigIgn), which its children would inherit. */
    private static boolean sigintReachesChildren() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status) || !Files.isExecutable(Path.of("/bin/kill")) && !Files.isExecutable(Path.of("/usr/bin/kill"))) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) == 0;
            }
        }
        return false;
    }
}
