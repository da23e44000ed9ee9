package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillsLexiconTest {

    private final SkillsLexicon bundled = SkillsLexicon.bundled();

    @Test
    void matchesIgnoringCasePluralsAndSpacesHyphensOrSlashesInsideAPhrase() {
        SkillsLexicon lexicon = new SkillsLexicon(List.of("Front-end Development", "OKR", "Dashboards", "A/B Testing",
                "Process Mapping"));

        assertThat(lexicon.find("frontend development, FRONT END DEVELOPMENT and front-end developments"))
                .containsExactly("Front-end Development");
        assertThat(lexicon.find("Set OKRs and built a dashboard")).containsExactly("OKR", "Dashboards");
        assertThat(lexicon.find("ran a/b testing and AB testing")).containsExactly("A/B Testing");
        assertThat(lexicon.find("process mappings")).containsExactly("Process Mapping");
    }

    @Test
    void theLongestPhraseWinsAndWordsInsideOtherWordsDoNotCount() {
        SkillsLexicon lexicon = new SkillsLexicon(List.of("Management", "Project Management", "Java", "React"));

        assertThat(lexicon.find("Project management in JavaScript; reacted quickly; management"))
                .containsExactly("Project Management", "Management");
    }

    @Test
    void aLineMayNameOtherWordingsOfTheSameSkill() {
        SkillsLexicon lexicon = new SkillsLexicon(List.of("Teamwork | team player", "Attention to Detail | detail-oriented"));

        assertThat(lexicon.find("A detail oriented team player; teamwork")).containsExactly("Attention to Detail", "Teamwork");
        assertThat(lexicon.size()).isEqualTo(2);
    }

    @Test
    void possessivesAndSentencePunctuationAreNotPartOfAWord() {
        assertThat(bundled.find("Owned the team's Jira's board. Used SQL. Built in .NET and Node.js."))
                .containsExactly("Jira", "SQL", ".NET", "Node.js");
    }

    @Test
    void theBundledLexiconNamesTheSkillsTheDemoVaultTalksAbout() {
        assertThat(bundled.find("Rollout of a new order management system with a triage rota; spreadsheets; experiments"))
                .containsExactly("Order Management", "Triage", "Spreadsheets", "Experimentation");
        assertThat(bundled.find("Customer focused team player, detail-oriented"))
                .containsExactly("Customer Focus", "Teamwork", "Attention to Detail");
    }

    @Test
    void keysIgnoreCaseSeparatorsAndAPluralS() {
        assertThat(SkillsLexicon.key("OKRs")).isEqualTo(SkillsLexicon.key("okr"));
        assertThat(SkillsLexicon.key("Front-end")).isEqualTo(SkillsLexicon.key("front end"));
        assertThat(SkillsLexicon.key("Business")).isEqualTo("business");
    }
}
