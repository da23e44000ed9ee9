package dev.goldsmith.store;

import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether an item is still as it was at some earlier moment — when its call was sent, when a proposal was made for
 * it — and if not, what changed, in a person's words. The one test for "changed since" on every path: the engine's
 * write-back, review's accept, a batch revert.
 */
public final class ItemChanges {

    private ItemChanges() {
    }

    /**
     * What of {@code current} differs from {@code then}: content, tier, keywords, confidence score, and — when those
     * are all the same — the time it was last updated (an edit undone by hand, a revert). Empty when nothing does.
     */
    public static List<String> since(VaultItem then, VaultItem current) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(then.content(), current.content())) {
            changed.add("content");
        }
        if (then.tier() != current.tier()) {
            changed.add("tier " + then.tier().wireName() + " → " + current.tier().wireName());
        }
        if (!Objects.equals(then.keywords(), current.keywords())) {
            changed.add("keywords");
        }
        if (!Objects.equals(then.confidenceScore(), current.confidenceScore())) {
            changed.add("confidence score");
        }
        if (changed.isEmpty() && !Objects.equals(then.lastUpdatedAt(), current.lastUpdatedAt())) {
            changed.add("updated at " + current.lastUpdatedAt());
        }
        return changed;
    }
}
