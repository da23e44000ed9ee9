package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code retry-failed BATCH_ID [engine options] [--json]}: a new batch of the failed items of an old one. */
@Command(name = "retry-failed", description = "Start a new batch of the failed items of a batch.")
final class RetryFailedCommand extends OldBatchCommand {

    @Override
    BatchHandle run(BatchService batches, String id, UnaryOperator<BatchSettings> adjust) {
        return batches.retryFailed(id, adjust);
    }
}
