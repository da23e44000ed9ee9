package dev.goldsmith.ai;

import dev.goldsmith.ai.ActionVerbs.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transferable skills and hidden competencies phrased as capabilities, in the present tense the way the strongest
 * items of a vault read ("Facilitates decisions …", "Spots second-order effects …"): "Able to learn new systems
 * quickly" → "Learns new systems quickly", "Presenting to senior stakeholders" → "Presents to senior stakeholders",
 * "Organised and detail-oriented" → "Keeps work organised and pays close attention to detail". Each rule rewrites a
 * whole sentence of a shape it recognises and says only what the sentence said; any other sentence is left alone.
 */
final class RulesCapabilities {

    /** A rule; {@code probe} tests the lower-case sentence cheaply before the rule's regex is tried. */
    private record Rule(String name, Pattern pattern, Function<Matcher, String> rewrite, RulesEdit.Kind kind,
            Predicate<String> probe) {
    }

    private static final String ADVERBS = "often|usually|always|generally|frequently|typically|regularly|quickly"
            + "|consistently|reliably|naturally|calmly|clearly|confidently";
    private static final Pattern TRAIT_SPLIT = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern FIRST_ING = Pattern.compile("\\p{L}+ing\\b");
    private static final Pattern NEXT_WORD = Pattern.compile("\\s+(\\p{L}+)");
    /** Nouns a gerund describes rather than governs: "Working knowledge of Python" is no action. */
    private static final Set<String> ADJECTIVAL = Set.of("knowledge", "experience", "relationship",
            "relationships", "environment", "environments", "group", "groups", "hours", "capital", "language",
            "languages", "style", "skills", "days", "session", "sessions", "papers", "paper", "committee", "partner",
            "partners", "order", "memory", "principles", "practices", "procedures", "rules", "standards");
    private static final Pattern WORKS_WITH = Pattern.compile("^works( well| closely)? with\\b", Pattern.CASE_INSENSITIVE);

    /** "Good X skills" → what a person with them does. */
    private static final Map<String, String> SKILL_VERBS = Map.ofEntries(
            Map.entry("communication", "Communicates"), Map.entry("presentation", "Presents"),
            Map.entry("writing", "Writes"), Map.entry("listening", "Listens"), Map.entry("negotiation", "Negotiates"),
            Map.entry("leadership", "Leads"), Map.entry("organisational", "Organises work"),
            Map.entry("organizational", "Organizes work"), Map.entry("organisation", "Organises work"),
            Map.entry("organization", "Organizes work"), Map.entry("problem-solving", "Solves problems"),
            Map.entry("problem solving", "Solves problems"), Map.entry("time management", "Manages time"),
            Map.entry("interpersonal", "Works with people"), Map.entry("people", "Works with people"),
            Map.entry("customer service", "Serves customers"), Map.entry("teamwork", "Works in a team"));

    /** Traits an item lists as adjectives, and the capability each names. */
    private static final Map<String, String> TRAITS = Map.ofEntries(
            Map.entry("organised", "keeps work organised"), Map.entry("organized", "keeps work organized"),
            Map.entry("well-organised", "keeps work organised"), Map.entry("well-organized", "keeps work organized"),
            Map.entry("detail-oriented", "pays close attention to detail"),
            Map.entry("detail oriented", "pays close attention to detail"),
            Map.entry("detail-orientated", "pays close attention to detail"),
            Map.entry("customer focused", "focuses on customers' needs"),
            Map.entry("customer-focused", "focuses on customers' needs"),
            Map.entry("customer-centric", "focuses on customers' needs"),
            Map.entry("team player", "works well in a team"), Map.entry("a team player", "works well in a team"),
            Map.entry("proactive", "takes the initiative"), Map.entry("adaptable", "adapts to change"),
            Map.entry("flexible", "adapts to change"), Map.entry("reliable", "delivers reliably"),
            Map.entry("dependable", "delivers reliably"), Map.entry("punctual", "keeps to time"),
            Map.entry("results-driven", "focuses on results"), Map.entry("results-oriented", "focuses on results"),
            Map.entry("results driven", "focuses on results"), Map.entry("analytical", "thinks analytically"),
            Map.entry("hard-working", "works hard"), Map.entry("hardworking", "works hard"),
            Map.entry("calm under pressure", "stays calm under pressure"), Map.entry("patient", "stays patient"),
            Map.entry("curious", "asks questions"));

    private static final Set<String> TRAIT_STARTS = TRAITS.keySet().stream().map(RulesCapabilities::firstWord)
            .collect(Collectors.toUnmodifiableSet());

