package dev.goldsmith.ai;

import dev.goldsmith.ai.ActionVerbs.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tighter wording for the rules provider: filler words out ("very", "really", "successfully"), wordy phrases
 * shortened ("in order to" → "to", "on a regular basis" → "regularly", "keeps notes of" → "documents"), "a lot of"
 * made precise ("extensive" before an activity, "many" before a plural), and clauses reduced where nothing is lost
 * ("a team that handled" → "a team handling", "the dates that are given" → "the dates given", "when things are
 * going wrong" → "when things go wrong"); a thing made in a tool names the tool first ("dashboards in Looker" →
 * "Looker dashboards").
 */
final class RulesTightening {

    /** A wordy phrase; {@code probe}, a plain lower-case part of it, must occur before the pattern is tried. */
    private record Phrase(Pattern pattern, String replacement, String probe) {
    }

    private static final List<String> FILLER_WORDS = List.of("very", "really", "basically", "actually", "just",
            "various", "quite", "literally", "simply", "totally", "definitely", "certainly", "extremely", "somewhat",
            "truly", "successfully", "incredibly");
    private static final Map<Integer, String> FILLERS_BY_HASH = FILLER_WORDS.stream()
            .collect(Collectors.toUnmodifiableMap(String::hashCode, f -> f));
    private static final List<Phrase> PHRASES = List.of(
            phrase("in order to", "to"), phrase("utilized", "used"), phrase("utilize", "use"),
            phrase("utilizing", "using"), phrase("utilised", "used"), phrase("utilise", "use"),
            phrase("utilising", "using"), phrase("a number of", "several"), phrase("a large number of", "many"),
            phrase("due to the fact that", "because"), phrase("on a daily basis", "daily"),
            phrase("on a weekly basis", "weekly"), phrase("on a monthly basis", "monthly"),
            phrase("on a regular basis", "regularly"), phrase("in a timely manner", "promptly"),
            phrase("prior to", "before"), phrase("the majority of", "most"), phrase("in the event that", "if"),
            phrase("at this point in time", "now"), phrase("make use of", "use"), phrase("made use of", "used"),
            phrase("making use of", "using"), phrase("keeps notes (?:of|on)", "documents"),
            phrase("kept notes (?:of|on)", "documented"), phrase("keeping notes (?:of|on)", "documenting"),
            phrase("takes notes (?:of|on)", "documents"), phrase("took notes (?:of|on)", "documented"));
    private static final Pattern A_LOT_OF = Pattern.compile("\\b(?:a lot of|lots of)\\s+([\\p{L}-]+)(\\s+([\\p{L}-]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PEOPLE_THAT = Pattern.compile("\\b([\\p{L}-]+) (?:that|who) (\\p{L}+)\\b");
    private static final Pattern THAT_ARE = Pattern.compile("\\b(?:that|which|who) (?:is|are|was|were) (\\p{L}+)\\b"
            + "(?! (?:by|being)\\b)");
    /** Things made in a tool: "dashboards in Looker" → "Looker dashboards". */
    private static final Set<String> MADE_THINGS = Set.of("dashboards", "reports", "scripts", "models", "queries",
            "macros", "workflows", "automations", "spreadsheets", "pipelines", "prototypes", "wireframes", "mock-ups",
            "mockups", "templates", "notebooks", "visualisations", "visualizations", "charts", "forms", "apps");
    private static final Set<String> NOT_TOOLS = Set.of("January", "February", "March", "April",
            "May", "June", "July", "August", "September", "October", "November", "December", "Monday", "Tuesday",
            "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "English", "French", "German", "Spanish", "I");
    private static final Pattern PROGRESSIVE_WHEN = Pattern.compile(
            "\\b(when|whenever|if) (\\p{L}+) (are|is) (\\p{L}+ing)\\b", Pattern.CASE_INSENSITIVE);

    private RulesTightening() {
    }

    static String apply(String sentence, List<RulesEdit> edits) {
        String s = removeFillers(sentence, edits);
        String lower = s.toLowerCase(Locale.ROOT);
        for (Phrase phrase : PHRASES) {
            if (!lower.contains(phrase.probe())) {
                continue;
            }
            Matcher m = phrase.pattern().matcher(s);
            if (m.find()) {
                edits.add(RulesEdit.tighter("'" + m.group() + "' -> '" + phrase.replacement() + "'"));
                s = m.replaceAll(phrase.replacement());
                lower = s.toLowerCase(Locale.ROOT);
            }
        }
        if (mentions(lower, "lot")) {
            s = replace(s, A_LOT_OF, RulesTightening::aLotOf, "'a lot of' made precise", edits);
        }
        return madeInTool(s, edits);
    }

    /** Clauses reduced; runs after the opener rules, which read some of these clauses whole. */
    static String reduceClauses(String sentence, List<RulesEdit> edits) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        String s = sentence;
        if (mentions(lower, " that ", " who ", " which ")) {
            s = replace(s, PEOPLE_THAT, RulesTightening::peopleThat, "relative clause reduced", edits);
            s = replace(s, THAT_ARE, RulesTightening::thatAre, "relative clause reduced", edits);
        }
        if (mentions(lower, "when ", "if ")) {
            s = replace(s, PROGRESSIVE_WHEN, RulesTightening::progressive, "simple present for a habit", edits);
        }
        return s;
    }

    /** The filler words out, word by word (a hyphenated word such as "just-in-time" is one word and stays). */
    private static String removeFillers(String sentence, List<RulesEdit> edits) {
        StringBuilder out = null;
        int last = 0;
        int i = 0;
        int n = sentence.length();
        while (i < n) {
            if (!Character.isLetter(sentence.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(sentence.charAt(i)) || sentence.charAt(i) == '-')) {
                i++;
            }
            char before = start > 0 ? sentence.charAt(start - 1) : ' ';
            boolean joined = before == '-' || Character.isDigit(before);
            String filler = joined ? null : filler(sentence, start, i - start);
            if (filler != null) {
                if (out == null) {
                    out = new StringBuilder(n);
                    edits.add(RulesEdit.tighter("removed filler '" + filler + "'"));
                }
                int end = i;
                while (end < n && Character.isWhitespace(sentence.charAt(end))) {
                    end++;
                }
                out.append(sentence, last, start);
                last = end;
                i = end;
            }
        }
        return out == null ? sentence : out.append(sentence.substring(last)).toString();
    }

    /**
     * "Created dashboards in Looker for …" → "Created Looker dashboards for …": a thing made in a tool names the tool
     * (one capitalised word, not a month, day or language) first.
     */
    private static String madeInTool(String s, List<RulesEdit> edits) {
        String lower = s.toLowerCase(Locale.ROOT);
        int at = lower.indexOf(" in ");
        while (at > 0) {
            int thingStart = at;
            while (thingStart > 0 && (Character.isLetter(s.charAt(thingStart - 1)) || s.charAt(thingStart - 1) == '-')) {
                thingStart--;
            }
            int toolStart = at + 4;
            int toolEnd = toolStart;
            while (toolEnd < s.length()
                    && (Character.isLetterOrDigit(s.charAt(toolEnd)) || "+#.".indexOf(s.charAt(toolEnd)) >= 0)) {
                toolEnd++;
            }
            while (toolEnd > toolStart && s.charAt(toolEnd - 1) == '.') {
                toolEnd--;
            }
            String tool = s.substring(toolStart, toolEnd);
            boolean bounded = toolEnd == s.length() || !Character.isLetterOrDigit(s.charAt(toolEnd));
            if (bounded && !tool.isEmpty() && Character.isUpperCase(tool.charAt(0)) && !NOT_TOOLS.contains(tool)
                    && Character.isLetter(tool.charAt(tool.length() - 1))
                    && MADE_THINGS.contains(lower.substring(thingStart, at))) {
                edits.add(RulesEdit.tighter("tool named first"));
                return s.substring(0, thingStart) + tool + " " + s.substring(thingStart, at) + s.substring(toolEnd);
            }
            at = lower.indexOf(" in ", at + 1);
        }
        return s;
    }

    /** The filler word {@code length} characters long at {@code start}, or {@code null}. */
    private static String filler(String s, int start, int length) {
        if (length < 4 || length > 12) {
            return null;
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + Character.toLowerCase(s.charAt(i));
        }
        String filler = FILLERS_BY_HASH.get(hash);
        return filler != null && s.regionMatches(true, start, filler, 0, length) ? filler : null;
    }

    /** Each match of {@code pattern} replaced by {@code rewrite}'s answer, or left as it is when that is null. */
    static String replace(String s, Pattern pattern, Function<Matcher, String> rewrite, String edit,
            List<RulesEdit> edits) {
        return replace(s, pattern, rewrite, edit, edits, RulesEdit.Kind.TIGHTER);
    }

    /** As {@link #replace(String, Pattern, Function, String, List)}, recording an edit of {@code kind}. */
    static String replace(String s, Pattern pattern, Function<Matcher, String> rewrite, String edit,
            List<RulesEdit> edits, RulesEdit.Kind kind) {
        Matcher m = pattern.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String replacement = rewrite.apply(m);
            if (replacement == null || replacement.equals(m.group())) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16);
            }
            out.append(s, last, m.start()).append(replacement);
            last = m.end();
        }
        if (out == null) {
            return s;
        }
        edits.add(new RulesEdit(kind, edit));
        return out.append(s.substring(last)).toString();
    }

    /** "a lot of informal mentoring" → "extensive informal mentoring"; "a lot of customers" → "many customers". */
    private static String aLotOf(Matcher m) {
        String tail = m.group(2) == null ? "" : m.group(2);
        String quantity = quantity(m.group(1));
        if (quantity == null && m.group(3) != null) {
            quantity = quantity(m.group(3));
        }
        return quantity == null ? null : quantity + " " + m.group(1) + tail;
    }

    /** "extensive" before an activity ("mentoring"), "many" before a plural, else {@code null}. */
    private static String quantity(String noun) {
        String n = noun.toLowerCase(Locale.ROOT);
        if (n.length() > 4 && n.endsWith("ing")) {
            return "extensive";
        }
        return n.length() > 3 && n.endsWith("s") && !n.endsWith("ss") ? "many" : null;
    }

    /** "a small team that handled returns" → "a small team handling returns" (people only, unambiguous past). */
    private static String peopleThat(Matcher m) {
        if (!ActionVerbs.isPeople(m.group(1))) {
            return null;
        }
        Optional<Verb> verb = ActionVerbs.byPast(m.group(2));
        if (verb.isEmpty() || verb.get().past().equals(verb.get().base())) {
            return null;
        }
        return m.group(1) + " " + verb.get().gerund();
    }

    /** "the dates that are given" → "the dates given". */
    private static String thatAre(Matcher m) {
        Optional<Verb> verb = ActionVerbs.byParticiple(m.group(1));
        if (verb.isEmpty() || verb.get().participle().equals(verb.get().base())) {
            return null;
        }
        return m.group(1);
    }

    /** "when things are going wrong" → "when things go wrong". */
    private static String progressive(Matcher m) {
        Optional<Verb> verb = ActionVerbs.byGerund(m.group(4));
        if (verb.isEmpty()) {
            return null;
        }
        String form = m.group(3).equalsIgnoreCase("are") ? verb.get().base() : verb.get().third();
        return m.group(1) + " " + m.group(2) + " " + form;
    }

    private static Phrase phrase(String regex, String replacement) {
        String probe = regex.split("\\(", 2)[0].strip();
        return new Phrase(Pattern.compile("\\b" + regex + "\\b", Pattern.CASE_INSENSITIVE), replacement, probe);
    }

    /** True when {@code lower} holds any of {@code probes}: a cheap test before a regex that would scan the text. */
    static boolean mentions(String lower, String... probes) {
        for (String probe : probes) {
            if (lower.contains(probe)) {
                return true;
            }
        }
        return false;
    }
}
