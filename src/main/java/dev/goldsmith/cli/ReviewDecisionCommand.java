package dev.goldsmith.cli;

import dev.goldsmith.review.Decision;
import dev.goldsmith.review.ReviewRequestException;
import dev.goldsmith.review.ReviewService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code review accept|reject BATCH_ID [--items ID,...] [--json]}: one decision, one transaction. With {@code --items}
 * it is all or nothing (exit 2 naming the item that refuses it, nothing changed); without, every pending proposal of
 * the batch that still applies is decided and the stale ones are listed.
 */
abstract class ReviewDecisionCommand implements Callable<Integer> {

    @ParentCommand
    ReviewCommand review;

    @Parameters(paramLabel = "BATCH_ID")
    String batchId;

    @Option(names = "--items", paramLabel = "ID", split = ",", splitSynopsisLabel = ",", description = "Only these items' proposals"
            + " (all or nothing).")
    List<String> items;

    @Option(names = "--json", description = "Print {batch_operation_id, accepted, rejected, stale} as JSON.")
    boolean json;

    abstract Decision decide(ReviewService reviews, String batchId, List<String> itemIds);

    @Override
    public Integer call() {
        List<String> ids = items == null ? List.of() : items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items != null && ids.isEmpty()) {
            throw new InvalidInputException("--items is empty; give item ids separated by commas, e.g. --items pp-1,pp-2.");
        }
        Decision d;
        try {
            d = decide(review.reviews(), batchId, ids);
        } catch (ReviewRequestException e) {
            throw new InvalidInputException(e.getMessage());
        }
        RootCommand root = review.root;
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("batch_operation_id", d.batchId());
            o.put("accepted", d.accepted().size());
            o.put("rejected", d.rejected().size());
            o.put("stale", d.stale());
            CliJson.print(root.out(), o);
            return Cli.OK;
        }
        root.out().println(TerminalText.visible("Batch " + d.batchId() + ": " + d.accepted().size() + " accepted, "
                + d.rejected().size() + " rejected" + (d.stale().isEmpty() ? "." : "; " + d.stale().size()
                + " stale, never applied (their item changed after the proposal was made): "
                + String.join(", ", d.stale()) + ".")));
        return Cli.OK;
    }
}
