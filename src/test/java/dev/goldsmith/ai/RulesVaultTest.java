package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the offline rules provider does to whole vaults: the real demo vault ({@code assets/demo-vault.json}, as the
 * build bundles it) and a corpus of typical weak and strong career items of every type. Behaviour, not timing.
 */
class RulesVaultTest {

    /** Typical items, weak and strong, one a line; "\\n" inside a line is a line break. */
    private static final String CORPUS = """
            Was responsible for managing a team of 5 engineers.
            I was responsible for the quarterly budget
            In charge of the support team of 12
            Tasked with the customer portal
            Helped with the migration to PostgreSQL
            Helped with the new billing platform
            helped to reduce costs by 15% in order to meet targets
            Assisted in organizing volunteer events for 200 guests
            I was involved in various projects using Python and SQL.
            Worked on the new website. It was very good and basically doubled sign-ups.
            Worked with product managers to plan the roadmap.
            Participated in the annual audit.
            Helped with conflict resolution between departments
            Was tasked with handling escalations , really quickly .
            Took part in hiring interns for the summer programme
            Just utilized Excel on a daily basis for reports
            Tasked with writing the just-in-time inventory guide
            Responsible for onboarding, e.g. training new staff.
            Was responsible for ensuring compliance with GDPR
            Responsible for marketing campaigns in 4 regions
            Helped to shape the product strategy
            Led a team of 8 to deliver a $2M ERP rollout two weeks early.
            Cut cloud spend by 30% by moving batch jobs to spot instances
            Helped
            Was responsible for
            Helped to spearhead a culture of testing
            Was responsible for spearheading the rebrand
            The new onboarding process was designed by me and cut ramp-up time from 6 to 4 weeks.
            Reports were written by me every week for the board.
            I led the migration of 40 services to Kubernetes.
            I manage the front desk and greet visitors.
            Was able to reduce churn from 8 to 5 percent.
            Increased sales from 120 to 150 units a month.
            Reduced costs from 10 to 12 dollars.
            Grew the newsletter from 2,000 to 5,000 subscribers.
            Lowered error rate from 5% to 2%.
            Cut response time from 10 minutes to 4 minutes.
            Brought onboarding time down from 10 to 6 days.
            Helped customers resolve billing issues over the phone.
            Helped junior developers learn our testing practices.
            Assisted the CFO with the annual budget.
            Assisted customers with returns.
            Was a member of the safety committee.
            Was part of the launch team that shipped the mobile app.
            Worked closely with sales to close 3 enterprise deals.
            Did some work on the data pipeline.
            Duties included answering phones and scheduling appointments.
            My responsibilities included payroll and invoicing.
            Responsible for training.
            Responsible for training new staff on the till.
            Helped out on the night shift.
            Worked on the team.
            Was involved in the hiring of two new analysts.
            Worked on a number of projects in order to improve quality.
            Managed a team that built the new checkout.
            Coordinated with teams that were based in three countries.
            - Helped with the launch\\n- Was responsible for the budget
            Supported 3 teams. Helped with the roll-out of Slack.
            Handled customer complaints in a timely manner prior to escalation.
            Worked on making the app faster.
            Helped make the onboarding smoother.
            Responsible for the development of the new API.
            Was in charge of running the weekly all-hands.
            Tasked with leading the EMEA expansion.
            Created reports in Excel for the finance team.
            Built models in Python to forecast demand.
            Able to work under pressure.
            Can work independently and as part of a team.
            Can be relied on in a crisis.
            Good at explaining technical topics to non-technical people.
            Good with numbers.
            Excellent written and verbal communication skills.
            Strong leadership skills.
            Excellent problem-solving skills.
            Planning events and managing budgets.
            Coaching leads on planning and running one-to-ones.
            Marketing and sales experience.
            Hard-working, reliable and punctual.
            Proactive and self-motivated.
            Team player.
            Quick learner who adapts fast to new tools.
            Experience in customer service.
            Comfortable with Excel.
            Confident using Tableau when building dashboards for executives.
            Project management.
            Stakeholder management and reporting.
            Time management.
            Knows a little SQL.
            I have experience with Salesforce.
            I am able to speak Spanish.
            I can code in Java.
            Fluent in Spanish.
            Working with stakeholders to define requirements.
            Writing reports that are read by the board.
            Listening to customers and translating needs into features.
            People often come to me for advice on career moves.
            Colleagues come to me with problems they can't solve.
            I always double-check my work.
            I am good at spotting patterns in messy data.
            Loves solving puzzles.
            Likes to be busy.
            Enjoys mentoring new starters.
            The one who keeps the team laughing.
            Often the colleague who notices risks first.
            Usually the first to volunteer for new projects.
            Calm under pressure.
            Curious and analytical.
            Notices small details that others miss.
            Things get done when I am involved.
            Helped the team stay focused during the outage.
            When deadlines are approaching, stays calm.
            Was really good at keeping things on track.
            Patient with customers who are confused.
            I'm the person people ask when they don't know where something is.
            """;

    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    private static final Pattern DERIVED = Pattern.compile("by (\\d+)% \\(from (" + NUMBER.pattern() + ")(?: \\p{L}+)? to ("
            + NUMBER.pattern() + ")");
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    private final RulesEnhancer rules = new RulesEnhancer();

