package dev.goldsmith.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the password of a team database comes from, in this order: {@code PGPASSWORD}; the password file libpq reads
 * ({@code PGPASSFILE}, else {@code ~/.pgpass}, on Windows {@code %APPDATA%\postgresql\pgpass.conf}); the owner-only
 * file the settings screen writes beside the API key ({@link #SAVED_FILE}, the same format). Never the command line,
 * a log or the database.
 *
 * <p>Password files are read as libpq reads them: lines {@code hostname:port:database:username:password}, {@code *}
 * matching anything, {@code \:} and {@code \\} escaping, {@code #} comments, the first matching line winning; and on
 * POSIX systems a file that its group or others may read is ignored (libpq: "permissions should be u=rw (0600) or
 * less") — the reason is kept, so a refused login can say why no password was sent.
 */
public final class PgPassword {

    /** The file the settings screen writes, beside {@code api-key} in the data folder. */
    public static final String SAVED_FILE = "team-db-password";

    /**
     * @param password the password, if one was found
     * @param source   where it came from ("PGPASSWORD", the file), for messages — never the password
     * @param notes    why a password file was passed over (too open, unreadable)
     */
    public record Lookup(Optional<String> password, String source, List<String> notes) {
    }

    private PgPassword() {
    }

    /** Finds the password for {@code url}. */
    public static Lookup find(PostgresUrl url, Map<String, String> env, Path savedFile) {
        List<String> notes = new ArrayList<>();
        String fromEnv = env.get("PGPASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Lookup(Optional.of(fromEnv), "PGPASSWORD", notes);
        }
        for (Path file : passwordFiles(env, savedFile)) {
            Optional<String> found = lookIn(file, url, notes);
            if (found.isPresent()) {
                return new Lookup(found, file.toString(), notes);
            }
        }
        return new Lookup(Optional.empty(), null, notes);
    }

    static List<Path> passwordFiles(Map<String, String> env, Path savedFile) {
        List<Path> files = new ArrayList<>();
        String explicit = env.get("PGPASSFILE");
        if (explicit != null && !explicit.isBlank()) {
            files.add(Path.of(explicit));
        } else if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win")) {
            String appData = env.get("APPDATA");
            if (appData != null && !appData.isBlank()) {
                files.add(Path.of(appData, "postgresql", "pgpass.conf"));
            }
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            files.add(Path.of(home, ".pgpass"));
        }
        if (savedFile != null) {
            files.add(savedFile);
        }
        return files;
    }

    private static Optional<String> lookIn(Path file, PostgresUrl url, List<String> notes) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            notes.add(file + " is not a regular file, so it was not read");
            return Optional.empty();
        }
        if (!ownerOnly(file)) {
            notes.add(file + " was ignored because its group or others may read it (chmod 600 " + file + ")");
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            notes.add(file + " could not be read (" + e.getMessage() + ")");
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() < 5) {
                continue; // libpq skips a line it cannot read
            }
            if (matches(fields.get(0), url.host()) && matches(fields.get(1), Integer.toString(url.port()))
                    && matches(fields.get(2), url.database()) && matches(fields.get(3), url.user())) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    /** libpq: a field of {@code *} matches anything; otherwise the text must be equal. */
    private static boolean matches(String field, String value) {
        return field.equals("*") || field.equals(value);
    }

    /**
     * Splits a line on unescaped colons; {@code \x} stands for x. As in libpq, the password (the fifth field) ends at
     * the next unescaped colon, if there is one.
     */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (ch == ':') {
                fields.add(current.toString());
                current.setLength(0);
                if (fields.size() == 5) {
                    return fields;
                }
            } else {
                current.append(ch);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    /** As libpq: on POSIX the file must give its group and others no permission at all. */
    static boolean ownerOnly(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            return perms.stream().noneMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"));
        } catch (UnsupportedOperationException e) {
            return true; // Windows: libpq does not check either
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Saves the password for {@code url} in the owner-only {@code file} (what the settings screen does): one line in
     * the password-file format, replacing any earlier line for the same server, database and user. The file is
     * replaced atomically and is owner-only from its creation.
     */
    public static void save(Path file, PostgresUrl url, String password) {
        try {
            List<String> kept = new ArrayList<>();
            String key = escape(url.host()) + ":" + url.port() + ":" + escape(url.database()) + ":" + escape(url.user()) + ":";
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.startsWith(key)) {
                        kept.add(line);
                    }
                }
            }
            if (password != null && !password.isEmpty()) {
                kept.add(0, key + escape(password));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.write(tmp, kept, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot save the database password to " + file + ".", e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(":", "\\:");
    }
}
