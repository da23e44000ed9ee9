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
            "onboard onboarded onboarding", "recruit recruited recruiting", "deploy deployed deploying");

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
