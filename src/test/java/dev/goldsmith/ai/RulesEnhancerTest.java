package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesEnhancerTest {

    private final RulesEnhancer rules = new RulesEnhancer();

    @AfterEach
    void close() {
        rules.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POWER_PHRASE       | Was responsible for managing a team of 5 engineers.          | Managed a team of 5 engineers.
            POWER_PHRASE       | I was responsible for the quarterly budget                   | Managed the quarterly budget
            POWER_PHRASE       | In charge of the support team of 12                          | Led the support team of 12
            POWER_PHRASE       | Tasked with the customer portal                              | Owned the customer portal
            POWER_PHRASE       | Helped with the migration to PostgreSQL                      | Supported the migration to PostgreSQL
            POWER_PHRASE       | Helped with the new billing platform                         | Co-developed the new billing platform
            POWER_PHRASE       | helped to reduce costs by 15% in order to meet targets       | Contributed to reducing costs by 15% to meet targets
            POWER_PHRASE       | Assisted in organizing volunteer events for 200 guests       | Organized volunteer events for 200 guests
            POWER_PHRASE       | I was involved in various projects using Python and SQL.     | Contributed to projects using Python and SQL.
            POWER_PHRASE       | Worked on the new website. It was very good and basically doubled sign-ups. | Developed the new website. It was good and doubled sign-ups.
            POWER_PHRASE       | Worked with product managers to plan the roadmap.            | Collaborated with product managers to plan the roadmap.
            POWER_PHRASE       | Participated in the annual audit.                            | Contributed to the annual audit.
            TRANSFERABLE_SKILL | Participated in the annual audit.                            | Contributed to the annual audit.
            HIDDEN_COMPETENCY  | Participated in the annual audit.                            | Contributed to the annual audit.
            TRANSFERABLE_SKILL | Helped with conflict resolution between departments          | Facilitated conflict resolution between departments
            HIDDEN_COMPETENCY  | Was tasked with handling escalations , really quickly .      | Handled escalations, quickly.
            POWER_PHRASE       | Took part in hiring interns for the summer programme         | Hired interns for the summer programme
            POWER_PHRASE       | Tasked with writing the just-in-time inventory guide          | Wrote the just-in-time inventory guide
            POWER_PHRASE       | Responsible for onboarding, e.g. training new staff.         | Managed onboarding, e.g. training new staff.
            POWER_PHRASE       | Was responsible for ensuring compliance with GDPR            | Ensured compliance with GDPR
            POWER_PHRASE       | Responsible for marketing campaigns in 4 regions             | Managed marketing campaigns in 4 regions
            POWER_PHRASE       | Helped to shape the product strategy                          | Contributed to shaping the product strategy
            TRANSFERABLE_SKILL | Able to work under pressure.                                 | Works under pressure.
            HIDDEN_COMPETENCY  | Enjoys fixing broken processes.                              | Fixes broken processes.
            """)
    void rewritesWeakTextIntoStrongerText(ItemType type, String before, String after) {
        Success s = rules.apply(item(type, before, QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(s.content()).isEqualTo(after);
        assertThat(s.newTier()).isEqualTo(QualityTier.SILVER);
        assertThat(s.provider()).isEqualTo("rules");
        assertThat(s.usage()).isEqualTo(Usage.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Led a team of 8 to deliver a $2M ERP rollout 2 weeks early.
            Cut cloud spend by 30% by moving batch jobs to spot instances
            Helped
            Was responsible for
            Helped to spearhead a culture of testing
            Was responsible for spearheading the rebrand
            Created dashboards for the operations team.
            """)
    void strongOrEmptyTextIsLeftAloneAtTheSameTier(String text) {
        Success s = rules.apply(item(text, QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(s.content()).isEqualTo(text);
        assertThat(s.newTier()).isEqualTo(QualityTier.BRONZE);
    }

    @Test
    void tighterWordingAloneKeepsTheTier() {
        Success s = rules.apply(item("Just utilized Excel on a daily basis for reports", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(s.content()).isEqualTo("Used Excel daily for reports");
        assertThat(s.newTier()).as("filler and wordy phrases out: better, not a tier better").isEqualTo(QualityTier.BRONZE);
    }

    @Test
    void silverBecomesGoldOnlyWhenTheTextStatesAMeasuredResult() {
        Success measured = rules.apply(item("Was responsible for cutting release time from 10 to 4 days.", QualityTier.SILVER),
                Operation.ENHANCE);
        Success unmeasured = rules.apply(item("Was responsible for cutting release time.", QualityTier.SILVER), Operation.ENHANCE);

        assertThat(measured.content()).isEqualTo("Cut release time by 60% (from 10 to 4 days).");
        assertThat(measured.newTier()).isEqualTo(QualityTier.GOLD);
        assertThat(unmeasured.content()).isEqualTo("Cut release time.");
        assertThat(unmeasured.newTier()).isEqualTo(QualityTier.SILVER);
    }

    @Test
    void goldStaysGold() {
        Success s = rules.apply(item("Worked on the website.", QualityTier.GOLD), Operation.ENHANCE);

        assertThat(s.content()).isEqualTo("Developed the website.");
        assertThat(s.newTier()).isEqualTo(QualityTier.GOLD);
    }

    @Test
    void keywordsComeFromTheLexiconAfterTheItemsOwnAtMostTen() {
        VaultItem item = item("Worked on Agile delivery with scrum, Kubernetes and front end development.",
                QualityTier.ASSUMED, "Leadership", "agile");

        Success s = rules.apply(item, Operation.ENHANCE);

        assertThat(s.keywords()).containsExactly("Leadership", "agile", "Scrum", "Kubernetes", "Front-end Development");
        assertThat(s.confidence()).as("the item's own score is kept").isEqualTo(0.4);

        List<String> ten = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Success full = rules.apply(item("Used SQL.", QualityTier.ASSUMED, ten.toArray(String[]::new)), Operation.ENHANCE);
        assertThat(full.keywords()).containsExactlyElementsOf(ten);
    }

    @Test
    void keywordSuggestReturnsLexiconKeywordsOnly() {
        Success s = rules.apply(item("Built dashboards in Tableau and Power BI for sales forecasting.", QualityTier.GOLD),
                Operation.KEYWORD_SUGGEST);

        assertThat(s.content()).isNull();
        assertThat(s.newTier()).isNull();
        assertThat(s.keywords()).containsExactly("Dashboards", "Tableau", "Power BI", "Sales Forecasting");
    }

    @Test
    void isDeterministic() {
        VaultItem item = item("I was involved in various projects using Python and SQL.", QualityTier.BRONZE, "x");
        try (RulesEnhancer other = new RulesEnhancer()) {
            Success a = rules.apply(item, Operation.ENHANCE);
            Success b = other.apply(item, Operation.ENHANCE);
            assertThat(List.of(b.content(), b.newTier(), b.keywords())).isEqualTo(List.of(a.content(), a.newTier(), a.keywords()));
        }
    }

    @Test
    void runsAsynchronouslyThroughThePortAndCancelsWithoutError() throws Exception {
        EnhanceResult r = rules.enhance(item("Worked on the website.", QualityTier.BRONZE), Operation.ENHANCE)
                .get(5, TimeUnit.SECONDS);
        assertThat(r).isInstanceOf(Success.class);

        var future = rules.enhance(item("Worked on the website.", QualityTier.BRONZE), Operation.ENHANCE);
        future.cancel(true);
        assertThat(future).isDone();
        assertThat(rules.providerName()).isEqualTo("rules");
        assertThat(rules.model()).contains("not an AI model");
    }
}