    @AfterEach
    void close() {
        rules.close();
    }

    @Test
    void improvesTheContentOfAtLeast85PercentOfTheDemoVaultsItemsThatAreNotGold() {
        List<VaultItem> notGold = demo().stream().filter(i -> i.tier() != QualityTier.GOLD).toList();
        int changed = 0;
        for (VaultItem item : notGold) {
            Success s = rules.apply(item, Operation.ENHANCE);
            if (!words(s.content()).equals(words(item.content()))) {
                changed++;
            }
        }

        assertThat(notGold).hasSize(53);
        assertThat(changed).as("items whose content changed in words, not only keywords or spacing")
                .isGreaterThanOrEqualTo(46);
    }

    @Test
    void raisesTheTierOfMostOfTheDemoVaultAndNeverLowersItOrPassesGold() {
        int raised = 0;
        for (VaultItem item : demo()) {
            Success s = rules.apply(item, Operation.ENHANCE);
            assertThat(s.newTier()).as(item.id()).isGreaterThanOrEqualTo(item.tier());
            assertThat(s.newTier().ordinal() - item.tier().ordinal()).as(item.id()).isLessThanOrEqualTo(1);
            if (s.newTier() != item.tier()) {
                raised++;
                assertThat(s.content()).as(item.id() + " is raised only for a changed text").isNotEqualTo(item.content());
            }
            if (s.newTier() == QualityTier.GOLD && item.tier() != QualityTier.GOLD) {
                assertThat(s.content()).as(item.id() + " reaches gold only with a measured result").containsPattern("\\d");
            }
        }
        assertThat(raised).isGreaterThanOrEqualTo(30);
    }

    @Test
    void aSecondPassOverItsOwnOutputChangesNothing() {
        for (VaultItem item : allItems()) {
            Success first = rules.apply(item, Operation.ENHANCE);
            VaultItem written = new VaultItem(item.id(), item.vaultId(), item.type(), first.content(), first.newTier(),
                    first.keywords(), first.confidence(), null, null);
            Success second = rules.apply(written, Operation.ENHANCE);

            assertThat(second.content()).as("second pass over %s", item.content()).isEqualTo(first.content());
            assertThat(second.newTier()).as("second pass over %s", item.content()).isEqualTo(first.newTier());
            assertThat(second.keywords()).as("second pass over %s", item.content()).isEqualTo(first.keywords());
        }
    }

    @Test
    void neverInventsANumber() {
        for (VaultItem item : allItems()) {
            String after = rules.apply(item, Operation.ENHANCE).content();
            Set<BigDecimal> before = numbers(item.content());
            String rest = after;
            Matcher derived = DERIVED.matcher(after);
            while (derived.find()) {
                BigDecimal from = number(derived.group(2));
                BigDecimal to = number(derived.group(3));
                assertThat(before).as(item.content()).contains(from, to);
                BigDecimal percent = to.subtract(from).abs().multiply(BigDecimal.valueOf(100))
                        .divide(from, 0, RoundingMode.DOWN);
                assertThat(new BigDecimal(derived.group(1))).as("the percentage in " + after).isEqualTo(percent);
                rest = rest.replace(derived.group(0), "");
            }
            assertThat(before).as("numbers of '%s' in '%s'", item.content(), after).containsAll(numbers(rest));
        }
    }

