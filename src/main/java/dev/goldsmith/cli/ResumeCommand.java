package dev.goldsmith.cli;

import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/** {@code resume BATCH_ID [engine options] [--json]}: continue a cancelled, interrupted or failed batch in place. */
@Command(name = "resume", description = "Continue a cancelled, interrupted or failed batch with its pending items.")
final class ResumeCommand extends OldBatchCommand {

    @Override
    BatchHandle run(BatchService batches, String id, UnaryOperator<BatchSettings> adjust) {
        return batches.resume(id, adjust);
    }
}
