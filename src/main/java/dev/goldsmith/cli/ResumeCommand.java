package dev.goldsmith.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code resume BATCH_ID [engine options] [--json]}: continue a cancelled or interrupted batch in place. */
@Command(name = "resume", description = "Continue a cancelled or interrupted batch with its pending items.")
final class ResumeCommand implements Callable<Integer> {

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
        var handle = BatchCommands.start(() -> root.batches().resume(batchId,
                stored -> BatchCommands.withKey(root, engine.applyTo(stored))));
        return BatchCommands.runToEnd(root, handle, json);
    }
}
