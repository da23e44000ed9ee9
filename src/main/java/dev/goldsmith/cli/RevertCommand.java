package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchRequestException;
import dev.goldsmith.store.BatchRevert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code revert BATCH_ID [--json]}: every write-back of the batch reverted at once, in one transaction; an item changed
 * since the batch wrote it is left as it is and reported. JSON: {@code {batch_operation_id, reverted: [item_id…],
 * skipped: [{item_id, reason}]}}.
 */
@Command(name = "revert", description = "Give every item a batch wrote back its state from before the batch"
        + " (items changed since are left as they are and reported).")
final class RevertCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "BATCH_ID")
    String batchId;

    @Option(names = "--json", description = "Print {batch_operation_id, reverted, skipped} as JSON.")
    boolean json;

    @Override
    public Integer call() {
        BatchRevert done;
        try {
            done = root.batches().revert(batchId);
        } catch (BatchRequestException e) {
            throw new InvalidInputException(e.getMessage());
        }
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("batch_operation_id", done.batchId());
            o.put("reverted", done.reverted());
            List<Map<String, Object>> skipped = new ArrayList<>();
            for (BatchRevert.Skipped s : done.skipped()) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("item_id", s.itemId());
                k.put("reason", s.reason());
                skipped.add(k);
            }
            o.put("skipped", skipped);
            CliJson.print(root.out(), o);
            return Cli.OK;
        }
        int n = done.reverted().size();
        root.out().println(TerminalText.visible("Batch " + done.batchId() + " reverted: " + n
                + (n == 1 ? " item" : " items") + " restored" + (done.skipped().isEmpty() ? "."
                : ", " + done.skipped().size() + " left as " + (done.skipped().size() == 1 ? "it is:" : "they are:"))));
        if (!done.skipped().isEmpty()) {
            TextTable table = new TextTable("ITEM", "NOT REVERTED BECAUSE");
            done.skipped().forEach(s -> table.row(s.itemId(), s.reason()));
            table.print(root.out());
        }
        return Cli.OK;
    }
}
