package dev.goldsmith.batch;

import dev.goldsmith.vault.QualityTier;
import java.time.Instant;
import java.util.List;

/** Before and after of one item a batch wrote back (from {@code item_versions}). */
public record ItemChange(long versionId, String itemId, String beforeContent, QualityTier beforeTier,
                         List<String> beforeKeywords, String afterContent, QualityTier afterTier,
                         List<String> afterKeywords, Instant at) {
    public ItemChange {
        beforeKeywords = List.copyOf(beforeKeywords);
        afterKeywords = List.copyOf(afterKeywords);
    }
}
