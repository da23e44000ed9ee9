package dev.goldsmith.ui.review;

import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.review.WordDiff;
import dev.goldsmith.review.WordDiff.Kind;
import dev.goldsmith.review.WordDiff.Run;
import dev.goldsmith.ui.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * What a diff view shows of an {@link ItemDiff}, in words and without the toolkit: the content's runs, the tier line
 * ("Tier: Bronze → Silver"), and the keywords as runs — added ones inserted ("+ leadership"), removed ones deleted
 * ("− billing"), kept ones plain — so the change reads from the signs and the underline or strike, not colour alone.
 *
 * @param contentNote    "Text unchanged" when no word of the text changed, else empty
 */
public record DiffPresentation(List<Run> content, String contentNote, String tier, boolean tierChanged,
                               String keywordsLabel, List<Run> keywords, String resultLabel) {

    public DiffPresentation {
        content = List.copyOf(content);
        keywords = List.copyOf(keywords);
    }

    public static DiffPresentation of(ItemDiff diff, Messages messages) {
        String before = messages.get("tier." + diff.tierBefore().wireName());
        String after = messages.get("tier." + diff.tierAfter().wireName());
        String tier = diff.tierChanged() ? messages.get("diff.tier.changed", before, after)
                : messages.get("diff.tier.kept", after);
        List<Run> keywords = new ArrayList<>();
        for (String k : diff.keywordsAdded()) {
            add(keywords, new Run(Kind.INSERTED, messages.get("diff.keyword.added", k)));
        }
        for (String k : diff.keywordsRemoved()) {
            add(keywords, new Run(Kind.DELETED, messages.get("diff.keyword.removed", k)));
        }
        for (String k : diff.keywordsKept()) {
            add(keywords, new Run(Kind.EQUAL, k));
        }
        if (keywords.isEmpty()) {
            keywords.add(new Run(Kind.EQUAL, messages.get("diff.keywords.none")));
        }
        return new DiffPresentation(diff.content(), diff.contentChanged() ? "" : messages.get("diff.text.unchanged"),
                tier, diff.tierChanged(),
                messages.get("diff.keywords"), keywords, messages.get("diff.result"));
    }

    /** The text after the change, as the runs spell it. */
    public String after() {
        return WordDiff.after(content);
    }

    /** The text before the change. */
    public String before() {
        return WordDiff.before(content);
    }

    private static void add(List<Run> runs, Run keyword) {
        if (!runs.isEmpty()) {
            runs.add(new Run(Kind.EQUAL, ", "));
        }
        runs.add(keyword);
    }
}
