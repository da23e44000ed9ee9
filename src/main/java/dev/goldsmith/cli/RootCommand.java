package dev.goldsmith.cli;

import dev.goldsmith.Services;
import dev.goldsmith.store.DataLocation;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code goldsmith [--db PATH] COMMAND}. Opens the database lazily, once, for the command that runs. */
@Command(name = "goldsmith", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        scope = ScopeType.INHERIT, // every command takes --help (and --version)
        description = "Improve career vaults with an AI model, in batches.",
        subcommands = {VaultsCommand.class, ItemsCommand.class, ImportCommand.class, ExportCommand.class,
                EnhanceCommand.class, StatusCommand.class, HistoryCommand.class, ResumeCommand.class,
                RetryFailedCommand.class, ProviderCheckCommand.class, EstimateCommand.class, ReviewCommand.class,
                RevertCommand.class, MigrateStoreCommand.class})
public final class RootCommand implements Runnable, AutoCloseable {

    @Option(names = "--db", paramLabel = "PATH|URL", scope = ScopeType.INHERIT,
            description = "The SQLite database file, or a team database postgresql://USER@HOST:PORT/DBNAME (password"
                    + " from PGPASSWORD or ~/.pgpass; default: $GOLDSMITH_DB, else the per-user data folder).")
    String db;

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private Services services;

    RootCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new InvalidInputException("a command is missing; run 'goldsmith --help' to list them.");
    }

    Services services() {
        if (services == null) {
            services = Services.open(location(), env, dataFolder(), Clock.systemUTC());
        }
        return services;
    }

    /** Where {@code --db} (else {@code GOLDSMITH_DB}, else the data folder) points; a bad one is invalid input. */
    StoreLocation location() {
        try {
            return DataLocation.store(db, env, dataFolder());
        } catch (StoreException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The per-user data folder, as {@code env} says ({@code XDG_DATA_HOME}, {@code APPDATA}). */
    Path dataFolder() {
        return DataLocation.dataFolder(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    dev.goldsmith.batch.BatchService batches() {
        return services().batches();
    }

    dev.goldsmith.batch.BatchDefaults defaults() {
        return services().batchDefaults();
    }

    /** Where API keys come from: this process's environment, else the saved key file. */
    dev.goldsmith.store.KeyLookup keys() {
        return services().keyLookup(env);
    }

    /** Starts, resumes and retries batches with the saved settings, the options given and the key. */
    dev.goldsmith.batch.BatchLauncher launcher() {
        return services().batchLauncher(env);
    }

    Map<String, String> env() {
        return env;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        services = null;
    }
}
