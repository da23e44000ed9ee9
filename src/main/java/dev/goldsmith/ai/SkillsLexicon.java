package dev.goldsmith.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bundled skills lexicon ({@code dev/goldsmith/ai/skills-lexicon.txt}): finds the ATS skills an item's text
 * mentions. Matching ignores case, a plural "s" or "es", and spaces, hyphens and slashes inside a phrase ("front
 * end" = "front-end" = "frontend"); the longest phrase wins ("Project Management" over "Management"). A lexicon line
 * may name other wordings after {@code |} ("Teamwork | team player"): the text says one, the keyword is the first.
 * Results keep the lexicon's spelling, in the order they first appear in the text.
 *
 * <p>The text is split into words once and looked up phrase by phrase in a hash map, a phrase growing only while
 * it can still become an entry, so finding keywords costs one or two lookups a word however large the lexicon is.
 */
public final class SkillsLexicon {

    private static final String RESOURCE = "skills-lexicon.txt";

    /** A wording as {@link #tokens} joins it (also with a plural "s"/"es" added or removed) → the keyword it names. */
    private final Map<String, String> byKey = new HashMap<>();
    /** Every leading part of every key: a phrase that is none of them cannot grow into a match. */
    private final Set<String> prefixes = new HashSet<>();
    private final int longest;
    private final int size;

    SkillsLexicon(List<String> lines) {
        int words = 1;
        Map<String, String> variants = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        for (String line : lines) {
            String[] wordings = line.split("\\|");
            String entry = wordings[0].strip();
            if (entry.isEmpty()) {
                continue;
            }
            distinct.add(key(entry));
            for (String wording : wordings) {
                List<String> tokens = tokens(wording.strip());
                if (tokens.isEmpty()) {
                    continue;
                }
                String joined = String.join("", tokens);
                byKey.putIfAbsent(joined, entry);
                variants.putIfAbsent(joined + "s", entry);
                variants.putIfAbsent(joined + "es", entry);
                if (joined.length() > 3 && joined.endsWith("s") && !joined.endsWith("ss")) {
                    variants.putIfAbsent(joined.substring(0, joined.length() - 1), entry);
                }
                for (int i = 1; i <= joined.length(); i++) {
                    prefixes.add(joined.substring(0, i));
                }
                words = Math.max(words, tokens.size());
            }
        }
        variants.forEach(byKey::putIfAbsent);
        longest = words;
        size = distinct.size();
    }

    /** The lexicon bundled with Goldsmith. */
    public static SkillsLexicon bundled() {
        return new SkillsLexicon(load());
    }

    /** The number of distinct keywords. */
    public int size() {
        return size;
    }

    /** The skills {@code text} mentions, distinct, in order of first appearance. */
    public List<String> find(String text) {
        List<String> tokens = tokens(text);
        Map<String, String> found = new LinkedHashMap<>();
        StringBuilder phrase = new StringBuilder();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            String entry = null;
            String joined = tokens.get(i);
            phrase.setLength(0);
            for (int n = 1; ; n++) {
                String hit = byKey.get(joined);
                if (hit != null) {
                    entry = hit;
                    matched = n;
                }
                if (n == longest || i + n >= tokens.size() || !prefixes.contains(joined)) {
                    break;
                }
                if (n == 1) {
                    phrase.append(joined);
                }
                joined = phrase.append(tokens.get(i + n)).toString();
            }
            if (entry != null) {
                found.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
            }
            i += Math.max(matched, 1);
        }
        return List.copyOf(found.values());
    }

    /**
     * A wording's comparison key: lower case, without spaces, hyphens or slashes, and without a plural "s" —
     * "Front-end", "front end" and "frontends" share one key, as do "OKR" and "OKRs".
     */
    static String key(String phrase) {
        StringBuilder k = new StringBuilder(phrase.length());
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '/' && c != '‐' && c != '–') {
                k.append(Character.toLowerCase(c));
            }
        }
        int n = k.length();
        if (n > 3 && k.charAt(n - 1) == 's' && k.charAt(n - 2) != 's') {
            k.setLength(n - 1);
        }
        return k.toString();
    }

    /**
     * The words of {@code text}, lower case: runs of letters, digits and {@code + # & . '}, split at spaces,
     * hyphens, slashes and other punctuation; a trailing full stop and a possessive "'s" are dropped.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean inWord = Character.isLetterOrDigit(c) || c == '+' || c == '#' || c == '&'
                    || ((c == '.' || c == '\'' || c == '’') && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(i + 1)));
            if (inWord) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                int n = word.length();
                if (n > 2 && word.charAt(n - 1) == 's' && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’')) {
                    word.setLength(n - 2);
                }
                tokens.add(word.toString());
                word.setLength(0);
            }
        }
        return tokens;
    }

    private static List<String> load() {
        try (InputStream in = SkillsLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The skills lexicon " + RESOURCE + " is missing from the build.");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
