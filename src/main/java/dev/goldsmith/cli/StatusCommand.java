package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchItemRecord;
import dev.goldsmith.batch.BatchRecord;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code status BATCH_ID [--items] [--json]}. A live batch whose process died shows as interrupted. */
@Command(name = "status", description = "Show a batch's status (and, with --items, each item's outcome).")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "BATCH_ID")
    String batchId;

    @Option(names = "--items", description = "Include every item's outcome.")
    boolean items;

    @Option(names = "--json", description = "Print JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        BatchRecord b = root.batches().find(batchId).orElseThrow(() -> new InvalidInputException(
                "No batch with id '" + batchId + "'; run 'goldsmith history' to list them."));
        List<BatchItemRecord> list = items ? root.batches().items(batchId) : List.of();
        if (json) {
            CliJson.print(root.out(), items ? BatchJson.statusWithItems(b, list) : BatchJson.status(b));
            return Cli.OK;
        }
        var out = root.out();
        out.printf(Locale.ROOT, "Batch %s (%s of vault %s): %s, %d/%d processed (%.0f%%): ✓ %d = %d ✗ %d ↷ %d%n",
                TerminalText.visible(b.id()), b.operation().wireName(), TerminalText.visible(b.vaultId()),
                b.status().wireName(), b.processedItems(), b.totalItems(),
                b.progress(), b.successfulItems() - b.unchangedItems(), b.unchangedItems(), b.failedItems(),
                b.skippedItems());
        if (b.errorMessage() != null) {
            out.println("  " + TerminalText.visible(b.errorMessage()));
        }
        for (BatchItemRecord i : list) {
            out.printf(Locale.ROOT, "  %-24s %-9s attempts %d%s%s%n", TerminalText.visible(i.itemId()),
                    i.status().wireName(), i.attempts(),
                    i.httpStatus() != null ? "  HTTP " + i.httpStatus() : "",
                    i.lastError() != null ? "  " + TerminalText.visible(i.lastError()) : "");
        }
        return Cli.OK;
    }
}
