package dev.goldsmith.ai;

import dev.goldsmith.vault.ItemType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verbs the rules provider knows, with their forms, and the strong action verb to open a phrase with. A verb
 * is only ever conjugated from this table (or, where grammar fixes the form, by the regular rule): a word it does
 * not know is left as it was rather than guessed at.
 *
 * <p>Before a noun phrase, the verb is chosen from the phrase's head noun (people, something built, money,
 * customers, a service given, a project) and how much the opener claimed; it never claims more than the opener
 * did: "helped with" a thing becomes "Supported" or "Co-developed", "took part in" becomes "Contributed to",
 * never "Led".
 */
final class ActionVerbs {

    /** How much the opener claimed. */
    enum Role {
        /** "Responsible for", "In charge of": the person ran it. */
        OWNED,
        /** "Helped with", "Assisted in": the person supported it. */
        HELPED,
        /** "Worked on": hands-on work on it. */
        WORKED_ON,
        /** "Involved in", "Participated in", "Part of": a share in it. */
        TOOK_PART
    }

    private enum Topic { PEOPLE, BUILT, MONEY, CUSTOMERS, SERVICE, PROJECT, OTHER }

    /** One verb's forms; {@code participle} equals {@code past} for regular verbs. */
    record Verb(String base, String past, String gerund, String participle) {

        /** The third person singular present: "manages", "coaches", "carries", "has". */
        String third() {
            return thirdPerson(base);
        }
    }

    /** base past gerund [participle]; a row ending in -ize/-yze also gives the British -ise/-yse forms. */
    private static final List<String> TABLE = List.of(
            "adapt adapted adapting", "add added adding", "approve approved approving", "advise advised advising",
            "align aligned aligning", "analyze analyzed analyzing", "approach approached approaching",
            "answer answered answering", "ask asked asking", "assess assessed assessing", "audit audited auditing",
            "automate automated automating", "boost boosted boosting", "bring brought bringing",
            "build built building", "calm calmed calming", "catch caught catching", "chase chased chasing",
            "champion championed championing", "clean cleaned cleaning", "clarify clarified clarifying",
            "coach coached coaching", "collaborate collaborated collaborating",
            "communicate communicated communicating", "complete completed completing", "conduct conducted conducting",
            "connect connected connecting", "consolidate consolidated consolidating",
            "coordinate coordinated coordinating", "create created creating", "cut cut cutting",
            "decrease decreased decreasing", "define defined defining", "deliver delivered delivering",
            "deploy deployed deploying", "design designed designing", "develop developed developing",
            "document documented documenting", "draft drafted drafting", "drive drove driving driven",
            "edit edited editing", "enable enabled enabling", "ensure ensured ensuring",
            "escalate escalated escalating", "establish established establishing", "evaluate evaluated evaluating",
            "execute executed executing", "expand expanded expanding", "explain explained explaining",
            "facilitate facilitated facilitating", "find found finding", "fix fixed fixing", "flag flagged flagging",
            "forecast forecast forecasting", "frame framed framing", "generate generated generating",
            "give gave giving given", "go went going gone", "grow grew growing grown", "guide guided guiding",
            "handle handled handling", "help helped helping", "hire hired hiring", "identify identified identifying",
            "implement implemented implementing", "improve improved improving", "increase increased increasing",
            "influence influenced influencing", "inspire inspired inspiring", "integrate integrated integrating",
            "interview interviewed interviewing", "introduce introduced introducing", "keep kept keeping",
            "launch launched launching", "lead led leading", "learn learned learning", "listen listened listening",
            "lower lowered lowering", "maintain maintained maintaining", "make made making",
            "manage managed managing", "map mapped mapping", "mediate mediated mediating",
            "mentor mentored mentoring", "migrate migrated migrating", "modernize modernized modernizing",
            "monitor monitored monitoring", "motivate motivated motivating", "move moved moving",
            "negotiate negotiated negotiating", "notice noticed noticing", "onboard onboarded onboarding",
            "optimize optimized optimizing", "organize organized organizing", "oversee oversaw overseeing overseen",
            "own owned owning", "pay paid paying", "plan planned planning", "prepare prepared preparing",
            "present presented presenting", "prioritize prioritized prioritizing", "process processed processing",
            "produce produced producing", "provide provided providing", "raise raised raising",
            "rebuild rebuilt rebuilding", "recruit recruited recruiting", "redesign redesigned redesigning",
            "reduce reduced reducing", "report reported reporting", "research researched researching",
            "resolve resolved resolving", "respond responded responding", "retire retired retiring",
            "review reviewed reviewing", "run ran running run", "save saved saving", "schedule scheduled scheduling",
            "secure secured securing", "sell sold selling", "serve served serving", "set set setting",
            "shape shaped shaping", "ship shipped shipping", "simplify simplified simplifying",
            "solve solved solving", "source sourced sourcing", "spot spotted spotting", "stay stayed staying",
            "standardize standardized standardizing", "streamline streamlined streamlining",
            "supervise supervised supervising", "support supported supporting", "teach taught teaching",
            "test tested testing", "track tracked tracking", "train trained training",
            "translate translated translating", "troubleshoot troubleshot troubleshooting", "update updated updating",
            "use used using", "win won winning", "work worked working", "write wrote writing written");

