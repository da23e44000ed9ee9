package dev.goldsmith.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.store.TableSnapshot;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Import… and Export… on a real SQLite file, without the FX toolkit. */
class VaultFilesViewModelTest {

    @TempDir
    Path dir;

    private Services services;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private VaultWorkspaceViewModel workspace;
    private VaultFilesViewModel files;

    @BeforeEach
    void open() {
        services = TestVaults.jordan(dir);
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        Messages messages = Messages.load(Locale.ROOT);
        workspace = new VaultWorkspaceViewModel(services.vaults(), services.items(), executor, dialogs, messages);
        workspace.reload();
        files = new VaultFilesViewModel(services.vaultImporter(), services.vaultExporter(), workspace, executor,
                dialogs, messages);
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aBadFileIsRefusedWithOneSentenceNamingTheItemAndChangesNothing() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, """
                {"vault": {"id": "v-new", "name": "New"},
                 "items": [{"type": "power_phrase", "content": "Fine"},
                           {"type": "power_phrase", "content": "Shiny", "quality_tier": "platinum"}]}""");
        var before = TableSnapshot.of(services.database());
        dialogs.chooseFile(bad);

        files.importFile();

        assertThat(dialogs.errors).hasSize(1);
        String error = dialogs.errors.get(0);
        assertThat(error).startsWith("The file could not be imported: bad.json: items[1].quality_tier: 'platinum'")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(TableSnapshot.of(services.database())).isEqualTo(before);
        assertThat(workspace.vaults()).hasSize(2);
    }

    @Test
    void exportThenImportUnderAnExistingIdOffersMergeAndReloadsTheWorkspace() throws Exception {
        Path json = dir.resolve("jordan.json");
        dialogs.chooseFile(json);
        files.exportVault();
        assertThat(dialogs.infos).singleElement().asString().contains("6 items written");
        assertThat(Files.readString(json)).contains("\"v-jordan\"", "Calm under incident pressure");

        Files.writeString(json, Files.readString(json).replace("Calm under incident pressure", "Calm in incidents"));
        dialogs.chooseFile(json).answer(true);
        files.importFile();

        assertThat(dialogs.questions).singleElement().asString().contains("'v-jordan' already exists");
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos.get(1)).contains("0 added, 1 updated, 5 unchanged");
        assertThat(workspace.allItems()).extracting(r -> r.item().content()).contains("Calm in incidents");
    }

    @Test
    void aVaultFileHandedOverByTheDesktopIsImported() throws Exception {
        Path file = dir.resolve("riley.gsvault");
        Files.writeString(file, """
                {"vault": {"id": "v-riley", "name": "Riley Chen"},
                 "items": [{"id": "pp-1", "type": "power_phrase", "content": "Ran the on-call rota for 12 engineers"}]}""");

        files.importFile(file);

        assertThat(dialogs.errors).isEmpty();
        assertThat(services.items().list("v-riley")).singleElement()
                .satisfies(i -> assertThat(i.content()).isEqualTo("Ran the on-call rota for 12 engineers"));
    }

    @Test
    void csvExportAndImportGoIntoTheChosenVault() throws Exception {
        Path csv = dir.resolve("items.csv");
        dialogs.chooseFile(csv);
        files.exportVault();
        assertThat(Files.readString(csv)).startsWith("id,type,content,quality_tier,keywords");

        Files.writeString(csv, Files.readString(csv) + "pp-9,power_phrase,Shipped a new thing,bronze,shipping\r\n");
        dialogs.chooseFile(csv).answer(true);
        files.importFile();

        assertThat(dialogs.questions).singleElement().asString().contains("items.csv", "Jordan Lee");
        assertThat(dialogs.errors).isEmpty();
        assertThat(workspace.allItems()).extracting(r -> r.item().id()).contains("pp-9").hasSize(7);
    }

    @Test
    void exportRefusesTheOpenDatabaseLikeTheCommandLine() throws Exception {
        Path database = services.database().file();
        byte[] before = Files.readAllBytes(database);
        var rows = TableSnapshot.of(services.database());
        dialogs.chooseFile(database);

        files.exportVault();

        assertThat(dialogs.errors).singleElement().asString().contains(database + " is the open database");
        assertThat(dialogs.infos).isEmpty();
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(TableSnapshot.of(services.database())).isEqualTo(rows);
    }
}
