package dev.goldsmith.ui.vault;

import dev.goldsmith.ui.Messages;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The loaded vault's summary texts: one badge per tier ("Gold 12") and a line of counts per type. */
final class VaultTally {

    private final Messages messages;
    private final Function<QualityTier, String> tierName;
    private final Function<ItemType, String> typeName;
    private final Map<QualityTier, ReadOnlyStringWrapper> tierBadges = new EnumMap<>(QualityTier.class);
    private final ReadOnlyStringWrapper typeSummary = new ReadOnlyStringWrapper();

    VaultTally(Messages messages, Function<QualityTier, String> tierName, Function<ItemType, String> typeName) {
        this.messages = messages;
        this.tierName = tierName;
        this.typeName = typeName;
        for (QualityTier tier : QualityTier.values()) {
            tierBadges.put(tier, new ReadOnlyStringWrapper());
        }
    }

    void update(Collection<ItemRow> rows) {
        Map<QualityTier, Integer> tiers = new EnumMap<>(QualityTier.class);
        Map<ItemType, Integer> types = new EnumMap<>(ItemType.class);
        for (ItemRow row : rows) {
            tiers.merge(row.item().tier(), 1, Integer::sum);
            types.merge(row.item().type(), 1, Integer::sum);
        }
        tierBadges.forEach((tier, text) -> text.set(
                messages.get("workspace.tierBadge", tierName.apply(tier), tiers.getOrDefault(tier, 0))));
        typeSummary.set(Stream.of(ItemType.values()).map(type -> messages.get("workspace.typeCount",
                typeName.apply(type), types.getOrDefault(type, 0))).collect(Collectors.joining("  ·  ")));
    }

    ReadOnlyStringProperty tierBadge(QualityTier tier) {
        return tierBadges.get(tier).getReadOnlyProperty();
    }

    ReadOnlyStringProperty typeSummary() {
        return typeSummary.getReadOnlyProperty();
    }
}
