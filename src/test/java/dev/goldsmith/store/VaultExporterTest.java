package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.vault.NastyItems;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The one vault file writer: its target rule holds for every caller, not only for the export command. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class VaultExporterTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;
    Database db;
    VaultExporter exporter;
    VaultFile vault;

    @BeforeEach
    void open() {
        db = store.fresh(dir, "g.db").open();
        vault = new VaultFile(new Vault("v", "V", null, null, null), NastyItems.items("v", true));
        new VaultImporter(db, Clock.systemUTC()).importVault(vault, false);
        exporter = new VaultExporter(db);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void devicesAreRefusedBeforeAnythingIsOpened() {
        // Only the check runs here: nothing could write to the device even if the rule were broken.
        for (String device : new String[] {"/dev/full", "/dev/null"}) {
            assertThatThrownBy(() -> exporter.checkTarget(Path.of(device))).isInstanceOf(ExportRefusedException.class)
                    .hasMessage(device + " is not a regular file (a device, a pipe or a socket); give the path of a "
                            + "file to write.");
        }
    }

    @Test
    void writingStraightToTheDatabaseOrItsLogIsRefusedInAnyCase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(store == StoreKind.SQLITE, "a team store has no file here to protect");
        byte[] before = Files.readAllBytes(db.file());
        for (String name : new String[] {"g.db", "G.DB", "g.db-wal", "G.db-WAL", "g.db-shm", "g.db-journal"}) {
            assertThatThrownBy(() -> exporter.writeFile(vault, VaultFormat.JSON, dir.resolve(name)))
                    .as(name).isInstanceOf(ExportRefusedException.class).hasMessageContaining("open database");
        }
        assertThat(Files.readAllBytes(db.file())).isEqualTo(before);
    }

    @Test
    void aFileIsWrittenWholeAndNoTemporaryFileIsLeft() throws Exception {
        Path target = dir.resolve("v.json");
        exporter.writeFile(vault, VaultFormat.JSON, target);
        assertThat(Files.readString(target)).startsWith("{").endsWith("}\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
