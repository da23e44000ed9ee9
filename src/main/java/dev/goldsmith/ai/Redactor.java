package dev.goldsmith.ai;

import java.util.regex.Pattern;

/**
 * Scrubs secrets from text that may reach a log line, a message or the database: the configured key itself
 * and anything shaped like a provider key ({@code sk-…}, including the half-masked form some providers echo).
 */
final class Redactor {

    private static final Pattern KEY_LIKE = Pattern.compile("\\b(sk|rk|gsk|pk)-[A-Za-z0-9_*.\\-]{4,}");

    private final String key;

    Redactor(String key) {
        this.key = key == null || key.isBlank() ? null : key;
    }

    String scrub(String text) {
        if (text == null) {
            return "";
        }
        String out = key == null ? text : text.replace(key, "[redacted]");
        return KEY_LIKE.matcher(out).replaceAll("[redacted]");
    }
}
