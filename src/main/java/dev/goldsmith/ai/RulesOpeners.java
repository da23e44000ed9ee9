package dev.goldsmith.ai;

import dev.goldsmith.ai.ActionVerbs.Role;
import dev.goldsmith.ai.ActionVerbs.Verb;
import dev.goldsmith.vault.ItemType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules provider's first job: a sentence that opens weakly ("Was responsible for", "Helped with", "Worked on",
 * "Was part of the team that", a passive "… was designed by me", a first-person "I …") opens with an action verb
 * instead. The claim never grows: what one helped with is "Supported", what one took part in is "Contributed to".
 * A verb form the table does not know leaves the sentence as it was.
 */
final class RulesOpeners {

    private record Opener(String regex, Role role, String fixedVerb) {
    }

    private static final List<Opener> OPENERS = List.of(
            opener("(?:my )?(?:duties|responsibilities) included", Role.OWNED, null),
            opener("(?:was |were )?(?:given |assigned )?(?:the )?responsibility for", Role.OWNED, null),
            opener("had (?:the )?responsibility for", Role.OWNED, null),
            opener("(?:was |were )?responsible for", Role.OWNED, null),
            opener("(?:was |were )?in charge of", Role.OWNED, null),
            opener("(?:was |were )?(?:tasked|charged) with", Role.OWNED, null),
            opener("(?:was|were) able to", Role.OWNED, null),
            opener("helped out (?:with|on)", Role.HELPED, null),
            opener("helped (?:with|to)", Role.HELPED, null),
            opener("assisted (?:in|with)", Role.HELPED, null),
            opener("worked closely with", Role.TOOK_PART, "Collaborated closely with"),
            opener("worked with", Role.TOOK_PART, "Collaborated with"),
            opener("worked alongside", Role.TOOK_PART, "Partnered with"),
            opener("did (?:a lot of|lots of|much|extensive|a great deal of) work (?:on|for)", Role.TOOK_PART,
                    "Contributed extensively to"),
            opener("did (?:some )?work (?:on|for)", Role.TOOK_PART, null),
            opener("(?:was |were )?involved (?:in|with)", Role.TOOK_PART, null),
            opener("worked on", Role.WORKED_ON, null),
            opener("participated in", Role.TOOK_PART, null),
            opener("took part in", Role.TOOK_PART, null),
            opener("(?:was |were )?a member of", Role.TOOK_PART, "Served on"),
            opener("(?:was |were )?(?:a )?part of", Role.TOOK_PART, "Contributed to"));

    private static final Pattern ANY_OPENER = openersPattern();

