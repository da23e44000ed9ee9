package dev.goldsmith.ui.vault;

import dev.goldsmith.store.ImportResult;
import dev.goldsmith.store.VaultExistsException;
import dev.goldsmith.store.VaultExporter;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.DialogService.FileType;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFileException;
import dev.goldsmith.vault.VaultFiles;
import dev.goldsmith.vault.VaultFormat;
import dev.goldsmith.vault.VaultSummary;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File ▸ Import… and Export…: a JSON or CSV vault file (DESIGN §7), read and written off the FX thread. A JSON
 * file brings its own vault (merge is offered when that vault exists); a CSV file's items go into the vault
 * chosen in the workspace, after a confirmation. Errors name the file and the item, in one sentence.
 */
public final class VaultFilesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(VaultFilesViewModel.class);

    private final VaultImporter importer;
    private final VaultExporter exporter;
    private final VaultWorkspaceViewModel workspace;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    public VaultFilesViewModel(VaultImporter importer, VaultExporter exporter, VaultWorkspaceViewModel workspace,
                               TaskExecutor executor, DialogService dialogs, Messages messages) {
        this.importer = importer;
        this.exporter = exporter;
        this.workspace = workspace;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    private List<FileType> types() {
        return List.of(new FileType(messages.get("files.type.vault"), List.of("*.json", "*.csv")),
                new FileType(messages.get("files.type.json"), List.of("*.json")),
                new FileType(messages.get("files.type.csv"), List.of("*.csv")));
    }

    /** Asks for a file and imports it; the workspace reloads afterwards. */
    public void importFile() {
        dialogs.chooseFileToOpen(messages.get("files.import.title"), types()).ifPresent(this::importFile);
    }

    /** Imports a vault file (JSON, CSV or .gsvault) chosen elsewhere, e.g. double-clicked on the desktop. */
    public void importFile(Path file) {
        String name = file.getFileName().toString();
        LOG.info("importing {} from the window", file);
        if (VaultFormat.forFileName(name) == VaultFormat.JSON) {
            run(file, null, false);
            return;
        }
        VaultSummary target = workspace.selectedVaultProperty().get();
        if (target == null) {
            dialogs.showError(messages.get("files.import.failed"), messages.get("files.import.csvNeedsVault", name));
        } else if (dialogs.confirm(messages.get("files.import.csvTitle"),
                messages.get("files.import.csvConfirm", name, target.vault().name()))) {
            run(file, target.vault(), true);
        }
    }

    private void run(Path file, Vault csvVault, boolean merge) {
        executor.submit(() -> importer.importVault(read(file, csvVault), merge), this::imported, failure -> {
            if (failure instanceof VaultExistsException exists && !merge && dialogs.confirm(
                    messages.get("files.import.existsTitle"), messages.get("files.import.existsConfirm", exists.vaultId()))) {
                run(file, csvVault, true);
            } else if (!(failure instanceof VaultExistsException)) {
                dialogs.showError(messages.get("files.import.failed"), String.valueOf(failure.getMessage()));
            }
        });
    }

    private void imported(ImportResult r) {
        LOG.info("imported vault {} ({}{}): {} added, {} updated, {} unchanged", r.vaultId(), r.vaultName(),
                r.vaultCreated() ? ", new" : "", r.added(), r.updated(), r.unchanged());
        workspace.reload();
        dialogs.showInfo(messages.get("files.import.doneTitle"),
                messages.get("files.import.done", r.vaultName(), r.added(), r.updated(), r.unchanged()));
    }

    /** Reads a vault file; a bad one is refused with "name: items[3].type: …" and nothing is changed. */
    static VaultFile read(Path file, Vault csvVault) {
        return csvVault != null ? VaultFiles.readCsv(file, csvVault) : VaultFiles.readJson(file);
    }

    /** Asks for a file and writes the workspace's vault there, as CSV for a {@code .csv} name, else JSON. */
    public void exportVault() {
        VaultSummary chosen = workspace.selectedVaultProperty().get();
        if (chosen == null) {
            dialogs.showError(messages.get("files.export.failed"), messages.get("files.export.noVault"));
            return;
        }
        String id = chosen.vault().id();
        dialogs.chooseFileToSave(messages.get("files.export.title"), id + ".json", types())
                .ifPresent(file -> executor.submit(() -> write(id, file), count -> dialogs.showInfo(
                        messages.get("files.export.doneTitle"), messages.get("files.export.done", count, file)),
                        failure -> dialogs.showError(messages.get("files.export.failed"),
                                String.valueOf(failure.getMessage()))));
    }

    private int write(String vaultId, Path file) {
        VaultFile vault = exporter.export(vaultId).orElseThrow(() -> new VaultFileException(
                "The vault '" + vaultId + "' no longer exists."));
        exporter.writeFile(vault, VaultFormat.forFileName(file.getFileName().toString()), file);
        return vault.items().size();
    }
}
