package dev.goldsmith.vault;

/**
 * The fields of an item a vault file may leave out, apart from the id (made when absent) and the confidence score
 * (where {@code null} already means "not given"). A new item takes the default; a merge keeps what is stored
 * (DESIGN §7: "a field the file does not carry is left as it is").
 */
public enum ItemField {
    /** Defaults to {@code assumed}. */
    QUALITY_TIER("quality_tier"),
    /** Defaults to no keywords. */
    KEYWORDS("keywords");

    private final String wireName;

    ItemField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
