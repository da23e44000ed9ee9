package dev.goldsmith.review;

import static dev.goldsmith.review.WordDiff.Kind.DELETED;
import static dev.goldsmith.review.WordDiff.Kind.EQUAL;
import static dev.goldsmith.review.WordDiff.Kind.INSERTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.review.WordDiff.Run;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.vault.QualityTier;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void changedWordsAreMarkedAndTheRestIsEqual() {
        assertThat(WordDiff.of("Helped with the migration of 12 services.", "Led the migration of 12 services, on time."))
                .containsExactly(new Run(DELETED, "Helped with"), new Run(INSERTED, "Led"),
                        new Run(EQUAL, " the migration of 12 services"), new Run(INSERTED, ", on time"),
                        new Run(EQUAL, "."));
    }

    @Test
    void aWordIsNeverSplitAndPunctuationIsItsOwnUnit() {
        assertThat(WordDiff.of("Managed budgets", "Manages budgets;"))
                .containsExactly(new Run(DELETED, "Managed"), new Run(INSERTED, "Manages"), new Run(EQUAL, " budgets"),
                        new Run(INSERTED, ";"));
        assertThat(WordDiff.of("didn't ship", "didn't stall")).first().isEqualTo(new Run(EQUAL, "didn't "));
    }

    @Test
    void whitespaceIsKeptAsItIs() {
        List<Run> runs = WordDiff.of("Led  a team\tof 5", "Led a team\nof 5");
        assertThat(runs).containsExactly(new Run(EQUAL, "Led"), new Run(DELETED, "  "), new Run(INSERTED, " "),
                new Run(EQUAL, "a team"), new Run(DELETED, "\t"), new Run(INSERTED, "\n"), new Run(EQUAL, "of 5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Helped with the migration of 12 services|Led the migration of 12 services, cutting cycle time by 30%",
        "''|Built the SQL reporting for finance",
        "Built the SQL reporting for finance|''",
        "Same text.|Same text.",
        "Grew sales 18% (EMEA) — in two quarters|Grew EMEA sales by 18 % in 2 quarters — ahead of plan",
        "Zürich office: naïve café rollout 😀 done|Zurich office: café rollout 😀😀 finished",
        "a b c d e f|f e d c b a"
    })
    void theRunsGiveBackBothTextsExactly(String before, String after) {
        List<Run> runs = WordDiff.of(before, after);

        assertThat(WordDiff.before(runs)).isEqualTo(before);
        assertThat(WordDiff.after(runs)).isEqualTo(after);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).kind() == EQUAL && runs.get(i - 1).kind() == EQUAL).as("equal runs are joined").isFalse();
            assertThat(runs.get(i).kind() == DELETED && runs.get(i - 1).kind() == INSERTED)
                    .as("in a change the deletion comes first").isFalse();
        }
    }

    @Test
    void identicalOrEmptyTextsHaveNoChanges() {
        assertThat(WordDiff.of("Same text.", "Same text.")).containsExactly(new Run(EQUAL, "Same text."));
        assertThat(WordDiff.of("", "")).isEmpty();
        assertThat(WordDiff.of(null, "New")).containsExactly(new Run(INSERTED, "New"));
    }

    @Test
    void anItemDiffHasTheTierAndKeywordChanges() {
        ItemDiff d = ItemDiff.of(new ItemState("Helped with SQL reports", QualityTier.BRONZE, List.of("sql", "excel"), 0.4),
                new ItemState("Built SQL reports", QualityTier.SILVER, List.of("sql", "reporting", "finance"), 0.8));

        assertThat(d.contentChanged()).isTrue();
        assertThat(d.tierChanged()).isTrue();
        assertThat(d.tierBefore()).isEqualTo(QualityTier.BRONZE);
        assertThat(d.tierAfter()).isEqualTo(QualityTier.SILVER);
        assertThat(d.keywordsAdded()).containsExactly("reporting", "finance");
        assertThat(d.keywordsRemoved()).containsExactly("excel");
        assertThat(d.keywordsKept()).containsExactly("sql");
        assertThat(d.keywordsChanged()).isTrue();

        ItemDiff keywordsOnly = ItemDiff.of("Same", QualityTier.GOLD, List.of("a"), "Same", QualityTier.GOLD, List.of("a"));
        assertThat(keywordsOnly.contentChanged()).isFalse();
        assertThat(keywordsOnly.tierChanged()).isFalse();
        assertThat(keywordsOnly.keywordsChanged()).isFalse();
    }
}
