package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.RulesEdit.Kind;
import dev.goldsmith.ai.TextRewriter.Rewrite;
import dev.goldsmith.vault.ItemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of the offline rewrite, one group each: what each turns a sentence into, and what it leaves alone. */
class TextRewriterTest {

    private static Rewrite rewrite(ItemType type, String text) {
        return TextRewriter.rewrite(text, type);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Helped with the rollout of a new order management system.  | Supported the rollout of a new order management system.
            Was responsible for weekly reporting to the leadership team. | Managed weekly reporting to the leadership team.
            Was in charge of the team's Jira board.                     | Managed the team's Jira board.
            Involved in vendor negotiations for warehouse software.     | Contributed to vendor negotiations for warehouse software.
            Helped out with the Black Friday preparations.              | Supported the Black Friday preparations.
            Did a lot of work on the pricing page experiments.          | Contributed extensively to the pricing page experiments.
            Did some work on the data pipeline.                         | Contributed to the data pipeline.
            Worked on the team.                                         | Served on the team.
            Was a member of the safety committee.                       | Served on the safety committee.
            Responsible for training.                                   | Provided training.
            Responsible for training new staff on the till.             | Trained new staff on the till.
            Was responsible for a lot of informal mentoring.            | Provided extensive informal mentoring.
            Tasked with cleaning up the product catalogue data.         | Cleaned up the product catalogue data.
            Duties included answering phones and scheduling appointments. | Answered phones and scheduled appointments.
            My responsibilities included payroll and invoicing.         | Managed payroll and invoicing.
            Was able to reduce churn by a third.                        | Reduced churn by a third.
            Helped reduce stock-outs by working with the demand planners. | Contributed to reducing stock-outs by working with the demand planners.
            Helped the product team with user research.                 | Supported the product team with user research.
            Helped colleagues get better at Excel.                      | Coached colleagues to get better at Excel.
            Helped customers resolve billing issues over the phone.     | Enabled customers to resolve billing issues over the phone.
            Assisted the CFO with the annual budget.                    | Supported the CFO with the annual budget.
            Was part of the team that moved our data to a new warehouse. | Contributed to moving our data to a new warehouse.
            Was part of the launch team that shipped the mobile app.    | Contributed to shipping the mobile app as part of the launch team.
            Worked closely with sales to close 3 enterprise deals.      | Collaborated closely with sales to close 3 enterprise deals.
            Worked on sales.                                            | Contributed to sales.
            Worked on the budget.                                       | Prepared the budget.
            Helped with customer service.                               | Supported customer service.
            Responsible for reviewing, approving and paying invoices.   | Reviewed, approved and paid invoices.
            Was given responsibility for the London office.             | Managed the London office.
            """)
    void weakOpenersBecomeActionVerbsThatClaimNoMoreThanTheOpenerDid(String before, String after) {
        Rewrite r = rewrite(ItemType.POWER_PHRASE, before);

        assertThat(r.text()).isEqualTo(after);
        assertThat(r.stronger()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The new onboarding process was designed by me.  | Designed the new onboarding process.
            Reports were written by me every week.           | Wrote reports every week.
            """)
    void aPassiveByMeBecomesActive(String before, String after) {
        assertThat(rewrite(ItemType.POWER_PHRASE, before).text()).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POWER_PHRASE      | I led the migration of 40 services to Kubernetes. | Led the migration of 40 services to Kubernetes.
            POWER_PHRASE      | I've led two teams.                               | Led 2 teams.
            HIDDEN_COMPETENCY | I notice when numbers don't add up.               | Notices when numbers do not add up.
            TRANSFERABLE_SKILL | I am able to speak Spanish.                      | Speaks Spanish.
            TRANSFERABLE_SKILL | I have experience with Salesforce.               | Experienced with Salesforce.
            """)
    void firstPersonBecomesTheImpliedSubjectOfAResume(ItemType type, String before, String after) {
        assertThat(rewrite(type, before).text()).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I manage the front desk and greet visitors.
            I always double-check my work.
            Things get done when I am involved.
            """)
    void firstPersonWithAVerbThatCannotBeConjugatedOrAPronounLeftIsLeftAlone(String text) {
        assertThat(rewrite(ItemType.HIDDEN_COMPETENCY, text).changed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Good communication skills.                                  | Communicates effectively.
            Excellent problem-solving skills.                           | Solves problems exceptionally well.
            Team player who works well with others.                     | Collaborates well with others.
            Comfortable with SQL and spreadsheets for analysing operations data. | Analyses operations data using SQL and spreadsheets.
            Organised and detail-oriented.                              | Keeps work organised and pays close attention to detail.
            Customer focused.                                           | Focuses on customers' needs.
            Can handle pressure and tight deadlines.                    | Handles pressure and tight deadlines.
            Able to learn new systems quickly.                          | Learns new systems quickly.
            Presenting to senior stakeholders.                          | Presents to senior stakeholders.
            Planning events and managing budgets.                       | Plans events and manages budgets.
            Coaching leads on planning and running one-to-ones.         | Coaches leads on planning and running one-to-ones.
            Working with stakeholders to define requirements.           | Collaborates with stakeholders to define requirements.
            Knows some Python.                                          | Working knowledge of Python.
            Knows a little SQL.                                         | Basic knowledge of SQL.
            Vendor management and contract renewals.                    | Manages vendors and contract renewals.
            Good at calming down upset customers.                       | Skilled at calming down upset customers.
            People come to me when things are going wrong.              | Go-to person when things go wrong.
            Colleagues come to me with problems they can't solve.       | Colleagues' go-to person for problems they cannot solve.
            Often the person who connects teams that don't usually talk to each other. | Often connects teams that do not usually talk to each other.
            Likes to document things so they don't get lost.            | Documents things so they do not get lost.
            Enjoys fixing broken processes.                             | Fixes broken processes.
            """)
    void skillsAndCompetenciesArePhrasedAsCapabilities(String before, String after) {
        Rewrite r = rewrite(ItemType.TRANSFERABLE_SKILL, before);

        assertThat(r.text()).isEqualTo(after);
        assertThat(r.stronger()).isTrue();
        assertThat(rewrite(ItemType.HIDDEN_COMPETENCY, before).text()).isEqualTo(after);
    }

    @Test
    void experienceBecomesExperiencedWhichIsTighterButNoStronger() {
        Rewrite r = rewrite(ItemType.TRANSFERABLE_SKILL, "Experience with project management tools like Jira and Asana.");

        assertThat(r.text()).isEqualTo("Experienced with project management tools such as Jira and Asana.");
        assertThat(r.stronger()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Able to learn new systems quickly.
            Good communication skills.
            Presenting to senior stakeholders.
            """)
    void capabilityPhrasingIsForSkillsAndCompetenciesNotPowerPhrases(String text) {
        assertThat(rewrite(ItemType.POWER_PHRASE, text).changed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Working knowledge of Python.
            Proactive and self-motivated.
            Fluent in Spanish.
            Time management.
            Can be relied on in a crisis.
            Likes to be busy.
            Marketing and sales experience.
            Usually the first to volunteer for new projects.
            Coaches new team leads on running one-to-ones, setting goals and giving direct feedback.
            """)
    void sentencesOfNoKnownShapeAreLeftAlone(String text) {
        assertThat(rewrite(ItemType.TRANSFERABLE_SKILL, text).changed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Turns questions into dashboards that teams actually use.   | Turns questions into dashboards that teams use.
            Knows when to escalate and when to just handle it.        | Knows when to escalate and when to handle it.
            Handled complaints in a timely manner prior to escalation. | Handled complaints promptly before escalation.
            Ran 4 projects in order to improve quality.               | Ran 4 projects to improve quality.
            Stays calm in incidents and keeps notes of what happened. | Stays calm in incidents and documents what happened.
            Managed a small team that handled returns and refunds.   | Managed a small team handling returns and refunds.
            Keeps promises small, so stakeholders trust the dates that are given. | Keeps promises small, so stakeholders trust the dates given.
            Created dashboards in Looker for the operations team.     | Created Looker dashboards for the operations team.
            Answered a lot of customer calls.                         | Answered many customer calls.
            Built a lot of dashboards in Looker.                      | Built many Looker dashboards.
            Showed reports in March.                                  | Showed reports in March.
            Ships the just-in-time guide.                             | Ships the just-in-time guide.
            """)
    void wordingIsTightenedWithoutRaisingTheClaim(String before, String after) {
        Rewrite r = rewrite(ItemType.HIDDEN_COMPETENCY, before);

        assertThat(r.text()).isEqualTo(after);
        assertThat(r.stronger()).as("tightening alone earns no tier").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Retired two manual data exports.                     | Retired 2 manual data exports.
            Cut planning time from three weeks to eight days.    | Cut planning time from 3 weeks to 8 days.
            Led twenty-five volunteers across seven sites.       | Led 25 volunteers across 7 sites.
            Experience with tools like Jira and Asana.           | Experienced with tools such as Jira and Asana.
            Onboarded new hires in the ops team.                 | Onboarded new hires in the operations team.
            """)
    void houseStyleUsesNumeralsNoContractionsAndSuchAs(String before, String after) {
        assertThat(rewrite(ItemType.TRANSFERABLE_SKILL, before).text()).isEqualTo(after);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Two weeks early, shipped the release.
            Owned one of the two regions.
            Cut costs by two-thirds.
            Saved a third of the budget.
            Built APIs like the ones used by partners.
            Ran the weekly stand-up between support, product and engineering.
            """)
    void styleLeavesAloneWhatItCannotImprove(String text) {
        assertThat(rewrite(ItemType.POWER_PHRASE, text).changed()).isFalse();
    }

    @Test
    void styleChangesAloneAreNotStronger() {
        Rewrite r = rewrite(ItemType.POWER_PHRASE, "Retired two manual data exports.");

        assertThat(r.changed()).isTrue();
        assertThat(r.edits()).extracting(RulesEdit::kind).containsOnly(Kind.STYLE);
        assertThat(r.stronger()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Cut average order fulfilment time from 4.1 to 2.6 days by redesigning the workflow. | Cut average order fulfilment time by 36% (from 4.1 to 2.6 days) by redesigning the workflow.
            Introduced a rota that brought time-to-acknowledge from 47 to 9 minutes. | Introduced a rota that cut time-to-acknowledge by 80% (from 47 to 9 minutes).
            Brought onboarding time down from 10 to 6 days.       | Cut onboarding time by 40% (from 10 to 6 days).
            Increased sales from 120 to 150 units a month.        | Increased sales by 25% (from 120 to 150 units a month).
            Grew the newsletter from 2,000 to 5,000 subscribers.  | Grew the newsletter by 150% (from 2,000 to 5,000 subscribers).
            Cut response time from 10 minutes to 4 minutes.       | Cut response time by 60% (from 10 minutes to 4 minutes).
            """)
    void aChangeFromOneNumberToAnotherIsAlsoStatedAsItsPercentageRoundedDown(String before, String after) {
        Rewrite r = rewrite(ItemType.POWER_PHRASE, before);

        assertThat(r.text()).isEqualTo(after);
        assertThat(r.stronger()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Lowered the error rate from 5% to 2%.
            Reduced churn from 8 to 5 percent.
            Reduced costs from 10 to 12 dollars.
            Cut planning time from 3 weeks to 8 days.
            Cut costs by 20% from 10 to 8 per unit.
            Moved the office from 2019 to 2020 plans.
            Reduced stock-outs.
            """)
    void noPercentageIsAddedWithoutTwoComparableNumbersAndAMatchingVerb(String text) {
        assertThat(rewrite(ItemType.POWER_PHRASE, text).text()).doesNotContain("% (from");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Helped
            Was responsible for
            Responsible for managing.
            Responsible for reviewing, approving and invoicing.
            Helped to spearhead a culture of testing
            Was responsible for spearheading the rebrand
            Led a team of 8 to deliver a $2M ERP rollout 2 weeks early.
            """)
    void strongTextAndVerbsTheTableDoesNotKnowAreLeftAlone(String text) {
        Rewrite r = rewrite(ItemType.POWER_PHRASE, text);

        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isEqualTo(text);
    }

    @Test
    void lineBreaksAndBulletsAreKeptAndUntouchedLinesStayExactlyAsTheyWere() {
        String text = "- Helped with the launch\n- Led the  budget review\n\nWas responsible for the budget";

        Rewrite r = rewrite(ItemType.POWER_PHRASE, text);

        assertThat(r.text()).isEqualTo("- Supported the launch\n- Led the  budget review\n\nManaged the budget");
    }

    @EnumSource(ItemType.class)
    @ParameterizedTest
    void onlySpacingOrCaseDifferencesCountAsNoChange(ItemType type) {
        Rewrite r = rewrite(type, "Led the team ,  well .");

        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isEqualTo("Led the team ,  well .");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            led  the team ,and shipped .     | Led the team,and shipped.
            done.. then more ...             | Done. Then more...
            e.g. a test. then another        | E.g. a test. Then another
            ,; leading separators            | Leading separators
            """)
    void tidyFixesSpacingPunctuationAndCapitals(String before, String after) {
        assertThat(TextRewriter.tidy(before)).isEqualTo(after);
    }
}
