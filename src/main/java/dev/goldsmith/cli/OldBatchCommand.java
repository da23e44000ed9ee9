package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchLauncher;
import dev.goldsmith.batch.BatchSettings;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A command that runs an existing batch again ({@code resume}, {@code retry-failed}): the batch's own settings,
 * adjusted by the engine options given, with the API key from the environment or the settings store.
 */
abstract class OldBatchCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(paramLabel = "BATCH_ID")
    String batchId;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", description = "Print the final batch status as JSON on stdout.")
    boolean json;

    abstract BatchHandle run(BatchLauncher launcher, String id, UnaryOperator<BatchSettings> options);

    @Override
    public Integer call() {
        var handle = BatchCommands.start(() -> run(root.launcher(), batchId, BatchCommands.options(root, engine)));
        return BatchCommands.runToEnd(root, handle, json);
    }
}
