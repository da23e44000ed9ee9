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
        return matches(item, searchable(item));
    }

    /**
     * {@link #matches(VaultItem)} with the item's {@link #searchable} text made beforehand: a search over 10,000
     * rows then lower-cases nothing per key typed.
     */
    public boolean matches(VaultItem item, String searchable) {
        if (type != null && item.type() != type || tier != null && item.tier() != tier) {
            return false;
        }
        for (String w : words) {
            if (!searchable.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** The item's content and keywords, lower case, one per line: what the search words are looked for in. */
    public static String searchable(VaultItem item) {
        return (item.content() + "\n" + String.join("\n", item.keywords())).toLowerCase(Locale.ROOT);
    }
}
