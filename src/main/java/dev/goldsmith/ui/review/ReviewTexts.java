package dev.goldsmith.ui.review;

import dev.goldsmith.review.ItemDiff;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.vault.QualityTier;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The words the Review tab shows for a proposal — its title, status chip, the queue's two lines and the note under
 * the diff — from the bundle, so the view model keeps the queue and the decisions.
 */
public final class ReviewTexts {

    private final Messages messages;
    private final DateTimeFormatter when;
    /** Batch id → "1a2b3c4d · Jordan Lee · 2026-11-28 10:00", as the view model last loaded them. */
    private final Map<String, String> batchLabels;

    ReviewTexts(Messages messages, DateTimeFormatter when, Map<String, String> batchLabels) {
        this.messages = messages;
        this.when = when;
        this.batchLabels = batchLabels;
    }

    /** "pp-3 · batch 1a2b3c4d · Jordan Lee · 2026-11-28 10:00". */
    public String title(ProposalRow row) {
        return row == null ? messages.get("review.title.none")
                : messages.get("review.title", row.itemId(), batchLabels.getOrDefault(row.batchId(), shortId(row.batchId())));
    }

    /** The status chip's text: Pending, Accepted, Rejected, Stale — or Saving… while a decision is on its way. */
    public String statusName(ProposalRow row) {
        return row.isDeciding() ? messages.get("review.status.deciding")
                : messages.get("review.status." + row.proposal().status().wireName());
    }

    /** The chip's style-class suffix: {@code proposed}, {@code accepted}, … */
    public String statusStyle(ProposalRow row) {
        return row.isDeciding() ? "deciding" : row.proposal().status().wireName();
    }

    /** A queue row's first line: "pp-3 · Bronze → Silver". */
    public String rowHeadline(ProposalRow row) {
        Proposal p = row.proposal();
        ItemDiff d = ItemDiff.of(p);
        return d.tierChanged() ? messages.get("review.row", p.itemId(), tier(d.tierBefore()), tier(d.tierAfter()))
                : messages.get("review.row.kept", p.itemId(), tier(d.tierAfter()));
    }

    /** A queue row's second line: the start of the proposed text. */
    public String rowPreview(ProposalRow row) {
        String text = row.proposal().written().content().replaceAll("\\s+", " ").strip();
        return text.length() <= 80 ? text : text.substring(0, 79).stripTrailing() + "\u2026";
    }

    private String tier(QualityTier t) {
        return messages.get("tier." + t.wireName());
    }

    /** Why a proposal cannot be accepted (stale), or how it was decided; empty for a pending one. */
    String note(Proposal p) {
        if (p == null) {
            return "";
        }
        return switch (p.status()) {
            case PROPOSED -> "";
            case STALE -> p.changedSince().isEmpty() ? messages.get("review.note.staleDecided")
                    : messages.get("review.note.stale", p.itemId(), String.join(", ", p.changedSince()));
            case ACCEPTED -> messages.get(p.editedContent() != null ? "review.note.acceptedEdited" : "review.note.accepted",
                    p.decidedAt() == null ? "" : when.format(p.decidedAt()));
            case REJECTED -> messages.get("review.note.rejected", p.decidedAt() == null ? "" : when.format(p.decidedAt()));
        };
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
