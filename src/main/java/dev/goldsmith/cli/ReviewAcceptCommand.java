package dev.goldsmith.cli;

import dev.goldsmith.review.Decision;
import dev.goldsmith.review.ReviewService;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code review accept BATCH_ID [--items ID,...] [--json]}: write proposals back, each with its version row. */
@Command(name = "accept", description = "Accept proposals: write them to their items (all pending ones of the batch"
        + " unless --items is given; stale ones are never applied).")
final class ReviewAcceptCommand extends ReviewDecisionCommand {

    @Override
    Decision decide(ReviewService reviews, String batchId, List<String> itemIds) {
        return reviews.accept(batchId, itemIds);
    }
}
