package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.Database;
import dev.goldsmith.store.TableSnapshot;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --out} writes only a regular file or a new path, and never the open database or its companion
 * files: anything else is refused with exit 2, one sentence naming the target, and nothing touched.
 */
class ExportTargetTest {

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void importAVault() throws IOException {
        db = dir.resolve("g.db");
        Path file = Files.writeString(dir.resolve("v.json"), VaultCommandsTest.FILE, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private Map<String, List<List<Object>>> contents() {
        return TableSnapshot.of(Database.open(db));
    }

    private void assertRefused(Path target, String why) throws IOException {
        var before = contents();
        byte[] dbBytes = Files.readAllBytes(db);
        CliRun run = CliRun.run(db, "export", "--vault", "v-jordan", "--out", target.toString());
        assertThat(run.exitCode()).as(target + ": " + run.err()).isEqualTo(2);
        assertThat(run.err()).as(target.toString()).isEqualTo("goldsmith: --out: " + target + " " + why
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllBytes(db)).as("the database file is untouched").isEqualTo(dbBytes);
        assertThat(contents()).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".goldsmith-export-"));
        }
    }

    @Test
    void theOpenDatabaseIsRefusedHoweverItIsNamed() throws IOException {
        String isDb = "is the open database; choose another file.";
        assertRefused(db, isDb);
        assertRefused(dir.resolve("sub/../g.db"), isDb);
        Files.createDirectory(dir.resolve("sub"));
        assertRefused(dir.resolve("sub/../g.db"), isDb);
        assertRefused(dir.resolve("./g.db"), isDb);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), db);
        assertRefused(link, isDb);
        Path folderLink = Files.createSymbolicLink(dir.resolve("here"), dir);
        assertRefused(folderLink.resolve("g.db"), isDb);
        Path hardLink = Files.createLink(dir.resolve("hard.json"), db);
        assertRefused(hardLink, isDb);
    }

    @Test
    void theDatabasesJournalAndWalFilesAreRefusedEvenWhenTheyDoNotExistYet() throws IOException {
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path companion = dir.resolve("g.db" + suffix);
            assertRefused(companion, "belongs to the open database " + db + "; choose another file.");
            assertThat(companion).as("not created").doesNotExist();
        }
    }

    @Test
    void aFolderIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out.json"));
        assertRefused(folder, "is a folder; give the path of a file to write.");
        assertThat(folder).isDirectory().isEmptyDirectory();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoASocketAndALinkToADeviceAreRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        // Opening a FIFO for writing blocks until a reader comes: this run finishing proves it was not opened.
        assertRefused(fifo, "is not a regular file (a device, a pipe or a socket); give the path of a file to write.");
        assertThat(Files.isRegularFile(fifo)).isFalse();

        Path socketFile = dir.resolve("s.json");
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(socketFile));
            assertRefused(socketFile, "is not a regular file (a device, a pipe or a socket); give the path of a file to "
                    + "write.");
        }

        Path device = Files.createSymbolicLink(dir.resolve("full.json"), Path.of("/dev/full"));
        assertRefused(device, "is not a regular file (a device, a pipe or a socket); give the path of a file to write.");
        assertThat(Files.isSymbolicLink(device)).as("the link is left as it was").isTrue();
    }

    @Test
    void aLinkToNothingIsRefused() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.json"), dir.resolve("nowhere/x.json"));
        assertRefused(dangling, "is a link to a file that does not exist; give the path of a file to write.");
        assertThat(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aRegularFileIsReplacedWholeAndALinkToOneKeepsTheLink() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.json"), "old");
        CliRun run = CliRun.run(db, "export", "--vault", "v-jordan", "--out", existing.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(existing)).contains("\"v-jordan\"");

        Path real = Files.writeString(dir.resolve("real.csv"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        assertThat(CliRun.run(db, "export", "--vault", "v-jordan", "--out", link.toString()).exitCode()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("id,type,content,quality_tier,keywords");
    }

    @Test
    void aMissingFolderIsRefused() throws IOException {
        Path target = dir.resolve("no/such/folder/v.json");
        assertRefused(target, "cannot be written: its folder " + dir.resolve("no/such/folder") + " does not exist.");
    }
}
