package dev.goldsmith.cli;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.HistoryQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code history [--status S] [--limit N] [--json]}, newest first. */
@Command(name = "history", description = "List batches, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--status", paramLabel = "S", description = "Only batches in this status.")
    String status;

    @Option(names = "--vault", paramLabel = "ID", description = "Only batches of this vault.")
    String vault;

    @Option(names = "--operation", paramLabel = "enhance|keyword_suggest", completionCandidates = OperationNames.class,
            description = "Only this operation.")
    String operation;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N batches (0 = all; default 20).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array on stdout.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new InvalidInputException("--limit cannot be negative, not " + limit + ".");
        }
        Set<BatchStatus> statuses = status == null ? Set.of() : Set.of(BatchStatus.fromWire(status).orElseThrow(() ->
                new InvalidInputException("--status must be one of " + Arrays.stream(BatchStatus.values())
                        .map(BatchStatus::wireName).collect(Collectors.joining(", ")) + ", not '" + status + "'.")));
        Operation op = operation == null ? null : OperationNames.parse(operation);
        List<BatchRecord> batches = root.batches().history(new HistoryQuery(statuses, op, vault, null, null, null, limit));
        if (json) {
            CliJson.print(root.out(), BatchJson.history(batches));
            return Cli.OK;
        }
        if (batches.isEmpty()) {
            root.out().println("No batches yet.");
        }
        for (BatchRecord b : batches) {
            root.out().printf(Locale.ROOT, "%s  %-16s %-11s %-15s %5d items  ✓%d =%d ✗%d ↷%d  %s%n",
                    TerminalText.visible(b.id()),
                    b.createdAt().toString().substring(0, 19).replace('T', ' '), b.status().wireName(),
                    b.operation().wireName(), b.totalItems(), b.successfulItems() - b.unchangedItems(),
                    b.unchangedItems(), b.failedItems(), b.skippedItems(), TerminalText.visible(b.vaultId()));
        }
        return Cli.OK;
    }
}
