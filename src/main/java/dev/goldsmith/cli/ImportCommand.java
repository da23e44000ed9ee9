package dev.goldsmith.cli;

import dev.goldsmith.store.ImportResult;
import dev.goldsmith.store.VaultExistsException;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFileException;
import dev.goldsmith.vault.VaultFiles;
import dev.goldsmith.vault.VaultFormat;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith import FILE [--vault ID --name NAME] [--merge]}: a JSON or CSV vault file (DESIGN §7), all or
 * nothing. For JSON, {@code --vault}/{@code --name} replace the file's vault id and name.
 */
@Command(name = "import", description = "Import a vault file (JSON, or CSV with --vault and --name), all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .json vault file, or a .csv file of items.")
    Path file;

    @Option(names = "--vault", paramLabel = "ID", description = "The vault id (required for CSV; overrides JSON's).")
    String vaultId;

    @Option(names = "--name", paramLabel = "NAME", description = "The vault name (required for a new CSV vault).")
    String name;

    @Option(names = "--merge", description = "Update an existing vault: upsert items by id, keep the others.")
    boolean merge;

    @Override
    public Integer call() {
        requireNotBlank("--vault", vaultId);
        requireNotBlank("--name", name);
        VaultFile vaultFile = read();
        ImportResult result;
        try {
            result = root.services().vaultImporter().importVault(vaultFile, merge);
        } catch (VaultExistsException e) {
            throw new InvalidInputException("A vault with id '" + e.vaultId() + "' already exists; add --merge to "
                    + "update its items, or give another id with --vault.");
        }
        root.out().printf("Imported %s into vault '%s' (%s): %d added, %d updated, %d unchanged.%n",
                TerminalText.visible(file.getFileName().toString()), TerminalText.visible(result.vaultId()),
                TerminalText.visible(result.vaultName()), result.added(), result.updated(), result.unchanged());
        return Cli.OK;
    }

    private VaultFile read() {
        try {
            VaultFiles.requireReadable(file);
            if (VaultFormat.forFileName(file.getFileName().toString()) == VaultFormat.CSV) {
                return VaultFiles.readCsv(file, csvVault());
            }
            VaultFile parsed = VaultFiles.readJson(file);
            return vaultId == null && name == null ? parsed : parsed.rebound(vaultId, name);
        } catch (VaultFileException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The vault a CSV file goes into: --vault and --name, or an existing vault's own name when merging. */
    private Vault csvVault() {
        if (vaultId == null) {
            throw new InvalidInputException(file.getFileName() + ": a CSV file holds no vault; give --vault ID and "
                    + "--name NAME.");
        }
        if (name != null) {
            Optional<Vault> existing = root.services().vaults().find(vaultId);
            return new Vault(vaultId, name, existing.map(Vault::owner).orElse(null), null, null);
        }
        Optional<Vault> existing = merge ? root.services().vaults().find(vaultId) : Optional.empty();
        return existing.orElseThrow(() -> new InvalidInputException(file.getFileName()
                + ": --name is missing; a new vault from a CSV file needs --vault ID and --name NAME."));
    }

    private static void requireNotBlank(String option, String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidInputException(option + ": '" + value + "' is blank; give some text.");
        }
    }
}
