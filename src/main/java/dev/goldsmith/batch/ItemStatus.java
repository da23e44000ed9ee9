package dev.goldsmith.batch;

import java.util.Arrays;
import java.util.Optional;

/** The state of one item within a batch ({@code batch_items.status}). */
public enum ItemStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    /** A valid answer identical to the item: nothing was written and no version kept. */
    UNCHANGED("unchanged"),
    FAILED("failed"),
    SKIPPED("skipped");

    private final String wireName;

    ItemStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ItemStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