    /** "Vendor management" → "Manages vendors": only nouns that take a plural. */
    private static final Map<String, String> MANAGED = Map.ofEntries(
            Map.entry("vendor", "vendors"), Map.entry("supplier", "suppliers"), Map.entry("project", "projects"),
            Map.entry("stakeholder", "stakeholders"), Map.entry("account", "accounts"), Map.entry("budget", "budgets"),
            Map.entry("contract", "contracts"), Map.entry("client", "clients"), Map.entry("event", "events"),
            Map.entry("risk", "risks"), Map.entry("product", "products"), Map.entry("program", "programs"),
            Map.entry("programme", "programmes"), Map.entry("release", "releases"), Map.entry("incident", "incidents"),
            Map.entry("partner", "partners"), Map.entry("volunteer", "volunteers"), Map.entry("team", "teams"));

    private static final List<Rule> RULES = List.of(
            rule("ability", "^(?:able to|can) (?:(" + ADVERBS + ") )?(?!be\\b|not\\b)(\\p{Ll}+)\\b(.*)$",
                    m -> lead(m.group(1)) + ActionVerbs.thirdPerson(m.group(2)) + m.group(3), starts("able to ", "can ")),
            rule("skill", "^(?:good|great) (at|with) (.+)$", m -> "Skilled " + m.group(1) + " " + m.group(2),
                    starts("good ", "great ")),
            rule("skill", "^(good|strong|excellent|great|solid|outstanding|exceptional) ([\\p{L} -]+?) skills$",
                    RulesCapabilities::skills, l -> l.endsWith(" skills")),
            rule("capability", "^(\\p{L}+ing)\\b(.*)$", RulesCapabilities::gerund, l -> FIRST_ING.matcher(l).lookingAt()),
            rule("capability", "^(?:likes|loves|enjoys) (?:to (?!be\\b|have\\b)(\\p{Ll}+)|(\\p{L}+ing))\\b(.*)$",
                    RulesCapabilities::likes, starts("likes ", "loves ", "enjoys ")),
            rule("capability", "^(?:(" + ADVERBS + ") )?(?:the|a) (?:person|one|colleague|teammate|team member) "
                    + "(?:who|that) (\\p{Ll}+s)\\b(.*)$", m -> lead(m.group(1)) + m.group(2) + m.group(3),
                    l -> l.contains(" who ") || l.contains(" that ")),
            rule("capability", "^(?:an? )?(?:team player|self-starter|self starter|hard worker|quick learner"
                    + "|fast learner|people person|problem solver|go-getter|good listener) (?:who|that) (\\p{Ll}+s)\\b(.*)$",
                    m -> collaborates(m.group(1) + m.group(2)), l -> l.contains(" who ") || l.contains(" that ")),
            rule("capability", "^(.+)$", RulesCapabilities::traits, l -> TRAIT_STARTS.contains(firstWord(l))),
            rule("skill", "^knows (some|a little|a bit of|a little bit of) (.+)$",
                    m -> (m.group(1).equalsIgnoreCase("some") ? "Working" : "Basic") + " knowledge of " + m.group(2),
                    starts("knows ")),
            rule("skill", "^(?:comfortable|confident|experienced|proficient|skilled) (?:with|in|using) (.+?) "
                    + "(?:for|when) (\\p{L}+ing) (.+)$", RulesCapabilities::usingFor,
                    starts("comfortable ", "confident ", "experienced ", "proficient ", "skilled ")),
            new Rule("skill", Pattern.compile("^(?:has )?experience (with|in|using) (.+)$", Pattern.CASE_INSENSITIVE),
                    m -> "Experienced " + m.group(1) + " " + m.group(2), RulesEdit.Kind.TIGHTER,
                    starts("experience ", "has experience ")),
            rule("capability", "^([\\p{L}-]+) management(?: and (.+))?$", RulesCapabilities::management,
                    l -> l.contains(" management")),
            rule("capability", "^(people|colleagues|others|teammates|everyone|coworkers|co-workers|team members) "
                    + "(?:often |usually |always )?(?:come|comes|turn|turns|go|goes) to me (when|for|with) (.+)$",
                    RulesCapabilities::goTo, l -> l.contains(" to me ")),
            rule("capability", "^works( well| closely)? with\\b(.*)$",
                    m -> "Collaborates" + (m.group(1) == null ? "" : m.group(1)) + " with" + m.group(2), starts("works ")));

    private RulesCapabilities() {
    }

