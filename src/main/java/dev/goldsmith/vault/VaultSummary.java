package dev.goldsmith.vault;

import java.util.Map;

/** A vault with its item counts, per tier and per type. */
public record VaultSummary(Vault vault, int itemCount, Map<QualityTier, Integer> tiers, Map<ItemType, Integer> types) {
    public VaultSummary {
        tiers = Map.copyOf(tiers);
        types = Map.copyOf(types);
    }

    public int count(QualityTier tier) {
        return tiers.getOrDefault(tier, 0);
    }

    public int count(ItemType type) {
        return types.getOrDefault(type, 0);
    }
}
