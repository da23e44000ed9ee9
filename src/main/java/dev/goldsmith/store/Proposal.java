package dev.goldsmith.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One review-mode answer ({@code proposals}): the item as it was when the proposal was made and the proposed state.
 *
 * @param status          as it reads now: a proposal still waiting whose item has changed since reads {@code stale}
 * @param beforeUpdatedAt the item's {@code last_updated_at} when the proposal was made
 * @param editedContent   the text an editor accepted instead of the proposed one, or {@code null}
 * @param changedSince    for a proposal that reads stale, what of the item changed (in a person's words); else empty
 */
public record Proposal(String batchId, String vaultId, String itemId, ProposalStatus status, ItemState before,
                       Instant beforeUpdatedAt, ItemState after, String editedContent, Instant createdAt,
                       Instant decidedAt, List<String> changedSince) {

    public Proposal {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changedSince = changedSince == null ? List.of() : List.copyOf(changedSince);
    }

    /** The state an accept writes (or wrote): the proposed one, with the editor's text when it was edited. */
    public ItemState written() {
        return editedContent == null ? after : after.withContent(editedContent);
    }
}
