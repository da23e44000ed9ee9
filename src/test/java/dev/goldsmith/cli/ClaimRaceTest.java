package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestStore;
import dev.goldsmith.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code enhance} processes — three JVMs on one SQLite file — started together over the same items: claiming
 * the items is one step in the store, so one batch takes them and the others are refused; every item is sent once
 * and written once. The JVMs are held at a gate (a file lock) until all are up, then run their command at the same
 * moment: without the atomic claim several of them ran every item.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ClaimRaceTest {

    @Parameter
    StoreKind store;


    static final int ITEMS = 37;
    static final int PROCESSES = 3;

    @StartStop
    final MockWebServer server = new MockWebServer();
    final ScriptedProviderServer provider = new ScriptedProviderServer();

    @TempDir
    Path dir;

    @Test
    void processesStartedTogetherNeverRunTheSameItemsTwice() throws Exception {
        server.setDispatcher(provider.delay(300));
        TestStore db = store.fresh(dir);
        importVault(db);

        Path gate = Files.createFile(dir.resolve("gate"));
        List<Process> children = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(gate, StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            for (int i = 0; i < PROCESSES; i++) {
                children.add(start(db, gate, i));
            }
            for (int i = 0; i < children.size(); i++) {
                BufferedReader out = new BufferedReader(new InputStreamReader(children.get(i).getInputStream(),
                        StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the child is up and waits at the gate").isEqualTo("ready");
                Path rest = dir.resolve("child" + i + ".out");
                Thread drain = new Thread(() -> {
                    try {
                        Files.writeString(rest, out.lines().collect(java.util.stream.Collectors.joining("\n")));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "child-stdout-" + i);
                drain.setDaemon(true);
                drain.start();
            }
        } // the gate opens: both run enhance now
        List<Integer> exits = new ArrayList<>();
        for (Process child : children) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            exits.add(child.exitValue());
        }
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < PROCESSES; i++) {
            errors.append(Files.readString(dir.resolve("child" + i + ".err")));
        }

        assertThat(exits).as(errors.toString()).containsExactlyInAnyOrder(0, 2, 2);
        assertThat(errors).contains(" already in running batch ");
        for (int i = 0; i < ITEMS; i++) {
            assertThat(provider.calls("i" + i)).as("calls for i%d", i).isEqualTo(1);
        }
        Database database = db.open();
        assertThat(count(database, "SELECT COUNT(*) FROM batch_operations")).as("the refused one left nothing").isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM item_versions")).isEqualTo(ITEMS);
        assertThat(count(database, "SELECT COUNT(DISTINCT item_id) FROM item_versions")).isEqualTo(ITEMS);
    }

    private Process start(TestStore db, Path gate, int n) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GatedMain.class.getName(), gate.toString(),
                "--db", db.arg(), "enhance", "--vault", "v1", "--provider", "openai",
                "--base-url", server.url("/v1").toString(), "--model", "race", "--concurrency", "4")
                .redirectError(dir.resolve("child" + n + ".err").toFile());
        pb.environment().putAll(Map.of("GOLDSMITH_API_KEY", "sk-race-test-0123456789"));
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        return pb.start();
    }

    private void importVault(TestStore db) throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"i").append(i).append("\", \"type\": \"power_phrase\",")
                    .append(" \"content\": \"Worked on feature [[i").append(i).append("]]\", \"quality_tier\": \"bronze\"}");
        }
        Path file = Files.writeString(dir.resolve("v.json"),
                "{\"vault\": {\"id\": \"v1\", \"name\": \"Race\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
