package dev.goldsmith.cli;

import dev.goldsmith.Services;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.HistoryQuery;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.PostgresUrl;
import dev.goldsmith.store.StoreCopy;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith migrate-store --from FILE --to URL [--json]}: copies a local database into an empty team database,
 * all or nothing, and says how many rows of each kind it copied.
 */
@Command(name = "migrate-store", description = "Copy a local database file into an empty team database (PostgreSQL),"
        + " all or nothing.")
final class MigrateStoreCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "The local SQLite database file.")
    Path from;

    @Option(names = "--to", paramLabel = "URL", required = true,
            description = "The team database, postgresql://USER@HOST:PORT/DBNAME (password from PGPASSWORD or ~/.pgpass).")
    String to;

    @Option(names = "--json", description = "Print the counts as a JSON object.")
    boolean json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(from)) {
            throw new InvalidInputException("--from " + from + ": no such database file.");
        }
        StoreLocation target;
        try {
            target = StoreLocation.parse(to, "--to");
        } catch (StoreException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (!(target instanceof PostgresUrl)) {
            throw new InvalidInputException("--to must be a PostgreSQL URL (postgresql://USER@HOST:PORT/DBNAME), not a file;"
                    + " to copy a file, copy the file.");
        }
        StoreCopy.Counts counts;
        try (Services source = openSource()) {
            refuseRunning(source);
            Database team = Database.open(target, root.env(), root.dataFolder());
            try {
                counts = StoreCopy.copy(source.database(), team);
            } catch (StoreException e) {
                if (e.getMessage().contains("already holds data")) {
                    throw new InvalidInputException(e.getMessage());
                }
                throw e;
            } finally {
                team.close();
            }
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", from.toAbsolutePath().toString());
            out.put("to", target.label());
            counts.rows().forEach(out::put);
            CliJson.print(root.out(), out);
        } else {
            root.out().printf("Copied %d vaults, %d items, %d batches (%d batch items), %d versions, %d proposals and"
                            + " %d settings from %s to %s.%n", counts.of("vaults"), counts.of("vault_items"),
                    counts.of("batch_operations"), counts.of("batch_items"), counts.of("item_versions"),
                    counts.of("proposals"), counts.of("settings"), from.toAbsolutePath(), target.label());
        }
        return Cli.OK;
    }

    /** The file to copy; one that cannot be opened is named as {@code --from}'s, not {@code --db}'s. */
    private Services openSource() {
        try {
            return Services.open(from, Clock.systemUTC());
        } catch (StoreException e) {
            throw new StoreException(String.valueOf(e.getMessage()).replace("choose another file with --db.",
                    "choose another file with --from."), e);
        }
    }

    /** A batch still running on the file would go on writing there, not in the copy: refused (a dead one reads interrupted). */
    private void refuseRunning(Services source) {
        List<BatchRecord> live = source.batches().history(new HistoryQuery(EnumSet.of(BatchStatus.PENDING,
                BatchStatus.PROCESSING, BatchStatus.PAUSED), null, null, null, null, null, 0)).stream()
                .filter(b -> b.status().isLive()).toList();
        if (!live.isEmpty()) {
            throw new InvalidInputException("Batch " + live.get(0).id() + " is still running on " + from
                    + "; let it finish or cancel it, then copy the store.");
        }
    }
}
