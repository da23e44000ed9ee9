package dev.goldsmith.vault;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One career item. Immutable; a write-back produces a new record.
 *
 * @param confidenceScore 0..1, or {@code null} when unknown
 */
public record VaultItem(
        String id,
        String vaultId,
        ItemType type,
        String content,
        QualityTier tier,
        List<String> keywords,
        Double confidenceScore,
        Instant createdAt,
        Instant lastUpdatedAt) {

    public VaultItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tier, "tier");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
