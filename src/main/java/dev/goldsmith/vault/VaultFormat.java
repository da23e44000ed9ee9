package dev.goldsmith.vault;

import java.util.Locale;
import java.util.Optional;

/** The two vault file formats of DESIGN §7. */
public enum VaultFormat {
    JSON("json"),
    CSV("csv");

    private final String wireName;

    VaultFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** CSV for a name ending in {@code .csv} (any case), JSON otherwise. */
    public static VaultFormat forFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSON;
    }

    public static Optional<VaultFormat> fromWire(String value) {
        for (VaultFormat f : values()) {
            if (f.wireName.equalsIgnoreCase(value)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
