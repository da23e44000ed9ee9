package dev.goldsmith.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code retry-failed BATCH_ID [engine options] [--json]}: a new batch of the failed items of an old one. */
@Command(name = "retry-failed", description = "Start a new batch of the failed items of a batch.")
final class RetryFailedCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "BATCH_ID")
    String batchId;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", description = "Print the final batch status as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        var handle = BatchCommands.start(() -> root.batches().retryFailed(batchId,
                stored -> BatchCommands.withKey(root, engine.applyTo(stored))));
        return BatchCommands.runToEnd(root, handle, json);
    }
}
