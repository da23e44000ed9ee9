package dev.goldsmith.batch;

import java.util.Arrays;
import java.util.Optional;

/** The life of a batch, with the wire names of the {@code batch_operations.status} column. */
public enum BatchStatus {
    PENDING("pending"),
    PROCESSING("processing"),
    PAUSED("paused"),
    CANCELLED("cancelled"),
    INTERRUPTED("interrupted"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String wireName;

    BatchStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** A batch a process is (or claims to be) working on. */
    public boolean isLive() {
        return this == PENDING || this == PROCESSING || this == PAUSED;
    }

    /** {@code resume} continues these in place. */
    public boolean isResumable() {
        return this == CANCELLED || this == INTERRUPTED;
    }

    /** {@code resume} continues a batch in this status: cancelled or interrupted, or failed with items left. */
    public boolean allowsResume(boolean itemsLeft) {
        return isResumable() || this == FAILED && itemsLeft;
    }

    public static Optional<BatchStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