    /** "Was part of the (support) team that moved …": the work done, not the membership. */
    private static final Pattern TEAM_THAT = Pattern.compile("^(?:I\\s+)?(?:was |were )?(?:a )?(?:part|member) of "
            + "(?:the|a) ((?:[\\p{L}-]+ ){0,2}?)team (?:that|which|who) (\\p{L}+)\\b(.*?)([.!?]*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HELPED = Pattern.compile("^(?:I\\s+)?helped\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSISTED = Pattern.compile("^(?:I\\s+)?assisted\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSIVE = Pattern.compile("^(?:(the|a|an) )?((?:[\\p{L}\\p{N}'’-]+ ){0,5}?"
            + "[\\p{L}\\p{N}'’-]+) (?:was|were) (\\p{L}+) by (?:me|myself)\\b(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_PERSON = Pattern.compile("^I (?:(often|always|usually|regularly|also|"
            + "quickly|consistently|generally|frequently|typically|naturally) )?(\\p{L}+)\\b(.*)$");
    private static final Pattern STILL_FIRST_PERSON = Pattern.compile("\\b(?:me|my|myself|mine)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OPENING_WORD = Pattern.compile("(?:I\\s+)?(\\p{L}+)");
    /** The first words (after an optional "I") of every weak opening above. */
    private static final Set<String> OPENING_WORDS = Set.of("my", "duties", "responsibilities", "was", "were", "given",
            "assigned", "the", "responsibility", "had", "responsible", "in", "tasked", "charged", "helped", "assisted",
            "worked", "did", "involved", "participated", "took", "a", "part", "member");
    private static final Pattern FIRST_WORD = Pattern.compile("\\p{L}+(?![\\p{L}\\-'’])");
    private static final Pattern PARTICIPLE_AFTER = Pattern.compile("\\s+(\\p{Ll}+)\\b");
    private static final Pattern LISTED_GERUND = Pattern.compile(",\\s*(\\p{L}+ing)\\b");
    private static final Pattern WORD_AFTER = Pattern.compile("^\\s*([\\p{L}]+)");
    private static final Pattern COORDINATED_WORD = Pattern.compile("(,\\s*(?:and |or )?| and | or )(\\p{Ll}+)\\b");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "all", "every", "each", "other", "more",
            "new", "their", "its", "his", "her");
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}'’-]+");
    private static final Set<String> LEARNING = Set.of("learn", "improve", "get", "develop", "grow", "master",
            "understand", "build", "adopt", "become");

    private RulesOpeners() {
    }

    /** {@code sentence} with a weak opening made strong, or unchanged; an edit is added for each change. */
    static String apply(String sentence, ItemType type, List<RulesEdit> edits) {
        String s = sentence.strip();
        Matcher first = OPENING_WORD.matcher(s);
        boolean weak = first.lookingAt() && OPENING_WORDS.contains(first.group(1).toLowerCase(Locale.ROOT));
        for (Rule rule : RULES) {
            if (rule.when() == When.WEAK_START && !weak
                    || rule.when() == When.BY_ME && !s.toLowerCase(Locale.ROOT).contains(" by m")
                    || rule.when() == When.FIRST_PERSON && !s.startsWith("I ")) {
                continue;
            }
            String replaced = rule.rewrite().apply(s, type);
            if (replaced != null && !replaced.equals(s)) {
                edits.add(RulesEdit.stronger(rule.name() + ": '" + firstWords(s) + "' -> '" + firstWords(replaced) + "'"));
                return replaced;
            }
        }
        return s;
    }

    /** When a rule can apply at all: a cheap test that spares the others' regexes. */
    private enum When { WEAK_START, BY_ME, FIRST_PERSON }

    private record Rule(String name, When when, BiFunction<String, ItemType, String> rewrite) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("team work", When.WEAK_START, (s, t) -> teamThat(s)),
            new Rule("weak opener", When.WEAK_START, RulesOpeners::opener),
            new Rule("weak opener", When.WEAK_START, (s, t) -> helped(s)),
            new Rule("weak opener", When.WEAK_START, (s, t) -> assisted(s)),
            new Rule("passive voice", When.BY_ME, (s, t) -> passive(s)),
            new Rule("first person", When.FIRST_PERSON, RulesOpeners::firstPerson));

    private static String opener(String sentence, ItemType type) {
        Matcher m = ANY_OPENER.matcher(sentence);
        if (!m.lookingAt()) {
            return null;
        }
        int index = 1;
        while (m.group(index) == null) {
            index++;
        }
        Opener opener = OPENERS.get(index - 1);
        String rest = sentence.substring(m.end()).strip();
        if (rest.isEmpty() || !Character.isLetterOrDigit(rest.codePointAt(0))) {
            return null;
        }
        if (opener.fixedVerb() != null) {
            return opener.fixedVerb() + " " + rest;
        }
        String opened = m.group().strip().toLowerCase(Locale.ROOT);
        return withVerb(rest, opener.role(), opened.endsWith(" to"), type);
    }

    /**
     * "managing the budget" → "Managed the budget"; "the budget" → "Managed the budget"; "hiring for the team" →
     * "Facilitated hiring for the team" (a gerund before a preposition names an activity); {@code null} when the next
     * word is a verb form that cannot be conjugated ("spearheading", "to champion"): the text is left alone.
     */
    private static String withVerb(String rest, Role role, boolean afterTo, ItemType type) {
        Matcher word = FIRST_WORD.matcher(rest);
        if (!word.lookingAt()) {
            return afterTo ? null : ActionVerbs.choose(role, rest, type) + " " + rest;
        }
        String w = word.group();
        String after = rest.substring(word.end());
        if (afterTo) {
            // "Helped to shape X" did not shape X alone: the claim stays a contribution
            return ActionVerbs.byBase(w).map(v -> role == Role.HELPED ? "Contributed to " + v.gerund() + after
                    : ActionVerbs.capitalise(v.past()) + after).orElse(null);
        }
        Optional<Verb> gerund = ActionVerbs.byGerund(w);
        if (gerund.isPresent()) {
            if (!usedAsNoun(after)) {
                String coordinated = ActionVerbs.coordinated(after, Verb::past);
                return coordinated == null ? null : ActionVerbs.capitalise(gerund.get().past()) + coordinated;
            }
            if (!ActionVerbs.namesActivity(w)) {
                return null;
            }
        }
        if (gerund.isEmpty() && ActionVerbs.isUnknownVerbForm(w, false)) {
            return null;
        }
        return ActionVerbs.choose(role, rest, type) + " " + rest;
    }

    /**
     * True when what follows a gerund shows it is used as a noun: a preposition, punctuation or nothing — but not
     * the comma of a list of gerunds ("reviewing, approving and paying invoices").
     */
    private static boolean usedAsNoun(String afterGerund) {
        Matcher list = LISTED_GERUND.matcher(afterGerund);
        if (list.lookingAt() && ActionVerbs.byGerund(list.group(1)).isPresent()) {
            return false;
        }
        if (afterGerund.isBlank() || !Character.isWhitespace(afterGerund.charAt(0))) {
            return true;
        }
        Matcher next = WORD_AFTER.matcher(afterGerund);
        return !next.find() || ActionVerbs.isPreposition(next.group(1));
    }

    /** "Was part of the team that moved our data" → "Contributed to moving our data". */
    private static String teamThat(String sentence) {
        Matcher m = TEAM_THAT.matcher(sentence);
        if (!m.matches()) {
            return null;
        }
        Optional<Verb> verb = ActionVerbs.byPast(m.group(2));
        if (verb.isEmpty()) {
            return null;
        }
        String qualifier = m.group(1).strip();
        String done = "Contributed to " + verb.get().gerund() + m.group(3);
        return (qualifier.isEmpty() ? done : done + " as part of the " + qualifier + " team") + m.group(4);
    }

    /**
     * "Helped reduce stock-outs" → "Contributed to reducing stock-outs" (helping is not doing it alone); "Helped the product team with X" → "Supported the product
     * team with X"; "Helped colleagues get better at X" → "Coached colleagues to get better at X".
     */
    private static String helped(String sentence) {
        Matcher m = HELPED.matcher(sentence);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(1);
        Matcher word = FIRST_WORD.matcher(rest);
        if (word.lookingAt()) {
            Optional<Verb> base = ActionVerbs.byBase(word.group());
            if (base.isPresent()) {
                return "Contributed to " + base.get().gerund() + rest.substring(word.end());
            }
        }
        String[] words = rest.split(" ", -1);
        for (int i = 0; i < Math.min(4, words.length - 1); i++) {
            String w = words[i];
            if (!PLAIN_WORD.matcher(w).matches()) {
                return null;
            }
            if (ActionVerbs.isPeople(w) || w.equalsIgnoreCase("customers") || w.equalsIgnoreCase("clients")) {
                String group = String.join(" ", Arrays.copyOfRange(words, 0, i + 1));
                String after = String.join(" ", Arrays.copyOfRange(words, i + 1, words.length));
                return helpedPeople(group, after);
            }
        }
        return null;
    }

    private static String helpedPeople(String group, String after) {
        if (after.toLowerCase(Locale.ROOT).startsWith("with ")) {
            return "Supported " + group + " " + after;
        }
        String verbPart = after.toLowerCase(Locale.ROOT).startsWith("to ") ? after.substring(3) : after;
        Matcher word = FIRST_WORD.matcher(verbPart);
        if (!word.lookingAt()) {
            return null;
        }
        String base = word.group().toLowerCase(Locale.ROOT);
        if (LEARNING.contains(base)) {
            return "Coached " + group + " to " + verbPart;
        }
        return ActionVerbs.byBase(base).isPresent() ? "Enabled " + group + " to " + verbPart : null;
    }

    /** "Assisted the CFO with the budget" → "Supported the CFO with the budget". */
    private static String assisted(String sentence) {
        Matcher m = ASSISTED.matcher(sentence);
        if (!m.matches()) {
            return null;
        }
        Matcher word = FIRST_WORD.matcher(m.group(1));
        if (!word.lookingAt() || ActionVerbs.find(word.group()).isPresent()
                || ActionVerbs.isUnknownVerbForm(word.group(), false)) {
            return null;
        }
        return "Supported " + m.group(1);
    }

    /** "The new process was designed by me" → "Designed the new process". */
    private static String passive(String sentence) {
        Matcher m = PASSIVE.matcher(sentence);
        if (!m.matches()) {
            return null;
        }
        Optional<Verb> verb = ActionVerbs.byParticiple(m.group(3));
        if (verb.isEmpty()) {
            return null;
        }
        String article = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT) + " ";
        String thing = m.group(2);
        if (m.group(1) == null && !thing.isEmpty() && Character.isUpperCase(thing.charAt(0))
                && thing.length() > 1 && !Character.isUpperCase(thing.charAt(1))) {
            thing = Character.toLowerCase(thing.charAt(0)) + thing.substring(1);
        }
        return ActionVerbs.capitalise(verb.get().past()) + " " + article + thing + m.group(4);
    }

    /**
     * "I led the rollout" → "Led the rollout"; "I have led …" → "Led …"; "I notice when …" → "Notices when …";
     * "I am able to …" and
     * "I can …" go on to the capability rules (skills and competencies only).
     */
    private static String firstPerson(String sentence, ItemType type) {
        Matcher m = FIRST_PERSON.matcher(sentence);
        if (!m.matches() || STILL_FIRST_PERSON.matcher(m.group(3)).find()) {
            return null;
        }
        String adverb = m.group(1) == null ? "" : m.group(1) + " ";
        String word = m.group(2);
        String rest = m.group(3);
        String lower = word.toLowerCase(Locale.ROOT);
        Matcher perfect = PARTICIPLE_AFTER.matcher(rest);
        if ((lower.equals("have") || lower.equals("had")) && perfect.lookingAt()) {
            Optional<Verb> done = ActionVerbs.byParticiple(perfect.group(1));
            if (done.isPresent() && adverb.isEmpty()) {
                return ActionVerbs.capitalise(done.get().past()) + rest.substring(perfect.end());
            }
        }
        if (lower.equals("am") || lower.equals("can") || lower.equals("have")) {
            String after = rest.strip();
            if (type == ItemType.POWER_PHRASE || !adverb.isEmpty()) {
                return null;
            }
            String candidate = switch (lower) {
                case "can" -> "Can " + after;
                case "have" -> after.toLowerCase(Locale.ROOT).startsWith("experience ")
                        ? ActionVerbs.capitalise(after) : null;
                default -> ActionVerbs.capitalise(after);
            };
            return candidate == null ? null : RulesCapabilities.rephrase(candidate);
        }
        Optional<Verb> past = ActionVerbs.byPast(lower);
        if (past.isPresent() && !past.get().base().equals(lower)) {
            return ActionVerbs.capitalise(adverb + word + rest);
        }
        Optional<Verb> base = ActionVerbs.byBase(lower);
        if (base.isPresent()) {
            String coordinated = coordinatedPresent(rest);
            return coordinated == null ? null : ActionVerbs.capitalise(adverb + base.get().third() + coordinated);
        }
        if (lower.length() > 4 && lower.endsWith("ed")) {
            return ActionVerbs.capitalise(adverb + word + rest);
        }
        return null;
    }

    /**
     * "… and forecast demand" → "… and forecasts demand" after a first-person present verb; {@code null} when a
     * coordinated word may be a verb the table does not know ("… and greet visitors"): better left alone.
     */
    private static String coordinatedPresent(String rest) {
        Matcher c = COORDINATED_WORD.matcher(rest);
        StringBuilder out = new StringBuilder(rest.length() + 8);
        int last = 0;
        while (c.find()) {
            String w = c.group(2);
            Optional<Verb> verb = ActionVerbs.byBase(w);
            if (verb.isPresent()) {
                out.append(rest, last, c.start(2)).append(verb.get().third());
                last = c.end(2);
            } else if (!DETERMINERS.contains(w) && !w.endsWith("s")) {
                return null;
            }
        }
        return out.append(rest.substring(last)).toString();
    }

    /** The first three words of {@code s}, for an edit's description. */
    private static String firstWords(String s) {
        int end = -1;
        for (int words = 0; words < 3; words++) {
            end = s.indexOf(' ', end + 1);
            if (end < 0) {
                return s;
            }
        }
        return s.substring(0, end);
    }

    private static Opener opener(String regex, Role role, String fixedVerb) {
        return new Opener(regex, role, fixedVerb);
    }

    /** All openers in one pattern, one group each, in order: the first that matches wins, as in a loop. */
    private static Pattern openersPattern() {
        StringBuilder alternatives = new StringBuilder();
        for (Opener opener : OPENERS) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append('(').append(opener.regex()).append(')');
        }
        return Pattern.compile("(?:I\\s+)?(?:" + alternatives + ")\\b\\s*", Pattern.CASE_INSENSITIVE);
    }
}
