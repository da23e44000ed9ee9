package dev.goldsmith.cli;

import dev.goldsmith.ai.Operation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enhance --vault ID [--items ID,...] [engine options] [--json]}. */
@Command(name = "enhance", description = "Run a batch over a vault's items (all of them unless --items is given).")
final class EnhanceCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--vault", required = true, paramLabel = "ID", description = "The vault.")
    String vault;

    @Option(names = "--items", paramLabel = "ID", split = ",", splitSynopsisLabel = ",", description = "Only these items.")
    List<String> items;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", description = "Print the final batch status as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        List<String> ids = items == null ? List.of() : items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items != null && ids.isEmpty()) {
            throw new InvalidInputException("--items is empty; give item ids separated by commas, e.g. --items pp-1,pp-2.");
        }
        // the saved settings, then the options given (--operation among them), then the key
        var handle = BatchCommands.start(() -> root.launcher().start(vault, ids, Operation.ENHANCE,
                BatchCommands.options(root, engine)));
        return BatchCommands.runToEnd(root, handle, json);
    }

}
