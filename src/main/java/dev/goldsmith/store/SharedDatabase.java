package dev.goldsmith.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The team database chosen in Settings ("Shared database"): one line, the URL without a password, in the file
 * {@value #FILE_NAME} of this machine's data folder (owner-only, beside {@code api-key}). It cannot live in a database:
 * it says which database to open. {@code --db} and {@code GOLDSMITH_DB} win over it; without any of them the local file
 * is used.
 */
public final class SharedDatabase {

    public static final String FILE_NAME = "shared-database";

    private SharedDatabase() {
    }

    /** The saved team database, if one is saved; a file that no longer parses is reported, not ignored. */
    public static Optional<PostgresUrl> read(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return Optional.empty();
            }
            if (StoreLocation.parse(text, file.toString()) instanceof PostgresUrl url) {
                return Optional.of(url);
            }
            throw new StoreException(file + " does not hold a PostgreSQL URL; choose the shared database again in"
                    + " Settings, or delete the file to use the local one.");
        } catch (IOException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Saves the team database to open from the next start on; {@code null} goes back to the local file. */
    public static void save(Path dataFolder, PostgresUrl url) {
        Path file = dataFolder.resolve(FILE_NAME);
        try {
            if (url == null) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(dataFolder);
            Path tmp = dataFolder.resolve(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(dataFolder).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, url.label() + url.query() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot save the shared database to " + file + ".", e);
        }
    }
}
