package dev.goldsmith.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where Goldsmith keeps its data: the per-user data folder of the operating system, or what the user chose
 * with {@code --db PATH|URL} / {@code GOLDSMITH_DB} — a file, or a PostgreSQL URL for a team store ({@link StoreLocation}).
 */
public final class DataLocation {

    public static final String DB_ENV = "GOLDSMITH_DB";
    public static final String DB_FILE = "goldsmith.db";
    public static final String DB_PROPERTY = "goldsmith.db";

    private DataLocation() {
    }

    /** The data folder for this user: {@code $XDG_DATA_HOME/goldsmith}, {@code %APPDATA%\Goldsmith}, … */
    public static Path dataFolder(Map<String, String> env, String osName, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData/Roaming"))
                    .resolve("Goldsmith");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Goldsmith");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
        return base.resolve("goldsmith");
    }

    public static Path dataFolder() {
        return dataFolder(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    /**
     * The store: {@code explicit} ({@code --db}) if given, else {@code GOLDSMITH_DB}, else the shared database chosen in
     * Settings ({@link SharedDatabase}), else the data folder's file.
     *
     * @throws StoreException one sentence when the text given is neither a file path nor a PostgreSQL URL
     */
    public static StoreLocation store(String explicit, Map<String, String> env, Path dataFolder) {
        if (explicit != null) {
            return StoreLocation.parse(explicit, "--db");
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return StoreLocation.parse(fromEnv, DB_ENV);
        }
        Optional<PostgresUrl> shared = SharedDatabase.read(dataFolder);
        if (shared.isPresent()) {
            return shared.get();
        }
        return new StoreLocation.SqliteFile(dataFolder.resolve(DB_FILE));
    }

    /**
     * The store for this process (the window): the system property {@code goldsmith.db} (for launchers and tests),
     * else {@code GOLDSMITH_DB}, else the data folder's file.
     */
    public static StoreLocation store() {
        String property = System.getProperty(DB_PROPERTY);
        if (property != null && !property.isBlank()) {
            return StoreLocation.parse(property, "-D" + DB_PROPERTY);
        }
        return store(null, System.getenv(), dataFolder());
    }

    /** The database file: the explicit path if given, else {@code GOLDSMITH_DB}, else the data folder's. */
    public static Path databaseFile(Path explicit, Map<String, String> env, Path dataFolder) {
        if (explicit != null) {
            return explicit.toAbsolutePath();
        }
        String fromEnv = env.get(DB_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return dataFolder.resolve(DB_FILE);
    }

    /**
     * The database file for this process: {@code --db}, else the system property {@code goldsmith.db} (for
     * launchers and tests), else {@code GOLDSMITH_DB}, else the data folder's.
     */
    public static Path databaseFile(Path explicit) {
        String property = System.getProperty(DB_PROPERTY);
        Path chosen = explicit != null ? explicit : property != null && !property.isBlank() ? Path.of(property) : null;
        return databaseFile(chosen, System.getenv(), dataFolder());
    }
}
