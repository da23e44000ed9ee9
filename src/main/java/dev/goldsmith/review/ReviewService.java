package dev.goldsmith.review;

import dev.goldsmith.ai.AnswerParser;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ProposalRepository;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides review mode's proposals: the one service the review screen and {@code goldsmith review} call.
 *
 * <p>An accept is the engine's write-back: the item and its {@code item_versions} row (with the batch's id, reason
 * {@code batch}) in one transaction, through {@link ItemVersionRepository#writeBack}. A reject keeps the item. Every
 * decision is one transaction: for named items it is all or nothing — an unknown item, one already decided, or (for an
 * accept) one whose item changed since its proposal was made refuses the whole call with a
 * {@link ReviewRequestException} and nothing changed. Deciding a whole batch decides every pending proposal that still
 * applies and marks the ones whose item changed {@code stale}, reporting them.
 */
public final class ReviewService {

    /** The longest text an accept with edits takes: the longest a model's answer may be. */
    public static final int MAX_CONTENT = AnswerParser.MAX_CONTENT;

    private final Database db;
    private final Clock clock;
    private final ProposalRepository proposals;

    public ReviewService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.proposals = new ProposalRepository(db);
    }

    /** Proposals as they read now (a waiting one whose item changed reads stale), oldest batch first, in item order. */
    public List<Proposal> list(ProposalQuery query) {
        return proposals.list(query);
    }

    public Optional<Proposal> find(String batchId, String itemId) {
        return proposals.find(batchId, itemId);
    }

    /** Pending, accepted, rejected and stale proposals among those the query names (its status is ignored). */
    public ReviewCounts counts(ProposalQuery query) {
        int pending = 0;
        int accepted = 0;
        int rejected = 0;
        int stale = 0;
        for (Proposal p : proposals.list(new ProposalQuery(query.batchId(), query.vaultId(), null))) {
            switch (p.status()) {
                case PROPOSED -> pending++;
                case ACCEPTED -> accepted++;
                case REJECTED -> rejected++;
                case STALE -> stale++;
            }
        }
        return new ReviewCounts(pending, accepted, rejected, stale);
    }

    /** The items of a vault with a proposal waiting for review that can still be applied (the "pending review" filter). */
    public List<String> pendingItemIds(String vaultId) {
        return proposals.pendingItemIds(new ProposalQuery(null, vaultId, null));
    }

    /** The items of a batch whose proposal waits for review and can still be applied, in the batch's order. */
    public List<String> pendingItemIdsOfBatch(String batchId) {
        return proposals.pendingItemIds(ProposalQuery.ofBatch(batchId));
    }

    /**
     * Accepts proposals of a batch: the named items (all or nothing), or with none named every pending one that still
     * applies (the stale ones are marked and reported).
     *
     * @throws ReviewRequestException an unknown batch or item, one already decided, or a named item that changed since
     *                                its proposal was made; nothing changed then
     */
    public Decision accept(String batchId, List<String> itemIds) {
        return decide(batchId, itemIds, ProposalStatus.ACCEPTED, Map.of());
    }

    /**
     * Accepts one proposal with the editor's text instead of the proposed one (tier and keywords as proposed). The text
     * is checked like a model's answer: not empty, at most {@value #MAX_CONTENT} characters.
     *
     * @throws ReviewRequestException the text is refused, or the proposal cannot be accepted; nothing changed then
     */
    public Decision acceptEdited(String batchId, String itemId, String editedContent) {
        return decide(batchId, List.of(itemId), ProposalStatus.ACCEPTED, Map.of(itemId, edited(itemId, editedContent)));
    }

    /**
     * Rejects proposals of a batch: the named items (all or nothing; one that changed since its proposal was made is
     * marked stale instead and reported), or with none named every pending one.
     *
     * @throws ReviewRequestException an unknown batch or item, or one already decided; nothing changed then
     */
    public Decision reject(String batchId, List<String> itemIds) {
        return decide(batchId, itemIds, ProposalStatus.REJECTED, Map.of());
    }

    private Decision decide(String batchId, List<String> itemIds, ProposalStatus outcome, Map<String, String> edits) {
        return db.inTransaction(c -> {
            if (!ProposalRepository.batchExists(c, batchId)) {
                throw new ReviewRequestException("No batch with id '" + batchId + "'; run 'goldsmith history' to list them.");
            }
            Instant now = clock.instant();
            List<Proposal> targets = itemIds.isEmpty() ? ProposalRepository.list(c, ProposalQuery.ofBatch(batchId))
                    : named(c, batchId, new LinkedHashSet<>(itemIds), outcome);
            List<String> accepted = new ArrayList<>();
            List<String> rejected = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            for (Proposal p : targets) {
                switch (p.status()) {
                    case STALE -> {
                        ProposalRepository.decide(c, batchId, p.itemId(), ProposalStatus.STALE, null, now);
                        stale.add(p.itemId());
                    }
                    case PROPOSED -> {
                        if (outcome == ProposalStatus.ACCEPTED) {
                            write(c, p, edits.get(p.itemId()), now);
                            accepted.add(p.itemId());
                        } else {
                            rejected.add(p.itemId());
                        }
                        ProposalRepository.decide(c, batchId, p.itemId(), outcome, edits.get(p.itemId()), now);
                    }
                    case ACCEPTED, REJECTED -> {
                        // decided before: a whole-batch decision leaves them alone (named ones were refused already)
                    }
                }
            }
            return new Decision(batchId, accepted, rejected, stale);
        });
    }

    /** The named proposals, each checked: any that cannot be decided this way refuses the whole call. */
    private static List<Proposal> named(Connection c, String batchId, LinkedHashSet<String> itemIds,
                                        ProposalStatus outcome) throws SQLException {
        List<Proposal> out = new ArrayList<>();
        for (String itemId : itemIds) {
            Proposal p = ProposalRepository.find(c, batchId, itemId).orElseThrow(() -> new ReviewRequestException(
                    "Batch " + batchId + " has no proposal for item '" + itemId + "'; nothing was "
                            + verb(outcome) + "."));
            boolean storedDecided = p.status() == ProposalStatus.ACCEPTED || p.status() == ProposalStatus.REJECTED
                    || p.status() == ProposalStatus.STALE && p.changedSince().isEmpty();
            if (storedDecided) {
                throw new ReviewRequestException("The proposal for item '" + itemId + "' of batch " + batchId + " is "
                        + p.status().wireName() + " already; nothing was " + verb(outcome) + ".");
            }
            if (p.status() == ProposalStatus.STALE && outcome == ProposalStatus.ACCEPTED) {
                throw new ReviewRequestException("Item '" + itemId + "' was changed after its proposal was made ("
                        + String.join(", ", p.changedSince()) + "), so the proposal is stale; nothing was accepted.");
            }
            out.add(p);
        }
        return out;
    }

    /** The write-back of an accepted proposal: the engine's, with the batch's id kept. */
    private static void write(Connection c, Proposal p, String edited, Instant now) throws SQLException {
        VaultItem current = ItemRepository.find(c, p.vaultId(), p.itemId()).orElseThrow();
        VaultItem updated = (edited == null ? p.after() : p.after().withContent(edited)).applyTo(current);
        ItemVersionRepository.writeBack(c, updated, p.batchId(), ItemVersion.REASON_BATCH, now);
    }

    /** The editor's text, checked as a model's answer is: stripped, not empty, not too long, well formed. */
    static String edited(String itemId, String text) {
        String content = text == null ? "" : text.strip();
        if (content.isEmpty()) {
            throw new ReviewRequestException("The edited text for item '" + itemId + "' is empty; write the text to"
                    + " accept, or reject the proposal.");
        }
        int length = content.codePointCount(0, content.length());
        if (length > MAX_CONTENT) {
            throw new ReviewRequestException("The edited text for item '" + itemId + "' has " + length
                    + " characters, more than the " + MAX_CONTENT + " allowed.");
        }
        for (int i = 0; i < content.length(); i++) {
            char ch = content.charAt(i);
            boolean paired = Character.isHighSurrogate(ch) && i + 1 < content.length()
                    && Character.isLowSurrogate(content.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new ReviewRequestException("The edited text for item '" + itemId + "' holds a broken character"
                        + " (a lone surrogate at position " + (i + 1) + ").");
            }
        }
        return content;
    }

    private static String verb(ProposalStatus outcome) {
        return outcome == ProposalStatus.ACCEPTED ? "accepted" : "rejected";
    }
}
