package dev.goldsmith.ui.vault;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the items table shows: every word of the search must occur (case-insensitively) in the content or in
 * a keyword; a {@code null} type or tier means any.
 */
public record ItemFilter(List<String> words, ItemType type, QualityTier tier) {

    public ItemFilter {
        words = List.copyOf(words);
    }

    public static ItemFilter of(String search, ItemType type, QualityTier tier) {
        String text = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        return new ItemFilter(words, type, tier);
    }

    public boolean matches(VaultItem item) {
        if (type != null && item.type() != type || tier != null && item.tier() != tier) {
            return false;
        }
        if (words.isEmpty()) {
            return true;
        }
        String content = item.content().toLowerCase(Locale.ROOT);
        String keywords = String.join("\n", item.keywords()).toLowerCase(Locale.ROOT);
        return words.stream().allMatch(w -> content.contains(w) || keywords.contains(w));
    }
}
