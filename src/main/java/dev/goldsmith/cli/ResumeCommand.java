package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchLauncher;
import dev.goldsmith.batch.BatchSettings;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code resume BATCH_ID [engine options] [--json]}: continue a cancelled, interrupted or failed batch in place. */
@Command(name = "resume", description = "Continue a cancelled, interrupted or failed batch with its pending items.")
final class ResumeCommand extends OldBatchCommand {

    @Override
    BatchHandle run(BatchLauncher launcher, String id, UnaryOperator<BatchSettings> options) {
        return launcher.resume(id, BatchLauncher.Base.OWN, options);
    }
}
