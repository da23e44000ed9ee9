package dev.goldsmith.vault;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One write-back of an item: its state before and after, the batch that made it (if any) and why.
 *
 * @param batchOperationId the batch that changed the item, or {@code null} (a revert, a manual edit)
 * @param reason           {@code batch}, {@code revert}, …
 */
public record ItemVersion(
        long id,
        String vaultId,
        String itemId,
        String batchOperationId,
        String content,
        QualityTier tier,
        List<String> keywords,
        Double confidenceScore,
        String newContent,
        QualityTier newTier,
        List<String> newKeywords,
        Double newConfidenceScore,
        String reason,
        Instant createdAt) {

    public static final String REASON_BATCH = "batch";
    public static final String REASON_REVERT = "revert";
    public static final String REASON_IMPORT = "import";

    public ItemVersion {
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(newTier, "newTier");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        newKeywords = newKeywords == null ? List.of() : List.copyOf(newKeywords);
    }
}
