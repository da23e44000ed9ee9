package dev.goldsmith.cli;

import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFileException;
import dev.goldsmith.vault.VaultFormat;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith export --vault ID [--format json|csv] [--out FILE]}: the vault file of DESIGN §7, UTF-8, on
 * stdout or into FILE (written whole or not at all). The format defaults to FILE's extension, else JSON.
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout (replaced if it exists).")
    Path out;

    @Override
    public Integer call() throws IOException {
        VaultFormat chosen = format();
        Path target = out == null ? null : out.toAbsolutePath();
        if (target != null && (target.getParent() == null || !Files.isDirectory(target.getParent()))) {
            throw new InvalidInputException("--out: the folder of " + out + " does not exist.");
        }
        VaultFile vault = root.services().vaultExporter().export(vaultId)
                .orElseThrow(() -> Errors.noSuchVault(vaultId));
        if (chosen == VaultFormat.CSV) {
            try {
                VaultCsv.checkWritable(vault.items());
            } catch (VaultFileException e) {
                throw new InvalidInputException("Vault '" + vaultId + "' cannot be written as CSV: " + e.getMessage());
            }
        }
        if (target == null) {
            write(vault, chosen, root.out());
            return Cli.OK;
        }
        Path temp = Files.createTempFile(target.getParent(), ".goldsmith-export-", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(vault, chosen, w);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        root.out().printf("Exported %d items of vault '%s' to %s.%n", vault.items().size(), vaultId, out);
        return Cli.OK;
    }

    private VaultFormat format() {
        if (format != null) {
            return VaultFormat.fromWire(format).orElseThrow(() -> new InvalidInputException(
                    "--format: '" + format + "' is not one of json, csv."));
        }
        return out != null ? VaultFormat.forFileName(out.getFileName().toString()) : VaultFormat.JSON;
    }

    private static void write(VaultFile vault, VaultFormat format, Writer w) {
        try {
            if (format == VaultFormat.CSV) {
                VaultCsv.write(vault.items(), w);
            } else {
                VaultJson.write(vault, w);
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
