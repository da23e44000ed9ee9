package dev.goldsmith.store;

import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.util.List;
import java.util.Objects;

/** What a person sees of an item — content, tier, keywords, confidence — without its identity or times. */
public record ItemState(String content, QualityTier tier, List<String> keywords, Double confidenceScore) {

    public ItemState {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tier, "tier");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public static ItemState of(VaultItem item) {
        return new ItemState(item.content(), item.tier(), item.keywords(), item.confidenceScore());
    }

    /** {@code item} with this state: what a write-back of it stores (its last update time is left to the write). */
    public VaultItem applyTo(VaultItem item) {
        return new VaultItem(item.id(), item.vaultId(), item.type(), content, tier, keywords, confidenceScore,
                item.createdAt(), null);
    }

    public ItemState withContent(String value) {
        return new ItemState(value, tier, keywords, confidenceScore);
    }
}
