package dev.goldsmith.ai;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scrubs secrets from text that may reach a log line, a message or the database: any run of at least
 * {@link #FRAGMENT} characters of the configured key (a server that echoes part of it — its end, its middle — gives
 * none of it away), the whole key when it is shorter, and anything shaped like a provider key ({@code sk-…},
 * including the half-masked form some providers echo).
 */
final class Redactor {

    /** The shortest run of the key's characters that is hidden wherever it appears. */
    static final int FRAGMENT = 8;
    static final String MARK = "[redacted]";

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|gsk|pk)-[A-Za-z0-9_*.\\-]{4,}");

    private final String key;
    /** Every run of {@link #FRAGMENT} characters of the key. */
    private final Set<String> fragments = new HashSet<>();

    Redactor(String key) {
        this.key = key == null || key.isBlank() ? null : key.strip();
        if (this.key != null) {
            for (int i = 0; i + FRAGMENT <= this.key.length(); i++) {
                fragments.add(this.key.substring(i, i + FRAGMENT));
            }
        }
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = hideKey(text);
        return KEY_LIKE.matcher(out).replaceAll(MARK);
    }

    /** Whether {@code text} holds the key or a run of {@link #FRAGMENT} of its characters. */
    boolean containsKey(String text) {
        return text != null && !hideKey(text).equals(text);
    }

    private String hideKey(String text) {
        if (key == null) {
            return text;
        }
        if (fragments.isEmpty()) { // a key shorter than a fragment: only the whole of it
            return text.replace(key, MARK);
        }
        boolean[] hidden = null;
        for (int i = 0; i + FRAGMENT <= text.length(); i++) {
            if (fragments.contains(text.substring(i, i + FRAGMENT))) {
                if (hidden == null) {
                    hidden = new boolean[text.length()];
                }
                for (int j = i; j < i + FRAGMENT; j++) {
                    hidden[j] = true;
                }
            }
        }
        if (hidden == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!hidden[i]) {
                out.append(text.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(MARK);
            }
        }
        return out.toString();
    }
}
