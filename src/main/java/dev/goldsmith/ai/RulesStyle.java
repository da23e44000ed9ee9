package dev.goldsmith.ai;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * House style for the rules provider, the way résumés are written: no contractions ("don't" → "do not"),
 * numerals for counts and measures ("two weeks" → "2 weeks", never at the start of a sentence and never "one"),
 * "such as" for examples ("tools like Jira" → "tools such as Jira"), and "ops" spelt out. Style changes alone
 * never raise a tier.
 */
final class RulesStyle {

    private static final Map<String, String> CONTRACTIONS = Map.ofEntries(
            Map.entry("don't", "do not"), Map.entry("doesn't", "does not"), Map.entry("didn't", "did not"),
            Map.entry("can't", "cannot"), Map.entry("won't", "will not"), Map.entry("isn't", "is not"),
            Map.entry("aren't", "are not"), Map.entry("wasn't", "was not"), Map.entry("weren't", "were not"),
            Map.entry("haven't", "have not"), Map.entry("hasn't", "has not"), Map.entry("couldn't", "could not"),
            Map.entry("shouldn't", "should not"), Map.entry("wouldn't", "would not"), Map.entry("i'm", "I am"),
            Map.entry("i've", "I have"), Map.entry("they're", "they are"), Map.entry("we're", "we are"),
            Map.entry("you're", "you are"));
    private static final Pattern CONTRACTION = Pattern.compile("(?<![\\p{L}'’])(?:don|doesn|didn|can|won|isn|aren|wasn"
            + "|weren|haven|hasn|couldn|shouldn|wouldn)['’]t\\b"
            + "|\\b(?:I['’]m|I['’]ve|they['’]re|we['’]re|you['’]re)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> UNITS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");
    private static final Pattern NUMBER_WORD = Pattern.compile("(?<![\\p{L}\\p{N}'’-])(two|three|four|five|six|seven"
            + "|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
            + "|forty|fifty|sixty|seventy|eighty|ninety)(?:-(one|two|three|four|five|six|seven|eight|nine))?"
            + "(?=([ -])(\\p{L}+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEFORE_NUMBER = Pattern.compile("(?:^|\\b(?:the|these|those|both|all|every|any"
            + "|them|us)\\s+)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_AFTER_NUMBER = Set.of("of", "or", "and", "to", "half",
            "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths", "times");
    private static final String[] NUMBER_PROBES = {"two", "three", "four", "five", "six", "seven", "eight", "nine",
        "ten", "eleven", "twelve", "teen", "twenty", "thirty", "forty", "fifty", "ninety"};
    private static final Pattern SUCH_AS = Pattern.compile("\\b(\\p{L}+s) like (?=\\p{Lu}|\\p{N})");
    private static final Pattern OPS = Pattern.compile("\\b(ops)\\b", Pattern.CASE_INSENSITIVE);

    private RulesStyle() {
    }

    /** Contractions written out: "don't" → "do not", "Can't" → "Cannot". */
    static String contractions(String sentence, List<RulesEdit> edits) {
        if (sentence.indexOf('\'') < 0 && sentence.indexOf('’') < 0) {
            return sentence;
        }
        return RulesTightening.replace(sentence, CONTRACTION, m -> {
            String full = CONTRACTIONS.get(m.group().toLowerCase(Locale.ROOT).replace('’', '\''));
            return Character.isUpperCase(m.group().charAt(0)) ? ActionVerbs.capitalise(full) : full;
        }, "contraction written out", edits, RulesEdit.Kind.STYLE);
    }

    static String apply(String sentence, List<RulesEdit> edits) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        String s = sentence;
        if (RulesTightening.mentions(lower, NUMBER_PROBES)) {
            s = RulesTightening.replace(s, NUMBER_WORD, m -> numeral(m, sentence), "numerals for numbers", edits,
                    RulesEdit.Kind.STYLE);
        }
        if (lower.contains(" like ")) {
            s = RulesTightening.replace(s, SUCH_AS, m -> m.group(1) + " such as ", "'like' -> 'such as'", edits,
                    RulesEdit.Kind.STYLE);
        }
        if (lower.contains("ops")) {
            s = RulesTightening.replace(s, OPS, m -> Character.isUpperCase(m.group().charAt(0)) ? "Operations"
                    : "operations", "'ops' -> 'operations'", edits, RulesEdit.Kind.STYLE);
        }
        return s;
    }

    private static String numeral(Matcher m, String sentence) {
        if (BEFORE_NUMBER.matcher(sentence.substring(0, m.start())).find()
                || NOT_AFTER_NUMBER.contains(m.group(4).toLowerCase(Locale.ROOT))) {
            return null;
        }
        int value = value(m.group(1));
        if (m.group(2) != null) {
            if (value < 20) {
                return null;
            }
            value += value(m.group(2));
        }
        return Integer.toString(value);
    }

    private static int value(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int unit = UNITS.indexOf(w);
        return unit >= 0 ? unit : TENS.indexOf(w) * 10;
    }
}
