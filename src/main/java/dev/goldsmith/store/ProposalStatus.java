package dev.goldsmith.store;

import java.util.Arrays;
import java.util.Optional;

/** Where a review-mode proposal stands ({@code proposals.status}). */
public enum ProposalStatus {
    /** Waiting for an editor; nothing was written to the item. */
    PROPOSED("proposed"),
    /** Written back to the item, with its version row. */
    ACCEPTED("accepted"),
    /** Turned down: the item was kept as it was. */
    REJECTED("rejected"),
    /** Its item changed after the proposal was made: it can no longer be applied. */
    STALE("stale");

    private final String wireName;

    ProposalStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether an editor still has to decide it. */
    public boolean isPending() {
        return this == PROPOSED;
    }

    public static Optional<ProposalStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
