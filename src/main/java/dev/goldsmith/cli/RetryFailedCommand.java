package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchLauncher;
import dev.goldsmith.batch.BatchSettings;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code retry-failed BATCH_ID [engine options] [--json]}: a new batch of the failed items of an old one. */
@Command(name = "retry-failed", description = "Start a new batch of the failed items of a batch.")
final class RetryFailedCommand extends OldBatchCommand {

    @Override
    BatchHandle run(BatchLauncher launcher, String id, UnaryOperator<BatchSettings> options) {
        return launcher.retryFailed(id, BatchLauncher.Base.OWN, options);
    }
}
