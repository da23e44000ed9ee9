package dev.goldsmith.ai;

import dev.goldsmith.vault.ItemType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strong action verbs for the rules provider. A gerund or base verb right after a weak opener becomes its past
 * tense, as résumé style asks ("was responsible for managing" → "Managed", "helped to reduce" → "Reduced").
 * Before a noun phrase, a verb is chosen from what the phrase is about (people, something built, money,
 * customers) and how much the opener claimed, falling back on the item's type; it never claims more than the
 * opener did: "helped with" a thing becomes "Supported" or "Co-developed", never "Led".
 */
final class ActionVerbs {

    /** How much the opener claimed. */
    enum Role { OWNED, HELPED, TOOK_PART }

    private enum Topic { PEOPLE, BUILT, MONEY, CUSTOMERS, OTHER }

    /** base, past, gerund. */
    private static final List<String> TABLE = List.of(
            "analyze analyzed analyzing", "automate automated automating", "build built building",
            "coach coached coaching", "coordinate coordinated coordinating", "create created creating",
            "cut cut cutting", "deliver delivered delivering", "design designed designing",
            "develop developed developing", "drive drove driving", "establish established establishing",
            "grow grew growing", "handle handled handling", "hire hired hiring", "implement implemented implementing",
            "improve improved improving", "increase increased increasing", "launch launched launching",
            "lead led leading", "maintain maintained maintaining", "manage managed managing",
            "migrate migrated migrating", "monitor monitored monitoring", "negotiate negotiated negotiating",
            "organize organized organizing", "oversee oversaw overseeing", "plan planned planning",
            "prepare prepared preparing", "reduce reduced reducing", "resolve resolved resolving",
            "review reviewed reviewing", "run ran running", "schedule scheduled scheduling",
            "set set setting", "streamline streamlined streamlining", "supervise supervised supervising",
            "support supported supporting", "test tested testing", "train trained training",
            "write wrote writing", "redesign redesigned redesigning", "mentor mentored mentoring",
            "onboard onboarded onboarding", "recruit recruited recruiting", "deploy deployed deploying",
            "ensure ensured ensuring", "shape shaped shaping", "define defined defining", "conduct conducted conducting",
            "facilitate facilitated facilitating", "execute executed executing", "optimize optimized optimizing",
            "evaluate evaluated evaluating", "identify identified identifying", "provide provided providing",
            "produce produced producing", "track tracked tracking", "present presented presenting",
            "communicate communicated communicating", "process processed processing", "update updated updating",
            "document documented documenting", "answer answered answering", "respond responded responding",
            "secure secured securing", "save saved saving", "generate generated generating", "win won winning",
            "teach taught teaching", "draft drafted drafting", "research researched researching",
            "introduce introduced introducing", "guide guided guiding", "advise advised advising",
            "audit audited auditing", "forecast forecast forecasting", "integrate integrated integrating",
            "standardize standardized standardizing", "modernize modernized modernizing", "expand expanded expanding",
            "source sourced sourcing", "sell sold selling", "serve served serving", "rebuild rebuilt rebuilding");

    /** Words ending in "ing" that are nouns here ("responsible for marketing"), not verbs to conjugate. */
    private static final java.util.Set<String> ING_NOUNS = java.util.Set.of("marketing", "engineering", "pricing",
            "accounting", "billing", "reporting", "branding", "purchasing", "manufacturing", "catering",
            "housekeeping", "staffing", "funding", "networking", "fundraising", "bookkeeping", "merchandising",
            "ticketing", "licensing", "shipping", "packaging", "landscaping", "nursing", "tutoring", "banking");

    private static final Map<String, String> PAST = new HashMap<>();

    static {
        for (String row : TABLE) {
            String[] forms = row.split(" ");
            PAST.put(forms[0], forms[1]);
            PAST.put(forms[2], forms[1]);
        }
    }

    private static final Pattern PEOPLE = words("team", "teams", "staff", "employees", "interns", "volunteers",
            "engineers", "developers", "analysts", "members", "people", "colleagues", "direct reports");
    private static final Pattern BUILT = words("system", "systems", "application", "applications", "app", "apps",
            "platform", "tool", "tools", "website", "software", "feature", "features", "pipeline", "service",
            "services", "api", "portal", "database", "dashboard", "dashboards", "product", "prototype");
    private static final Pattern MONEY = words("budget", "budgets", "cost", "costs", "revenue", "sales", "spend",
            "spending", "invoices", "accounts", "payroll", "forecast", "forecasts");
    private static final Pattern CUSTOMERS = words("customer", "customers", "client", "clients", "users", "patients",
            "students", "guests");

    private ActionVerbs() {
    }

    /** The past tense of a base verb or gerund in the table ("managing" → "managed"). */
    static Optional<String> pastTense(String word) {
        return Optional.ofNullable(PAST.get(word.toLowerCase(Locale.ROOT)));
    }

    /** True for a verb-looking word this class cannot conjugate ("spearheading"): better to leave the text alone. */
    static boolean isUnknownVerbForm(String word, boolean afterTo) {
        String w = word.toLowerCase(Locale.ROOT);
        if (PAST.containsKey(w) || ING_NOUNS.contains(w)) {
            return false;
        }
        return afterTo || (w.length() > 5 && w.endsWith("ing"));
    }

    /** The verb to open a phrase about {@code rest}, for an opener that claimed {@code role}. */
    static String choose(Role role, String rest, ItemType type) {
        Topic topic = topic(rest);
        return switch (role) {
            case OWNED -> switch (topic) {
                case PEOPLE -> "Led";
                case BUILT -> "Owned";
                default -> "Managed";
            };
            case HELPED -> switch (topic) {
                case BUILT -> "Co-developed";
                case CUSTOMERS -> "Supported";
                default -> switch (type) {
                    case POWER_PHRASE -> "Supported";
                    case TRANSFERABLE_SKILL -> "Facilitated";
                    case HIDDEN_COMPETENCY -> "Enabled";
                };
            };
            case TOOK_PART -> switch (topic) {
                case PEOPLE -> "Partnered with";
                case BUILT -> "Developed";
                case MONEY -> "Prepared";
                case CUSTOMERS -> "Served";
                case OTHER -> switch (type) {
                    case POWER_PHRASE -> "Delivered";
                    case TRANSFERABLE_SKILL -> "Executed";
                    case HIDDEN_COMPETENCY -> "Drove";
                };
            };
        };
    }

    private static Topic topic(String text) {
        if (PEOPLE.matcher(text).find()) {
            return Topic.PEOPLE;
        }
        if (BUILT.matcher(text).find()) {
            return Topic.BUILT;
        }
        if (MONEY.matcher(text).find()) {
            return Topic.MONEY;
        }
        return CUSTOMERS.matcher(text).find() ? Topic.CUSTOMERS : Topic.OTHER;
    }

    private static Pattern words(String... words) {
        return Pattern.compile("\\b(" + String.join("|", words) + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
