package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.vault.VaultItem;
import java.util.List;

/**
 * A batch about to be recorded: its items in order. For {@code enhance}, gold items are recorded as skipped.
 *
 * @param parentBatchId the batch whose failed items this one retries, or {@code null}
 */
public record NewBatch(String id, String userId, String vaultId, Operation operation, String metadata,
                       String parentBatchId, List<VaultItem> items) {
    public NewBatch {
        items = List.copyOf(items);
    }

    boolean skips(VaultItem item) {
        return Selection.skips(operation, item);
    }
}