    @Test
    void isDeterministicWhateverTheOrderAndTheInstance() {
        List<VaultItem> items = allItems();
        List<List<Object>> forward = new ArrayList<>();
        for (VaultItem item : items) {
            forward.add(outcome(rules.apply(item, Operation.ENHANCE)));
        }
        try (RulesEnhancer other = new RulesEnhancer()) {
            for (int i = items.size() - 1; i >= 0; i--) {
                assertThat(outcome(other.apply(items.get(i), Operation.ENHANCE))).isEqualTo(forward.get(i));
            }
        }
    }

    @Test
    void keywordsAreTheItemsOwnFirstThenDistinctLexiconSkillsAtMostTenOfOneToSixtyCharacters() {
        for (VaultItem item : allItems()) {
            for (Operation op : Operation.values()) {
                List<String> keywords = rules.apply(item, op).keywords();

                assertThat(keywords).hasSizeLessThanOrEqualTo(Keywords.MAX_COUNT);
                assertThat(keywords).allSatisfy(k -> assertThat(k.strip().length()).isBetween(1, Keywords.MAX_LENGTH));
                Set<String> keys = new HashSet<>();
                assertThat(keywords).allSatisfy(k -> assertThat(keys.add(SkillsLexicon.key(k))).as(k + " once").isTrue());
                assertThat(keywords.subList(0, Math.min(keywords.size(), item.keywords().size())))
                        .isEqualTo(item.keywords().subList(0, Math.min(keywords.size(), item.keywords().size())));
            }
        }
    }

    @Test
    void keepsTheItemsOwnKeywordsAndAddsNoNearDuplicate() {
        VaultItem item = TestData.item(ItemType.POWER_PHRASE, "Set OKRs for 6 squads and built dashboards.",
                QualityTier.SILVER, "OKRs", "dashboards");

        assertThat(rules.apply(item, Operation.ENHANCE).keywords()).containsExactly("OKRs", "dashboards");
    }

    @Test
    void findsKeywordsTheOriginalWordingNamedEvenWhenTheRewriteDropsTheWord() {
        VaultItem item = TestData.item(ItemType.TRANSFERABLE_SKILL, "Good communication skills.", QualityTier.ASSUMED);

        Success s = rules.apply(item, Operation.ENHANCE);

        assertThat(s.content()).isEqualTo("Communicates effectively.");
        assertThat(s.keywords()).containsExactly("Communication");
    }

    /** The text's words in lower case, spacing and punctuation aside. */
    private static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}%$]+"));
    }

    private static List<Object> outcome(Success s) {
        return List.of(s.content(), s.newTier(), s.keywords());
    }

    private static Set<BigDecimal> numbers(String text) {
        Set<BigDecimal> found = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(number(m.group()));
        }
        Matcher words = Pattern.compile("\\b(" + String.join("|", NUMBER_WORDS) + ")(?:-(" + String.join("|", NUMBER_WORDS)
                + "))?\\b").matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            int value = value(words.group(1)) + (words.group(2) == null ? 0 : value(words.group(2)));
            found.add(BigDecimal.valueOf(value));
        }
        return found;
    }

    private static int value(String word) {
        int i = NUMBER_WORDS.indexOf(word);
        return i < 20 ? i : (i - 18) * 10;
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", "")).stripTrailingZeros();
    }

    static List<VaultItem> demo() {
        try (InputStream in = RulesVaultTest.class.getResourceAsStream("/demo/demo-vault.json");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            VaultFile file = VaultJson.read(reader);
            return file.items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo vault, then every corpus line as each of the three types, at bronze. */
    private static List<VaultItem> allItems() {
        List<VaultItem> items = new ArrayList<>(demo());
        int n = 0;
        for (String line : CORPUS.strip().split("\n")) {
            for (ItemType type : ItemType.values()) {
                items.add(new VaultItem("c-" + n++, "v-corpus", type, line.strip().replace("\\n", "\n"),
                        QualityTier.BRONZE, List.of(), null, null, null));
            }
        }
        return items;
    }
}
