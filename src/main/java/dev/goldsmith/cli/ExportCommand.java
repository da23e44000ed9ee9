package dev.goldsmith.cli;

import dev.goldsmith.store.ExportRefusedException;
import dev.goldsmith.store.VaultExporter;
import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFileException;
import dev.goldsmith.vault.VaultFormat;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith export --vault ID [--format json|csv] [--out FILE]}: the vault file of DESIGN §7, UTF-8, on
 * stdout or into FILE (written whole or not at all, never over the database or anything but a regular file). The
 * format defaults to FILE's extension, else JSON. A write that fails (a full disk, a closed pipe) exits 1.
 */
@Command(name = "export", description = "Write a vault as a JSON or CSV vault file, to stdout or --out FILE.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--vault", paramLabel = "ID", required = true, description = "The vault's id.")
    String vaultId;

    @Option(names = "--format", paramLabel = "json|csv",
            description = "json (the default) or csv; without it, --out's extension decides.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout (a regular file, "
            + "replaced whole if it exists; never the database).")
    Path out;

    @Override
    public Integer call() {
        VaultFormat chosen = format();
        VaultExporter exporter = root.services().vaultExporter();
        try {
            if (out != null) {
                exporter.checkTarget(out);
            }
            VaultFile vault = exporter.export(vaultId).orElseThrow(() -> Errors.noSuchVault(vaultId));
            if (chosen == VaultFormat.CSV) {
                checkCsv(vault);
            }
            if (out == null) {
                VaultExporter.write(vault, chosen, root.out());
                root.out().flush();
                return Cli.OK;
            }
            exporter.writeFile(vault, chosen, out);
            root.out().printf("Exported %d items of vault '%s' to %s.%n", vault.items().size(),
                    TerminalText.visible(vaultId), TerminalText.visible(out.toString()));
            return Cli.OK;
        } catch (ExportRefusedException e) {
            throw new InvalidInputException("--out: " + e.getMessage());
        }
    }

    private void checkCsv(VaultFile vault) {
        try {
            VaultCsv.checkWritable(vault.items());
        } catch (VaultFileException e) {
            throw new InvalidInputException("Vault '" + vaultId + "' cannot be written as CSV: " + e.getMessage());
        }
    }

    private VaultFormat format() {
        if (format != null) {
            return VaultFormat.fromWire(format).orElseThrow(() -> new InvalidInputException(
                    "--format: '" + format + "' is not one of json, csv."));
        }
        return out != null && out.getFileName() != null ? VaultFormat.forFileName(out.getFileName().toString())
                : VaultFormat.JSON;
    }
}
