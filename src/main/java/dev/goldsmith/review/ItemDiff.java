package dev.goldsmith.review;

import dev.goldsmith.store.ItemState;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.vault.QualityTier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that differs between an item's before and after, for the review screen, History's before/after and the
 * item history: the word-level diff of the content, the tier change, and the keywords added, removed and kept (in the
 * order they are listed; compared exactly, as they are stored).
 */
public record ItemDiff(List<WordDiff.Run> content, QualityTier tierBefore, QualityTier tierAfter,
                       List<String> keywordsAdded, List<String> keywordsRemoved, List<String> keywordsKept) {

    public ItemDiff {
        content = List.copyOf(content);
        Objects.requireNonNull(tierBefore, "tierBefore");
        Objects.requireNonNull(tierAfter, "tierAfter");
        keywordsAdded = List.copyOf(keywordsAdded);
        keywordsRemoved = List.copyOf(keywordsRemoved);
        keywordsKept = List.copyOf(keywordsKept);
    }

    public static ItemDiff of(String beforeContent, QualityTier beforeTier, List<String> beforeKeywords,
                              String afterContent, QualityTier afterTier, List<String> afterKeywords) {
        Set<String> before = new LinkedHashSet<>(beforeKeywords);
        Set<String> after = new LinkedHashSet<>(afterKeywords);
        List<String> added = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String k : after) {
            (before.contains(k) ? kept : added).add(k);
        }
        List<String> removed = before.stream().filter(k -> !after.contains(k)).toList();
        return new ItemDiff(WordDiff.of(beforeContent, afterContent), beforeTier, afterTier, added, removed, kept);
    }

    public static ItemDiff of(ItemState before, ItemState after) {
        return of(before.content(), before.tier(), before.keywords(), after.content(), after.tier(), after.keywords());
    }

    /** A proposal's diff: the item as it was when the proposal was made → what an accept writes. */
    public static ItemDiff of(Proposal p) {
        return of(p.before(), p.written());
    }

    public boolean contentChanged() {
        return content.stream().anyMatch(r -> r.kind() != WordDiff.Kind.EQUAL);
    }

    public boolean tierChanged() {
        return tierBefore != tierAfter;
    }

    public boolean keywordsChanged() {
        return !keywordsAdded.isEmpty() || !keywordsRemoved.isEmpty();
    }
}