    /** Words ending in "ing" that are nouns here ("responsible for marketing"), never verbs to conjugate. */
    private static final Set<String> ING_NOUNS = Set.of("marketing", "engineering", "pricing", "accounting", "billing",
            "branding", "purchasing", "manufacturing", "catering", "housekeeping", "staffing", "funding", "networking",
            "fundraising", "bookkeeping", "merchandising", "ticketing", "licensing", "packaging", "landscaping",
            "nursing", "tutoring", "banking", "meeting", "meetings", "building", "buildings", "offering", "offerings",
            "setting", "settings", "warning", "warnings", "something", "anything", "everything", "nothing");

    /** Gerunds that work as the name of an activity after a preposition: "helped with hiring for the team". */
    private static final Set<String> ACTIVITIES = Set.of("hiring", "onboarding", "training", "planning", "reporting",
            "recruiting", "mentoring", "coaching", "scheduling", "forecasting", "testing", "auditing", "monitoring",
            "editing", "interviewing", "sourcing", "troubleshooting", "researching", "drafting", "processing");

    private static final Map<String, Verb> BY_BASE = new HashMap<>();
    private static final Map<String, Verb> BY_GERUND = new HashMap<>();
    private static final Map<String, Verb> BY_PAST = new HashMap<>();
    private static final Map<String, Verb> BY_PARTICIPLE = new HashMap<>();

    static {
        for (String row : TABLE) {
            String[] f = row.split(" ");
            register(new Verb(f[0], f[1], f[2], f.length > 3 ? f[3] : f[1]));
            if (f[0].endsWith("ize") || f[0].endsWith("yze")) {
                register(new Verb(british(f[0]), british(f[1]), british(f[2]), british(f.length > 3 ? f[3] : f[1])));
            }
        }
    }

    private static final Set<String> PEOPLE = Set.of("team", "teams", "staff", "employees", "interns", "volunteers",
            "engineers", "developers", "analysts", "members", "people", "colleagues", "hires",
            "managers", "coworkers", "co-workers", "peers", "juniors", "apprentices", "trainees", "contractors",
            "squad", "squads", "crew", "department", "departments");
    /** People nouns one serves on rather than partners with. */
    private static final Set<String> UNITS = Set.of("team", "teams", "squad", "squads", "crew", "department");
    private static final Set<String> BUILT = Set.of(
            "system", "systems", "application", "applications", "app", "apps", "platform", "tool", "tools", "website",
            "site", "software", "feature", "features", "pipeline", "api", "apis", "portal", "database", "dashboard",
            "dashboards", "product", "prototype");
    private static final Set<String> MONEY = Set.of("budget", "budgets", "cost", "costs", "revenue", "sales", "spend",
            "spending", "invoices", "accounts", "payroll", "forecast", "forecasts");
    /** Money documents one prepares: "worked on the budget" → "Prepared the budget" (never "Prepared sales"). */
    private static final Set<String> PREPARED = Set.of("budget", "budgets", "forecast", "forecasts", "invoices",
            "accounts", "payroll");
    private static final Set<String> CUSTOMERS = Set.of("customer", "customers", "client", "clients", "users",
            "patients", "students", "guests");
    private static final Set<String> SERVICE = Set.of("mentoring", "coaching", "training", "guidance", "advice",
            "feedback", "help", "support", "tutoring", "mentorship");
    private static final Set<String> PROJECT = Set.of("rollout", "roll-out", "launch", "migration", "implementation",
            "project", "projects", "initiative", "initiatives", "programme", "program", "preparation", "preparations",
            "negotiation", "negotiations", "audit", "audits", "experiment", "experiments", "research", "campaign",
            "campaigns", "event", "events", "effort", "efforts", "transition", "upgrade", "integration", "deployment",
            "redesign", "review", "reviews", "study", "survey", "pilot", "trial", "bid", "tender", "rebrand");

