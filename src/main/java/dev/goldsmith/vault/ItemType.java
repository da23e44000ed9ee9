package dev.goldsmith.vault;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The three kinds of career item a vault holds, each knowing its wire name. */
public enum ItemType {
    POWER_PHRASE("power_phrase", "Power phrase"),
    TRANSFERABLE_SKILL("transferable_skill", "Transferable skill"),
    HIDDEN_COMPETENCY("hidden_competency", "Hidden competency");

    private final String wireName;
    private final String displayName;

    ItemType(String wireName, String displayName) {
        this.wireName = wireName;
        this.displayName = displayName;
    }

    public String wireName() {
        return wireName;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ItemType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(value)).findFirst();
    }

    /** "power_phrase, transferable_skill, hidden_competency" — for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(ItemType::wireName).collect(Collectors.joining(", "));
    }
}