    /** {@code sentence} phrased as a capability, or unchanged; an edit is added when it changed. */
    static String apply(String sentence, List<RulesEdit> edits) {
        int cut = sentence.length();
        while (cut > 0 && ".!?".indexOf(sentence.charAt(cut - 1)) >= 0) {
            cut--;
        }
        String body = sentence.substring(0, cut);
        String end = sentence.substring(body.length());
        String lower = body.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (!rule.probe().test(lower)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(body);
            if (m.matches()) {
                String rewritten = rule.rewrite().apply(m);
                if (rewritten != null && !rewritten.equals(body)) {
                    edits.add(new RulesEdit(rule.kind(), rule.name() + ": '" + body + "' -> '" + rewritten + "'"));
                    return ActionVerbs.capitalise(rewritten) + end;
                }
            }
        }
        return sentence;
    }

    /** {@code sentence} phrased as a capability, or {@code null} when no rule recognises it. */
    static String rephrase(String sentence) {
        List<RulesEdit> edits = new ArrayList<>();
        String result = apply(sentence, edits);
        return edits.isEmpty() ? null : result;
    }

    private static String skills(Matcher m) {
        String verb = SKILL_VERBS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (verb == null) {
            return null;
        }
        String degree = m.group(1).toLowerCase(Locale.ROOT);
        boolean top = degree.equals("excellent") || degree.equals("outstanding") || degree.equals("exceptional");
        return verb + (top ? " exceptionally well" : " effectively");
    }

    /** "Planning events and managing budgets" → "Plans events and manages budgets"; unknown verbs: left alone. */
    private static String gerund(Matcher m) {
        Optional<Verb> verb = ActionVerbs.byGerund(m.group(1));
        Matcher next = NEXT_WORD.matcher(m.group(2));
        if (next.lookingAt() && ADJECTIVAL.contains(next.group(1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        String rest = verb.isEmpty() ? null : ActionVerbs.coordinated(m.group(2), Verb::third);
        return rest == null ? null : collaborates(verb.get().third() + rest);
    }

    private static String likes(Matcher m) {
        if (m.group(1) != null) {
            return ActionVerbs.thirdPerson(m.group(1)) + m.group(3);
        }
        return ActionVerbs.byGerund(m.group(2)).map(v -> v.third() + m.group(3)).orElse(null);
    }

    private static String collaborates(String text) {
        Matcher m = WORKS_WITH.matcher(text);
        return m.find() ? "collaborates" + (m.group(1) == null ? "" : m.group(1)) + " with" + text.substring(m.end()) : text;
    }

    /** "Organised and detail-oriented" → "Keeps work organised and pays close attention to detail". */
    private static String traits(Matcher m) {
        String[] parts = TRAIT_SPLIT.split(m.group(1).strip());
        List<String> phrases = new ArrayList<>();
        for (String part : parts) {
            String phrase = TRAITS.get(part.toLowerCase(Locale.ROOT));
            if (phrase == null) {
                return null;
            }
            if (!phrases.contains(phrase)) {
                phrases.add(phrase);
            }
        }
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.get(phrases.size() - 1);
    }

    /** "Comfortable with SQL for analysing data" → "Analyses data using SQL". */
    private static String usingFor(Matcher m) {
        return ActionVerbs.byGerund(m.group(2)).map(v -> v.third() + " " + m.group(3) + " using " + m.group(1)).orElse(null);
    }

    private static String management(Matcher m) {
        String plural = MANAGED.get(m.group(1).toLowerCase(Locale.ROOT));
        if (plural == null) {
            return null;
        }
        return "Manages " + plural + (m.group(2) == null ? "" : " and " + m.group(2));
    }

    /**
     * "People come to me when …" → "Go-to person when …"; "Colleagues come to me for …" → "Colleagues' go-to person
     * for …".
     */
    private static String goTo(Matcher m) {
        String who = m.group(1).toLowerCase(Locale.ROOT);
        String link = m.group(2).equalsIgnoreCase("with") ? "for" : m.group(2).toLowerCase(Locale.ROOT);
        boolean anyone = who.equals("people") || who.equals("others") || who.equals("everyone");
        return (anyone ? "Go-to person " : ActionVerbs.capitalise(who) + "' go-to person ") + link + " " + m.group(3);
    }

    private static String lead(String adverb) {
        return adverb == null ? "" : ActionVerbs.capitalise(adverb.toLowerCase(Locale.ROOT)) + " ";
    }

    private static Rule rule(String name, String regex, Function<Matcher, String> rewrite, Predicate<String> probe) {
        return new Rule(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), rewrite, RulesEdit.Kind.STRONGER, probe);
    }

    private static String firstWord(String lower) {
        int end = 0;
        while (end < lower.length() && (Character.isLetter(lower.charAt(end)) || lower.charAt(end) == '-')) {
            end++;
        }
        return lower.substring(0, end);
    }

    private static Predicate<String> starts(String... prefixes) {
        return lower -> {
            for (String prefix : prefixes) {
                if (lower.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        };
    }
}
