package dev.goldsmith;

import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.SettingsRepository;
import dev.goldsmith.store.VaultRepository;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root shared by the window and the command line: the database and the services on it.
 * Built once per process; handed to the command line's commands and the window's view models.
 */
public final class Services {

    private final Database database;
    private final Clock clock;
    private final VaultRepository vaults;
    private final ItemRepository items;
    private final ItemVersionRepository itemVersions;
    private final SettingsRepository settings;

    private Services(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.vaults = new VaultRepository(database, clock);
        this.items = new ItemRepository(database, clock);
        this.itemVersions = new ItemVersionRepository(database, clock);
        this.settings = new SettingsRepository(database, clock);
    }

    public static Services open(Path databaseFile, Clock clock) {
        return new Services(Database.open(databaseFile), clock);
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
}
