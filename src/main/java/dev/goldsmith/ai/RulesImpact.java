package dev.goldsmith.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantified-impact nudge, only where the text already gives the numbers: a change "from A to B" in one unit
 * is also stated as the percentage it is ("Cut fulfilment time from 4.1 to 2.6 days" → "Cut fulfilment time by
 * 36% (from 4.1 to 2.6 days)"). The percentage is computed from the text's own two numbers and rounded down, so
 * it never claims more than they show; nothing is added when the text has no such pair, when a percentage is
 * already given, when the two numbers have different units, or when the verb says the opposite of the numbers.
 */
final class RulesImpact {

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)";
    private static final Pattern CHANGE = Pattern.compile("\\b(cut|reduced|lowered|decreased|shortened|trimmed"
            + "|brought|took|improved|increased|raised|grew|boosted|lifted)\\b([^.;:%\\d]{1,80}?)\\bfrom " + NUMBER
            + "(?: (\\p{L}[\\p{L}-]*))? to " + NUMBER + "(?![\\d.,]*\\d)(?!\\s*%)(?: (\\p{L}[\\p{L}-]*))?"
            + "((?: (?:a|per|each) (?:day|week|month|quarter|year))?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTICLE = Pattern.compile("\\s(?:down|up)\\s$");
    private static final Set<String> POINTS = Set.of("percent", "per", "percentage", "points", "pp", "bps", "basis");
    private static final Pattern ALREADY = Pattern.compile("\\b(?:by|of) \\d+(?:\\.\\d+)?\\s?%|\\d\\s?%\\s*\\(from");
    private static final Set<String> DOWN = Set.of("cut", "reduced", "lowered", "decreased", "shortened", "trimmed");
    private static final Set<String> UP = Set.of("increased", "raised", "grew", "boosted", "lifted");
    private static final Set<String> NOT_UNITS = Set.of("by", "and", "in", "while", "with", "after", "before", "within",
            "through", "across", "for", "per", "a", "an", "the", "over", "at", "on", "when", "so", "as", "which", "that");

    private RulesImpact() {
    }

    static String apply(String sentence, List<RulesEdit> edits) {
        if (!sentence.contains("from ") || ALREADY.matcher(sentence).find()) {
            return sentence;
        }
        Matcher m = CHANGE.matcher(sentence);
        if (!m.find()) {
            return sentence;
        }
        String unitFrom = m.group(4);
        String unit = m.group(6);
        if (unit != null && NOT_UNITS.contains(unit.toLowerCase(Locale.ROOT))) {
            unit = null;
        }
        if ((unit != null && POINTS.contains(unit.toLowerCase(Locale.ROOT)))
                || (unitFrom != null && !unitFrom.equalsIgnoreCase(unit == null ? "" : unit))) {
            return sentence;
        }
        BigDecimal from = number(m.group(3));
        BigDecimal to = number(m.group(5));
        String verb = m.group(1);
        String lower = verb.toLowerCase(Locale.ROOT);
        int direction = to.compareTo(from);
        if (from.signum() == 0 || direction == 0 || (direction < 0 && UP.contains(lower))
                || (direction > 0 && DOWN.contains(lower))) {
            return sentence;
        }
        BigDecimal percent = to.subtract(from).abs().multiply(BigDecimal.valueOf(100)).divide(from, 0, RoundingMode.DOWN);
        if (percent.signum() == 0) {
            return sentence;
        }
        String between = m.group(2);
        if (lower.equals("brought") || lower.equals("took")) {
            verb = matchCase(direction < 0 ? "cut" : "raised", verb);
            between = PARTICLE.matcher(between).replaceFirst(" ");
        }
        String period = unit == null ? "" : m.group(7);
        String replaced = verb + between + "by " + percent.toPlainString() + "% (from " + m.group(3)
                + (unitFrom == null ? "" : " " + unitFrom) + " to " + m.group(5) + (unit == null ? "" : " " + unit)
                + period + ")";
        int end = unit == null ? (m.group(6) == null ? m.end(5) : m.start(6) - 1) : m.end(7);
        edits.add(RulesEdit.stronger("result stated as a percentage: " + percent.toPlainString() + "%"));
        return sentence.substring(0, m.start()) + replaced + sentence.substring(end);
    }

    private static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", ""));
    }

    private static String matchCase(String word, String like) {
        return Character.isUpperCase(like.charAt(0)) ? ActionVerbs.capitalise(word) : word;
    }
}
