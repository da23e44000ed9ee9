package dev.goldsmith.vault;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a vault file from disk, for every road that imports one (the command line and the window). Every problem is
 * a {@link VaultFileException} whose message is one sentence naming the file: {@code bad.json: items[3].type: …},
 * {@code /home/me/vaults is a folder, not a vault file; …}.
 */
public final class VaultFiles {

    private VaultFiles() {
    }

    /** A JSON vault file: the vault and its items. */
    public static VaultFile readJson(Path file) {
        return read(file, null);
    }

    /** A CSV file of items, which go into {@code vault}. */
    public static VaultFile readCsv(Path file, Vault vault) {
        return read(file, vault);
    }

    private static VaultFile read(Path file, Vault csvVault) {
        requireReadable(file);
        String name = file.getFileName().toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return csvVault != null ? VaultCsv.read(in, csvVault) : VaultJson.read(in);
        } catch (VaultFileException e) {
            throw new VaultFileException(name + ": " + e.getMessage(), e);
        } catch (CharacterCodingException e) {
            throw new VaultFileException(name + ": not UTF-8 text; save the file as UTF-8.", e);
        } catch (IOException e) {
            throw new VaultFileException(file + ": cannot be read (" + e.getMessage() + ").", e);
        }
    }

    /** Refuses a path that is missing, a folder, or not a regular file (a device, a pipe), naming it. */
    public static void requireReadable(Path file) {
        if (Files.isDirectory(file)) {
            throw new VaultFileException(file + " is a folder, not a vault file; give the path of a .json or .csv file.");
        }
        if (!Files.exists(file)) {
            throw new VaultFileException(file + ": no such file.");
        }
        if (!Files.isRegularFile(file)) {
            throw new VaultFileException(file + " is not a regular file; give the path of a .json or .csv file.");
        }
    }
}
