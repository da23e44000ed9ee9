package dev.goldsmith;

import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.batch.BatchDefaults;
import dev.goldsmith.batch.BatchLauncher;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.EngineEnvironment;
import dev.goldsmith.review.ReviewService;
import dev.goldsmith.store.ApiKeyStore;
import dev.goldsmith.store.DataLocation;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.KeyLookup;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.SettingsRepository;
import dev.goldsmith.store.StoreLocation;
import dev.goldsmith.store.VaultExporter;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.store.VaultRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The composition root shared by the window and the command line: the database and the services on it.
 * Built once per process; handed to the command line's commands and the window's view models.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final Path keyFolder;
    private final Clock clock;
    private final VaultRepository vaults;
    private final ItemRepository items;
    private final ItemVersionRepository itemVersions;
    private final SettingsRepository settings;
    private BatchService batches;
    private final VaultImporter vaultImporter;
    private final VaultExporter vaultExporter;

    private Services(Database database, Path keyFolder, Clock clock) {
        this.database = database;
        this.keyFolder = keyFolder;
        this.clock = clock;
        this.vaults = new VaultRepository(database, clock);
        this.items = new ItemRepository(database, clock);
        this.itemVersions = new ItemVersionRepository(database, clock);
        this.settings = new SettingsRepository(database, clock);
        this.vaultImporter = new VaultImporter(database, clock);
        this.vaultExporter = new VaultExporter(database);
    }

    public static Services open(Path databaseFile, Clock clock) {
        Database db = Database.open(databaseFile);
        return new Services(db, db.file().getParent(), clock);
    }

    /**
     * Opens the store at {@code location}: an SQLite file (its API key file beside it), or a team database on
     * PostgreSQL (its password from {@code env}'s {@code PGPASSWORD}, {@code ~/.pgpass} or the file Settings saved in
     * {@code dataFolder}, where the API key file lives too).
     */
    public static Services open(StoreLocation location, Map<String, String> env, Path dataFolder, Clock clock) {
        Database db = Database.open(location, env, dataFolder);
        return new Services(db, db.file() != null ? db.file().getParent() : dataFolder, clock);
    }

    /** The store for this process (the window): {@code goldsmith.db}, {@code GOLDSMITH_DB} or the data folder's file. */
    public static Services open(Clock clock) {
        return open(DataLocation.store(), System.getenv(), DataLocation.dataFolder(), clock);
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public VaultRepository vaults() {
        return vaults;
    }

    public ItemRepository items() {
        return items;
    }

    public ItemVersionRepository itemVersions() {
        return itemVersions;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** Provider and engine settings saved from the settings screen. */
    public BatchDefaults batchDefaults() {
        return new BatchDefaults(settings);
    }

    /**
     * The API key saved from the settings screen, in an owner-only file beside the database (for a team database: in
     * this machine's data folder — never in the shared database).
     */
    public ApiKeyStore apiKeyStore() {
        return new ApiKeyStore(keyFolder.resolve(ApiKeyStore.FILE_NAME));
    }

    /** Where the settings screen saves the team database's password (owner-only, beside the API key file). */
    public Path databasePasswordFile() {
        return keyFolder.resolve(dev.goldsmith.store.PgPassword.SAVED_FILE);
    }

    /** Where API keys come from, for both faces: the environment {@code env}, else the key saved beside the database. */
    public KeyLookup keyLookup(Map<String, String> env) {
        return new KeyLookup(apiKeyStore(), env);
    }

    /** Starting, resuming and retrying batches with saved settings, overrides and the key from {@code env}. */
    public BatchLauncher batchLauncher(Map<String, String> env) {
        return new BatchLauncher(this::batches, batchDefaults(), keyLookup(env));
    }

    /** The batch engine on real threads, built on first use. */
    public synchronized BatchService batches() {
        if (batches == null) {
            batches = new BatchService(database, Enhancers::create, EngineEnvironment.threads(clock), Version.current());
        }
        return batches;
    }

    /** Cancels batches still running (they stay resumable) and stops the engine's threads. */
    @Override
    public synchronized void close() {
        if (batches != null) {
            batches.close();
            batches = null;
        }
        database.close();
    }

    /** Deciding review mode's proposals: accept, reject, accept with edits. */
    public ReviewService reviews() {
        return new ReviewService(database, clock);
    }

    public VaultImporter vaultImporter() {
        return vaultImporter;
    }

    public VaultExporter vaultExporter() {
        return vaultExporter;
    }
}
