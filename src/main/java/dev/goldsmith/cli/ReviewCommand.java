package dev.goldsmith.cli;

import dev.goldsmith.review.ReviewService;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code review list|accept|reject}: the proposals of batches run with {@code --review}. */
@Command(name = "review", description = "List, accept or reject the proposals of batches run with --review.",
        subcommands = {ReviewListCommand.class, ReviewAcceptCommand.class, ReviewRejectCommand.class})
final class ReviewCommand implements Runnable {

    @ParentCommand
    RootCommand root;

    @Override
    public void run() {
        throw new InvalidInputException("review needs a command: list, accept or reject; run 'goldsmith review --help'.");
    }

    ReviewService reviews() {
        return root.services().reviews();
    }
}
