package dev.goldsmith.ui;

import dev.goldsmith.vault.QualityTier;

/** The style classes of {@code app.css} that code sets; FXML names them directly. */
public final class StyleClasses {

    public static final String DARK = "gs-dark";
    public static final String TIER_BADGE = "gs-tier-badge";
    public static final String MUTED = "gs-muted";
    public static final String VERSION_HEADLINE = "gs-version-headline";
    /** A Text drawn in a table or list cell: the cell's text colour in every row state. */
    public static final String CELL_TEXT = "gs-cell-text";
    /** A muted Text drawn in a cell. */
    public static final String CELL_MUTED_TEXT = "gs-cell-muted-text";
    public static final String STATUS_CHIP = "gs-status-chip";
    /** Why Start is disabled, when it is something to fix (not a hint such as "check items"). */
    public static final String START_PROBLEM = "gs-start-reason";

    private StyleClasses() {
    }

    /** {@code gs-tier-gold}, … — the colour of a tier badge. */
    public static String tier(QualityTier tier) {
        return "gs-tier-" + tier.wireName();
    }

    /** {@code gs-status-completed}, … — the colour of a batch or item status chip. */
    public static String status(String wireName) {
        return "gs-status-" + wireName;
    }
}
