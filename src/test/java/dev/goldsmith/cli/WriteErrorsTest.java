package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written is a runtime error, never a success: stdout on a full device or a closed pipe, and
 * an {@code --out} file that hits a size limit, exit 1 with one sentence. Real things only: {@code /dev/full}, a pipe
 * whose reader ({@code head -c 100}) goes away, a child process with {@code ulimit -f}.
 */
@EnabledOnOs(OS.LINUX)
class WriteErrorsTest {

    static final int ITEMS = 300;

    @TempDir
    Path dir;
    Path db;

    /** A vault of about 1.2 MB as JSON: far more than a pipe holds (64 KB). */
    @BeforeEach
    void importABigVault() throws IOException {
        db = dir.resolve("g.db");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"i").append(i)
                    .append("\", \"type\": \"power_phrase\", \"content\": \"").append(("Led item " + i + ". ").repeat(300))
                    .append("\"}");
        }
        Path file = Files.writeString(dir.resolve("big.json"),
                "{\"vault\": {\"id\": \"v-big\", \"name\": \"Big\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private CliRun runWithStdout(OutputStream stdout, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new CliRun(code, "", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void stdoutOnAFullDeviceExitsOneWithOneSentence() throws IOException {
        for (String[] args : List.of(new String[] {"export", "--vault", "v-big"},
                new String[] {"export", "--vault", "v-big", "--format", "csv"}, new String[] {"vaults", "--json"},
                new String[] {"items", "--vault", "v-big"})) {
            try (FileOutputStream full = new FileOutputStream("/dev/full")) {
                CliRun run = runWithStdout(full, args);
                assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
                assertThat(run.err()).as(String.join(" ", args)).startsWith("goldsmith: Cannot write to standard output")
                        .hasLineCount(1);
            }
        }
    }

    @Test
    void stdoutIntoAPipeWhoseReaderLeftExitsOne() throws Exception {
        Process head = new ProcessBuilder("head", "-c", "100").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream pipe = head.getOutputStream()) {
            CliRun run = runWithStdout(pipe, "export", "--vault", "v-big");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).startsWith("goldsmith: Cannot write to standard output").hasLineCount(1);
        } catch (IOException closingABrokenPipe) {
            // closing flushes nothing new; a broken pipe here is expected
        } finally {
            assertThat(head.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theRealStdoutOnDevFullExitsOneAndSaysWhy() throws Exception {
        Process child = child("export", "--vault", "v-big").redirectOutput(Path.of("/dev/full").toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("child.err")))
                .isEqualTo("goldsmith: Cannot write to standard output: No space left on device." + System.lineSeparator());
    }

    @Test
    void theRealStdoutClosedEarlyLikeHeadExitsOne() throws Exception {
        Process child = child("export", "--vault", "v-big").redirectError(dir.resolve("child.err").toFile()).start();
        try (InputStream out = child.getInputStream()) {
            assertThat(out.readNBytes(100)).hasSize(100);
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("child.err")))
                .isEqualTo("goldsmith: Cannot write to standard output: Broken pipe." + System.lineSeparator());
    }

    @Test
    void anOutFileThatHitsTheSizeLimitExitsOneAndIsLeftAsItWas() throws Exception {
        Path target = Files.writeString(dir.resolve("v.json"), "the previous export");
        // ulimit -f counts 1024-byte blocks: 64 KB, where the export is about 1.2 MB. SQLite's native library (1 MB)
        // is given ready-made, as the child could not unpack it under that limit.
        Path nativeDir = Files.createDirectories(dir.resolve("native"));
        try (InputStream lib = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/org/sqlite/native/"
                + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so")) {
            assertThat(lib).as("SQLite's native library for this machine").isNotNull();
            Files.copy(lib, nativeDir.resolve("libsqlitejdbc.so"));
        }
        ProcessBuilder pb = child("-Dorg.sqlite.lib.path=" + nativeDir, "-Dorg.sqlite.lib.name=libsqlitejdbc.so",
                "export", "--vault", "v-big", "--out", target.toString());
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 64 && exec \"$@\"", "bash"));
        command.addAll(pb.command());
        Process child = pb.command(command).redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("child.err"))).isEqualTo("goldsmith: Cannot write " + target
                + ": File too large; the file was left as it was." + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("child.out"))).isEmpty();
        assertThat(Files.readString(target)).isEqualTo("the previous export");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".goldsmith-export-"));
        }
    }

    /**
     * A child JVM running Main, logging like the product (to a file in its data folder, not to the console as the
     * tests' logback configuration does); leading {@code -D} arguments go to the JVM, the rest to the command.
     */
    private ProcessBuilder child(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=logback.xml"));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            command.add(rest.remove(0));
        }
        command.addAll(List.of("dev.goldsmith.Main", "--db", db.toString()));
        command.addAll(rest);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        return pb;
    }
}
