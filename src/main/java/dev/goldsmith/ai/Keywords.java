package dev.goldsmith.ai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Keyword lists as Goldsmith keeps them: trimmed, 1–60 characters, distinct ignoring case, at most 10. */
public final class Keywords {

    public static final int MAX_COUNT = 10;
    public static final int MAX_LENGTH = 60;

    private Keywords() {
    }

    /** True when {@code keyword}, trimmed, has 1–60 characters. */
    public static boolean isValid(String keyword) {
        if (keyword == null) {
            return false;
        }
        int length = keyword.strip().codePointCount(0, keyword.strip().length());
        return length >= 1 && length <= MAX_LENGTH;
    }

    /** Trims, drops invalid entries and case-insensitive duplicates (first spelling wins), keeps the first 10. */
    public static List<String> tidy(List<String> keywords) {
        return merge(keywords, List.of());
    }

    /**
     * The item's existing keywords first, then the new ones not already present, at most 10 in all. Existing
     * keywords are kept first so that an editor's own choices are never pushed out by suggestions.
     */
    public static List<String> merge(List<String> existing, List<String> suggested) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(existing);
        all.addAll(suggested);
        for (String k : all) {
            if (byKey.size() == MAX_COUNT) {
                break;
            }
            if (isValid(k)) {
                byKey.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), k.strip());
            }
        }
        return List.copyOf(byKey.values());
    }
}
