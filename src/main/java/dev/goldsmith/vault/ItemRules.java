package dev.goldsmith.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules every imported item obeys, whatever its file format. Each check names where the value came from
 * ({@code items[12].quality_tier} or {@code line 14 (id 'pp-3'), quality_tier}) in its message.
 */
final class ItemRules {

    static final int MAX_CONTENT_CHARS = 10_000;

    /** Turns a field name into the place it is reported at. */
    @FunctionalInterface
    interface Where {
        String field(String name);
    }

    private ItemRules() {
    }

    /** The id as given, or a new UUID when absent; a repeat of an earlier id is refused. */
    static String id(Where where, String value, Map<String, String> seen, String here) {
        String id = value == null ? UUID.randomUUID().toString() : value;
        if (id.isBlank()) {
            throw new VaultFileException(where.field("id") + ": " + quote(id)
                    + " is blank; give the item an id or leave the field out to have one made");
        }
        String first = seen.putIfAbsent(id, here);
        if (first != null) {
            throw new VaultFileException(where.field("id") + ": " + quote(id) + " is a duplicate of " + first
                    + "; ids must be unique within a file");
        }
        return id;
    }

    static ItemType type(Where where, String value) {
        if (value == null || value.isEmpty()) {
            throw new VaultFileException(where.field("type") + ": missing; expected one of " + ItemType.wireNames());
        }
        return ItemType.fromWire(value).orElseThrow(() -> new VaultFileException(
                where.field("type") + ": " + quote(value) + " is not one of " + ItemType.wireNames()));
    }

    /** The tier; absent means {@code assumed}. */
    static QualityTier tier(Where where, String value) {
        if (value == null || value.isEmpty()) {
            return QualityTier.ASSUMED;
        }
        return QualityTier.fromWire(value).orElseThrow(() -> new VaultFileException(
                where.field("quality_tier") + ": " + quote(value) + " is not one of " + QualityTier.wireNames()));
    }

    static String content(Where where, String value) {
        if (value == null || value.isBlank()) {
            throw new VaultFileException(where.field("content") + ": "
                    + (value == null ? "missing" : "empty") + "; every item needs some text");
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_CONTENT_CHARS) {
            throw new VaultFileException(where.field("content") + ": " + String.format("%,d", length)
                    + " characters is over the limit of " + String.format("%,d", MAX_CONTENT_CHARS));
        }
        return value;
    }

    static List<String> keywords(Where where, List<String> values) {
        List<String> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String k = values.get(i);
            if (k.isBlank()) {
                throw new VaultFileException(where.field("keywords") + "[" + i + "]: " + quote(k)
                        + " is blank; a keyword needs some text");
            }
            result.add(k);
        }
        return result;
    }

    /** A confidence score from 0 to 1, or {@code null} when unknown. */
    static Double confidence(Where where, Double value, String shown) {
        if (value == null) {
            return null;
        }
        if (value.isNaN() || value < 0 || value > 1) {
            throw new VaultFileException(where.field("confidence_score") + ": " + shown
                    + " is not a number from 0 to 1");
        }
        return value;
    }

    /** A value for a message: quoted, one line, at most 40 characters. */
    static String quote(String value) {
        String oneLine = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        if (oneLine.length() > 40) {
            oneLine = oneLine.substring(0, 39) + "…";
        }
        return "'" + oneLine + "'";
    }
}
