package dev.goldsmith.ai;

import dev.goldsmith.vault.ItemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text work of the rules provider, sentence by sentence: a weak opener becomes a strong action verb
 * ({@link ActionVerbs}), filler words go, wordy phrases shrink ("in order to" → "to", "utilized" → "used"),
 * then spacing, punctuation and capitals are tidied. Deterministic: the same text and type always give the
 * same result.
 */
final class TextRewriter {

    /** The rewritten text and what was done to it; {@code edits} is empty when nothing of substance changed. */
    record Rewrite(String text, List<String> edits) {
        Rewrite {
            edits = List.copyOf(edits);
        }

        boolean changed() {
            return !edits.isEmpty();
        }
    }

    private record Opener(Pattern pattern, ActionVerbs.Role role, String fixedVerb) {
    }

    private static final List<Opener> OPENERS = List.of(
            opener("(?:duties|responsibilities) included", ActionVerbs.Role.OWNED, null),
            opener("(?:was |were )?responsible for", ActionVerbs.Role.OWNED, null),
            opener("(?:was |were )?in charge of", ActionVerbs.Role.OWNED, null),
            opener("(?:was |were )?tasked with", ActionVerbs.Role.OWNED, null),
            opener("helped (?:with|to)", ActionVerbs.Role.HELPED, null),
            opener("assisted (?:in|with)", ActionVerbs.Role.HELPED, null),
            opener("worked with", ActionVerbs.Role.TOOK_PART, "Collaborated with"),
            opener("(?:was |were )?involved in", ActionVerbs.Role.TOOK_PART, null),
            opener("worked on", ActionVerbs.Role.TOOK_PART, null),
            opener("participated in", ActionVerbs.Role.TOOK_PART, null),
            opener("took part in", ActionVerbs.Role.TOOK_PART, null),
            opener("(?:was |were )?part of", ActionVerbs.Role.TOOK_PART, "Contributed to"));

    private static final Pattern FILLERS = Pattern.compile("(?<![\\p{L}\\p{N}\\-])(?:very|really|basically|actually|just"
            + "|various|quite|literally|simply|totally|definitely|certainly|extremely|somewhat|truly|successfully)"
            + "(?![\\p{L}\\p{N}\\-])\\s*", Pattern.CASE_INSENSITIVE);
    private static final String[][] PHRASES = {
        {"in order to", "to"}, {"utilized", "used"}, {"utilize", "use"}, {"utilizing", "using"},
        {"a number of", "several"}, {"due to the fact that", "because"}, {"on a daily basis", "daily"},
    };
    private static final Pattern FIRST_WORD = Pattern.compile("\\p{L}+(?![\\p{L}\\-'])");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])(?<!\\b(?:e\\.g|i\\.e|etc|vs)\\.)\\s+");
    private static final Pattern ABBREVIATION = Pattern.compile("\\b(?:e\\.g|i\\.e|etc|vs)\\.$", Pattern.CASE_INSENSITIVE);

    private TextRewriter() {
    }

    static Rewrite rewrite(String text, ItemType type) {
        List<String> edits = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            sentences.add(rewriteSentence(sentence, type, edits));
        }
        String result = tidy(String.join(" ", sentences));
        if (edits.isEmpty() || normal(result).equals(normal(text))) {
            return new Rewrite(text, List.of());
        }
        return new Rewrite(result, edits);
    }

    private static String rewriteSentence(String sentence, ItemType type, List<String> edits) {
        String s = replaceOpener(sentence.strip(), type, edits);
        Matcher fillers = FILLERS.matcher(s);
        if (fillers.find()) {
            edits.add("removed filler '" + fillers.group().strip().toLowerCase(Locale.ROOT) + "'");
            s = fillers.replaceAll("");
        }
        for (String[] phrase : PHRASES) {
            Pattern p = Pattern.compile("\\b" + Pattern.quote(phrase[0]) + "\\b", Pattern.CASE_INSENSITIVE);
            Matcher m = p.matcher(s);
            if (m.find()) {
                edits.add("'" + phrase[0] + "' → '" + phrase[1] + "'");
                s = m.replaceAll(phrase[1]);
            }
        }
        return s;
    }

    private static String replaceOpener(String sentence, ItemType type, List<String> edits) {
        for (Opener opener : OPENERS) {
            Matcher m = opener.pattern().matcher(sentence);
            if (!m.find()) {
                continue;
            }
            String rest = sentence.substring(m.end()).strip();
            if (rest.isEmpty() || !Character.isLetterOrDigit(rest.codePointAt(0))) {
                return sentence;
            }
            String opened = m.group().strip();
            String replaced = opener.fixedVerb() != null ? opener.fixedVerb() + " " + rest
                    : withVerb(rest, opener, opened.toLowerCase(Locale.ROOT).endsWith(" to"), type);
            if (replaced == null) {
                return sentence;
            }
            edits.add("'" + opened + "' → '" + replaced.split(" ")[0] + "'");
            return replaced;
        }
        return sentence;
    }

    /**
     * "managing the budget" → "Managed the budget"; "the budget" → "Managed the budget"; {@code null} when the
     * next word is a verb form that cannot be conjugated ("spearheading", "to champion"): the text is left alone.
     */
    private static String withVerb(String rest, Opener opener, boolean afterTo, ItemType type) {
        Matcher word = FIRST_WORD.matcher(rest);
        if (word.lookingAt()) {
            var past = ActionVerbs.pastTense(word.group());
            if (past.isPresent()) {
                return capitalise(past.get()) + rest.substring(word.end());
            }
            if (ActionVerbs.isUnknownVerbForm(word.group(), afterTo)) {
                return null;
            }
        }
        return ActionVerbs.choose(opener.role(), rest, type) + " " + rest;
    }

    /** One space between words, none before punctuation, no doubled punctuation, capital letter per sentence. */
    static String tidy(String text) {
        String s = text.replaceAll("\\s+", " ")
                .replaceAll(" ([,.;:!?])", "$1")
                .replaceAll("([,;:])(?:\\s*[,;:])+", "$1")
                .replaceAll("\\.{2,}(?!\\.)", ".")
                .replaceAll("^[,;:\\s]+", "")
                .strip();
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (start && Character.isLetter(c)) {
                out.append(Character.toUpperCase(c));
                start = false;
            } else {
                out.append(c);
                if (Character.isLetterOrDigit(c)) {
                    start = false;
                }
            }
            if ((c == '.' || c == '!' || c == '?') && i + 1 < s.length() && s.charAt(i + 1) == ' '
                    && !ABBREVIATION.matcher(s.substring(Math.max(0, i - 4), i + 1)).find()) {
                start = true;
            }
        }
        return out.toString();
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String normal(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static Opener opener(String regex, ActionVerbs.Role role, String fixedVerb) {
        return new Opener(Pattern.compile("^(?:I\\s+)?" + regex + "\\b\\s*", Pattern.CASE_INSENSITIVE), role, fixedVerb);
    }
}
