package dev.goldsmith.ai;

import dev.goldsmith.vault.ItemType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text work of the rules provider, line by line and sentence by sentence, in a fixed order: contractions
 * written out, wording tightened ({@link RulesTightening}), a weak opener made an action verb ({@link RulesOpeners}),
 * skills and competencies phrased as capabilities ({@link RulesCapabilities}), clauses reduced, a result made explicit
 * ({@link RulesImpact}), house style ({@link RulesStyle}); then spacing, punctuation and capitals are tidied.
 * Line breaks and bullet markers are kept.
 *
 * <p>Deterministic: the same text and type always give the same result. The rules are written so that their own
 * output triggers none of them again, so a second pass over a rewrite changes nothing.
 */
final class TextRewriter {

    /** The rewritten text and what was done to it; {@code edits} is empty when nothing of substance changed. */
    record Rewrite(String text, List<RulesEdit> edits) {
        Rewrite {
            edits = List.copyOf(edits);
        }

        boolean changed() {
            return !edits.isEmpty();
        }

        /** True when some edit made the item stronger, not only tighter or tidier: what earns a tier. */
        boolean stronger() {
            return edits.stream().anyMatch(e -> e.kind() == RulesEdit.Kind.STRONGER);
        }

        List<String> descriptions() {
            return edits.stream().map(RulesEdit::description).toList();
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])(?<!\\b(?:e\\.g|i\\.e|etc|vs)\\.)\\s+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
    private static final List<String> ABBREVIATIONS = List.of("e.g.", "i.e.", "etc.", "vs.");
    private static final Pattern BULLET = Pattern.compile("^(\\s*(?:[-*•·]|\\d+[.)])\\s+)(.*)$");

    private TextRewriter() {
    }

    static Rewrite rewrite(String text, ItemType type) {
        List<RulesEdit> edits = new ArrayList<>();
        String[] lines = LINE_BREAK.split(text.strip(), -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            out.add(rewriteLine(line, type, edits));
        }
        String result = String.join("\n", out);
        if (edits.isEmpty() || sameWords(result, text)) {
            return new Rewrite(text, List.of());
        }
        return new Rewrite(result, edits);
    }

    private static String rewriteLine(String line, ItemType type, List<RulesEdit> edits) {
        if (line.isBlank()) {
            return line.strip();
        }
        String marker = "";
        String body = line.strip();
        Matcher bullet = BULLET.matcher(body);
        if (bullet.matches()) {
            marker = bullet.group(1);
            body = bullet.group(2);
        }
        List<RulesEdit> lineEdits = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(body)) {
            sentences.add(rewriteSentence(sentence, type, lineEdits));
        }
        if (lineEdits.isEmpty()) {
            return line.stripTrailing();
        }
        edits.addAll(lineEdits);
        return marker + tidy(String.join(" ", sentences));
    }

    private static String rewriteSentence(String sentence, ItemType type, List<RulesEdit> edits) {
        int before = edits.size();
        String s = RulesStyle.contractions(sentence.strip(), edits);
        s = RulesTightening.apply(s, edits);
        if (edits.size() > before) {
            s = tidy(s);
        }
        s = RulesOpeners.apply(s, type, edits);
        if (type != ItemType.POWER_PHRASE) {
            s = RulesCapabilities.apply(s, edits);
        }
        s = RulesTightening.reduceClauses(s, edits);
        s = RulesImpact.apply(s, edits);
        return RulesStyle.apply(s, edits);
    }

    /**
     * One space between words, none before punctuation, no doubled separators or full stops (an ellipsis stays),
     * no separator at the start, a capital letter per sentence. One pass over the characters.
     */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        boolean start = true;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            char last = out.length() == 0 ? 0 : out.charAt(out.length() - 1);
            boolean separator = c == ',' || c == ';' || c == ':';
            if (separator && (out.length() == 0 || last == ',' || last == ';' || last == ':')) {
                continue;
            }
            if (c == '.' && last == '.' && (i + 1 >= n || text.charAt(i + 1) != '.')
                    && (out.length() < 2 || out.charAt(out.length() - 2) != '.')) {
                continue;
            }
            boolean punctuation = separator || c == '.' || c == '!' || c == '?';
            if (space && !punctuation) {
                if (last == '.' || last == '!' || last == '?') {
                    start = start || !endsWithAbbreviation(out);
                }
                out.append(' ');
            }
            space = false;
            if (start && Character.isLetter(c)) {
                out.append(Character.toUpperCase(c));
                start = false;
            } else {
                out.append(c);
                if (Character.isLetterOrDigit(c)) {
                    start = false;
                }
            }
        }
        return out.toString();
    }

    private static boolean endsWithAbbreviation(StringBuilder s) {
        int n = s.length();
        char beforeStop = n < 2 ? ' ' : Character.toLowerCase(s.charAt(n - 2));
        if (s.charAt(n - 1) != '.' || "gecs".indexOf(beforeStop) < 0) {
            return false;
        }
        for (String abbreviation : ABBREVIATIONS) {
            int from = s.length() - abbreviation.length();
            if (from >= 0 && (from == 0 || !Character.isLetter(s.charAt(from - 1))) && endsWith(s, from, abbreviation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWith(StringBuilder s, int from, String lowerCase) {
        for (int k = 0; k < lowerCase.length(); k++) {
            if (Character.toLowerCase(s.charAt(from + k)) != lowerCase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code a} and {@code b} differ at most in case and in runs of white space. */
    static boolean sameWords(String a, String b) {
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (true) {
            boolean spaceA = false;
            boolean spaceB = false;
            while (i < n && Character.isWhitespace(a.charAt(i))) {
                i++;
                spaceA = true;
            }
            while (j < m && Character.isWhitespace(b.charAt(j))) {
                j++;
                spaceB = true;
            }
            if (i == n || j == m) {
                return i == n && j == m;
            }
            if ((spaceA != spaceB && i > 0 && j > 0)
                    || Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
    }
}
