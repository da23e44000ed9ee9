package dev.goldsmith.vault;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Quality tiers in rising order: assumed → bronze → silver → gold. */
public enum QualityTier {
    ASSUMED("assumed"),
    BRONZE("bronze"),
    SILVER("silver"),
    GOLD("gold");

    private final String wireName;

    QualityTier(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTop() {
        return this == GOLD;
    }

    /** The tier one up; gold stays gold. */
    public QualityTier next() {
        return isTop() ? GOLD : values()[ordinal() + 1];
    }

    public static Optional<QualityTier> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    /** "assumed, bronze, silver, gold" — for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(QualityTier::wireName).collect(Collectors.joining(", "));
    }
}
