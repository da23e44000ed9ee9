package dev.goldsmith.ui.review;

import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalStatus;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One proposal in the review queue: the proposal as last read (replaced in place after a decision, so the list and
 * its selection stay put) and whether a decision on it is on its way to the store.
 */
public final class ProposalRow {

    private final ReadOnlyObjectWrapper<Proposal> proposal;
    private final ReadOnlyBooleanWrapper deciding = new ReadOnlyBooleanWrapper();
    /** Waiting for a decision when the queue was loaded: it stays in the queue once decided, until the next load. */
    private final boolean openAtLoad;

    ProposalRow(Proposal proposal) {
        this.proposal = new ReadOnlyObjectWrapper<>(Objects.requireNonNull(proposal, "proposal"));
        this.openAtLoad = isOpen(proposal);
    }

    public Proposal proposal() {
        return proposal.get();
    }

    public ReadOnlyObjectProperty<Proposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** A decision on it has been sent and has not come back yet. */
    public ReadOnlyBooleanProperty decidingProperty() {
        return deciding.getReadOnlyProperty();
    }

    public boolean isDeciding() {
        return deciding.get();
    }

    public String batchId() {
        return proposal.get().batchId();
    }

    public String itemId() {
        return proposal.get().itemId();
    }

    /** Still waiting for an editor and not being decided: what "the next one" moves to. */
    public boolean needsDecision() {
        return !deciding.get() && isOpen(proposal.get());
    }

    /** Can be accepted: pending (a stale one never can). */
    public boolean canAccept() {
        return !deciding.get() && proposal.get().status() == ProposalStatus.PROPOSED;
    }

    boolean openAtLoad() {
        return openAtLoad;
    }

    void deciding(boolean value) {
        deciding.set(value);
    }

    void replace(Proposal updated) {
        proposal.set(updated);
        deciding.set(false);
    }

    /**
     * Waiting for a decision: pending, or stale while still waiting (its item changed since; it shows why, and can
     * only be turned down). A stale proposal that was decided as stale (by an accept-all) is not open.
     */
    static boolean isOpen(Proposal p) {
        return p.status() == ProposalStatus.PROPOSED || p.status() == ProposalStatus.STALE && !p.changedSince().isEmpty();
    }

    /** What a list of rows watches, so cells and counts follow a decision. */
    static Observable[] observables(ProposalRow row) {
        return new Observable[] {row.proposal, row.deciding};
    }
}
