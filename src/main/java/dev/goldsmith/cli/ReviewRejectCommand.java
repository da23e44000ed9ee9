package dev.goldsmith.cli;

import dev.goldsmith.review.Decision;
import dev.goldsmith.review.ReviewService;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code review reject BATCH_ID [--items ID,...] [--json]}: turn proposals down; the items stay as they are. */
@Command(name = "reject", description = "Reject proposals: their items stay as they are (all pending ones of the batch"
        + " unless --items is given).")
final class ReviewRejectCommand extends ReviewDecisionCommand {

    @Override
    Decision decide(ReviewService reviews, String batchId, List<String> itemIds) {
        return reviews.reject(batchId, itemIds);
    }
}
