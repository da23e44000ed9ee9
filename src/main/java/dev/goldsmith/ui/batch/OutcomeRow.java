package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.ItemStatus;

/** One line of the live list of latest outcomes: its status (icon and colour) and its text. */
public record OutcomeRow(ItemStatus status, String text) {

    /** ✓, =, ✗, ↷ or … for an item still pending. */
    public String icon() {
        return switch (status) {
            case SUCCEEDED -> "\u2713";
            case UNCHANGED -> "=";
            case FAILED -> "\u2717";
            case SKIPPED -> "\u21b7";
            case PENDING -> "\u2026";
        };
    }

    /** {@code gs-outcome-succeeded}, … — the row's colour in {@code app.css}. */
    public String styleClass() {
        return "gs-outcome-" + status.wireName();
    }
}
