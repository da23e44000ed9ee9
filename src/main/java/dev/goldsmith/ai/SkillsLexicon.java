package dev.goldsmith.ai;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bundled skills lexicon ({@code dev/goldsmith/ai/skills-lexicon.txt}): finds the ATS skills an item's text
 * mentions. Matching ignores case, an optional plural "s", and spaces versus hyphens inside a phrase
 * ("front end" = "front-end"); the longest phrase wins ("Project Management" over "Management"). Results keep
 * the lexicon's spelling, in the order they first appear in the text.
 */
public final class SkillsLexicon {

    private static final String RESOURCE = "skills-lexicon.txt";

    private final Map<String, String> canonical = new HashMap<>();
    private final Pattern pattern;

    SkillsLexicon(List<String> entries) {
        List<String> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        for (String entry : sorted) {
            canonical.putIfAbsent(key(entry), entry);
        }
        String alternatives = sorted.stream().map(SkillsLexicon::regex).collect(Collectors.joining("|"));
        pattern = Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternatives + ")(?:s|es)?(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The lexicon bundled with Goldsmith. */
    public static SkillsLexicon bundled() {
        return new SkillsLexicon(load());
    }

    public int size() {
        return canonical.size();
    }

    /** The skills {@code text} mentions, distinct, in order of first appearance. */
    public List<String> find(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String entry = canonical.get(key(m.group(1)));
            if (entry != null) {
                found.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
            }
        }
        return List.copyOf(found.values());
    }

    /** Lower case, without spaces or hyphens: "Front-end", "front end" and "frontend" share one key. */
    private static String key(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "");
    }

    /** The entry as a regex: where the entry has a space or hyphen, any run of spaces and hyphens (or none). */
    private static String regex(String entry) {
        String[] words = entry.split("[\\s\\-]+");
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add(Pattern.quote(w));
        }
        return String.join("[\\s\\-]*", quoted);
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