    /** Words that end the noun phrase after an opener ("the rollout | of a new system"). */
    private static final Set<String> PHRASE_ENDS = Set.of("of", "for", "to", "in", "on", "at", "with", "by", "from",
            "into", "across", "between", "during", "within", "throughout", "among", "under", "over", "via", "that",
            "which", "who", "whose", "and", "or", "as", "so", "while", "when", "where", "because");
    private static final Set<String> PREPOSITIONS = Set.of("of", "for", "to", "in", "on", "at", "with", "by", "from",
            "into", "across", "between", "during", "within", "throughout", "among", "under", "over", "via");

    private static final Pattern COORDINATED_GERUND = Pattern.compile("(,\\s*(?:and |or )?| and | or )(\\p{L}+ing)\\b");
    private static final Pattern PREPOSITION_GERUND = Pattern.compile(
            "\\b(?:on|in|for|of|at|about|by|with|to|from|without|before|after)\\s+\\p{L}+ing\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIBILANT = Pattern.compile(".*(?:s|sh|ch|x|z)");
    private static final Pattern CONSONANT_Y = Pattern.compile(".*[^aeiou]y");

    private ActionVerbs() {
    }

    /** The verb whose base form ("manage"), gerund ("managing") or past tense ("managed") {@code word} is. */
    static Optional<Verb> find(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Verb v = BY_BASE.get(w);
        if (v == null) {
            v = BY_GERUND.get(w);
        }
        return Optional.ofNullable(v != null ? v : BY_PAST.get(w));
    }

    static Optional<Verb> byBase(String word) {
        return Optional.ofNullable(BY_BASE.get(word.toLowerCase(Locale.ROOT)));
    }

    /** The verb of a gerund in the table; never one of the -ing nouns ("marketing"). */
    static Optional<Verb> byGerund(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return ING_NOUNS.contains(w) ? Optional.empty() : Optional.ofNullable(BY_GERUND.get(w));
    }

    static Optional<Verb> byPast(String word) {
        return Optional.ofNullable(BY_PAST.get(word.toLowerCase(Locale.ROOT)));
    }

    static Optional<Verb> byParticiple(String word) {
        return Optional.ofNullable(BY_PARTICIPLE.get(word.toLowerCase(Locale.ROOT)));
    }

    /** True for a gerund that also names an activity ("responsible for hiring."), unlike "managing" alone. */
    static boolean namesActivity(String gerund) {
        return ACTIVITIES.contains(gerund.toLowerCase(Locale.ROOT));
    }

    static boolean isIngNoun(String word) {
        return ING_NOUNS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isPreposition(String word) {
        return PREPOSITIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    static boolean isPeople(String word) {
        return PEOPLE.contains(word.toLowerCase(Locale.ROOT));
    }

    /** True for a verb-looking word this class cannot conjugate ("spearheading"): better to leave the text alone. */
    static boolean isUnknownVerbForm(String word, boolean afterTo) {
        String w = word.toLowerCase(Locale.ROOT);
        if (BY_BASE.containsKey(w) || BY_GERUND.containsKey(w) || ING_NOUNS.contains(w) || isKnownNoun(w)) {
            return false;
        }
        return afterTo || (w.length() > 5 && w.endsWith("ing"));
    }

    /**
     * The rest of a phrase that opened with a gerund, with the gerunds coordinated with it ("…, managing budgets
     * and leading teams") put in {@code form} too; {@code null} when one of them is a verb the table does not know.
     * A gerund after a preposition ("coaching leads on planning and running …") belongs to that preposition and is
     * left as it is.
     */
    static String coordinated(String rest, Function<Verb, String> form) {
        Matcher c = COORDINATED_GERUND.matcher(rest);
        StringBuilder out = new StringBuilder(rest.length() + 8);
        int last = 0;
        while (c.find()) {
            if (PREPOSITION_GERUND.matcher(rest.substring(0, c.start())).find()) {
                break;
            }
            Optional<Verb> next = byGerund(c.group(2));
            if (next.isEmpty()) {
                if (isIngNoun(c.group(2))) {
                    continue;
                }
                return null;
            }
            out.append(rest, last, c.start(2)).append(form.apply(next.get()));
            last = c.end(2);
        }
        return out.append(rest.substring(last)).toString();
    }

    /** The third person singular present of a base verb, by the regular rule ("fix" → "fixes"). */
    static String thirdPerson(String base) {
        String b = base.toLowerCase(Locale.ROOT);
        String third;
        if (b.equals("have")) {
            third = "has";
        } else if (b.equals("be")) {
            third = "is";
        } else if (b.equals("do") || b.equals("go")) {
            third = b + "es";
        } else if (SIBILANT.matcher(b).matches()) {
            third = b + "es";
        } else if (CONSONANT_Y.matcher(b).matches()) {
            third = b.substring(0, b.length() - 1) + "ies";
        } else {
            third = b + "s";
        }
        return Character.isUpperCase(base.charAt(0)) ? capitalise(third) : third;
    }

    /** The verb to open a phrase about {@code rest}, for an opener that claimed {@code role}. */
    static String choose(Role role, String rest, ItemType type) {
        Topic topic = topic(head(rest));
        return switch (role) {
            case OWNED -> switch (topic) {
                case PEOPLE -> "Led";
                case BUILT -> "Owned";
                case SERVICE -> "Provided";
                case MONEY, CUSTOMERS, PROJECT, OTHER -> "Managed";
            };
            case HELPED -> switch (topic) {
                case BUILT -> "Co-developed";
                case PEOPLE, MONEY, CUSTOMERS, SERVICE, PROJECT -> "Supported";
                case OTHER -> type == ItemType.TRANSFERABLE_SKILL ? "Facilitated" : "Supported";
            };
            case WORKED_ON -> switch (topic) {
                case PEOPLE -> UNITS.contains(head(rest)) ? "Served on" : "Partnered with";
                case BUILT -> "Developed";
                case MONEY -> PREPARED.contains(head(rest)) ? "Prepared" : "Contributed to";
                case CUSTOMERS -> "Served";
                case SERVICE, PROJECT, OTHER -> "Contributed to";
            };
            case TOOK_PART -> switch (topic) {
                case PEOPLE -> UNITS.contains(head(rest)) ? "Served on" : "Partnered with";
                case BUILT, MONEY, CUSTOMERS, SERVICE, PROJECT, OTHER -> "Contributed to";
            };
        };
    }

    /**
     * The head noun of the phrase {@code text} opens with: its last word before a preposition, a relative pronoun,
     * a conjunction, a verb in -ing or punctuation ("the team's Jira board for …" → "board").
     */
    static String head(String text) {
        String head = "";
        int index = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                break;
            }
            String raw = text.substring(start, i);
            char end = raw.charAt(raw.length() - 1);
            boolean last = end == ',' || end == '.' || end == ';' || end == ':' || end == '!' || end == '?' || end == ')';
            String bare = bare(raw);
            if (bare.isEmpty() || PHRASE_ENDS.contains(bare)
                    || (index > 0 && bare.endsWith("ing") && !ING_NOUNS.contains(bare) && !isKnownNoun(bare))) {
                break;
            }
            head = bare;
            index++;
            if (last) {
                break;
            }
        }
        return head;
    }

    /** A word in lower case without punctuation around it or a possessive "'s". */
    private static String bare(String raw) {
        String w = raw.toLowerCase(Locale.ROOT);
        int from = 0;
        int to = w.length();
        while (from < to && !isWordChar(w.charAt(from))) {
            from++;
        }
        while (to > from && !isWordChar(w.charAt(to - 1))) {
            to--;
        }
        w = w.substring(from, to);
        if (w.endsWith("'s") || w.endsWith("’s")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '/' || c == '&' || c == '+' || c == '#';
    }

    private static Topic topic(String head) {
        if (PEOPLE.contains(head)) {
            return Topic.PEOPLE;
        }
        if (BUILT.contains(head)) {
            return Topic.BUILT;
        }
        if (MONEY.contains(head)) {
            return Topic.MONEY;
        }
        if (CUSTOMERS.contains(head)) {
            return Topic.CUSTOMERS;
        }
        if (SERVICE.contains(head)) {
            return Topic.SERVICE;
        }
        return PROJECT.contains(head) ? Topic.PROJECT : Topic.OTHER;
    }

    private static boolean isKnownNoun(String w) {
        return SERVICE.contains(w) || PROJECT.contains(w) || MONEY.contains(w) || BUILT.contains(w);
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void register(Verb v) {
        BY_BASE.putIfAbsent(v.base(), v);
        BY_GERUND.putIfAbsent(v.gerund(), v);
        BY_PAST.putIfAbsent(v.past(), v);
        BY_PARTICIPLE.putIfAbsent(v.participle(), v);
    }

    private static String british(String form) {
        return form.replace("iz", "is").replace("yz", "ys");
    }
}
