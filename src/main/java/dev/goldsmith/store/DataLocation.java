package dev.goldsmith.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Goldsmith keeps its data: the per-user data folder of the operating system, or what the user chose
 * with {@code --db PATH} / {@code GOLDSMITH_DB}.
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
