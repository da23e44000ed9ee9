package dev.goldsmith.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The API key saved from the settings screen: a file beside the database, readable by its owner only.
 * Never in the database, never in a log.
 */
public final class ApiKeyStore {

    public static final String FILE_NAME = "api-key";

    private final Path file;

    public ApiKeyStore(Path file) {
        this.file = file;
    }

    /** The key file that belongs with a database file. */
    public static ApiKeyStore beside(Path databaseFile) {
        return new ApiKeyStore(databaseFile.toAbsolutePath().resolveSibling(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    public Optional<String> read() {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            throw new StoreException("Cannot read the saved API key from " + file + ".", e);
        }
    }

    /** Saves the key, replacing the file atomically; the new file is owner-only from its creation. */
    public void write(String key) {
        if (key == null || key.isBlank()) {
            clear();
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, key.strip(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot save the API key to " + file + ".", e);
        }
    }

    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new StoreException("Cannot remove the saved API key " + file + ".", e);
        }
    }
}
