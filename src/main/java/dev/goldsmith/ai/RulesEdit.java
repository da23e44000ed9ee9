package dev.goldsmith.ai;

/**
 * One change the rules provider made to a text, and how much it is worth: only a {@link Kind#STRONGER} edit
 * raises the item's tier; tightening and style make the text better, not a tier better.
 */
record RulesEdit(Kind kind, String description) {

    enum Kind {
        /** A weak opener replaced by an action verb, a capability phrasing, a result made explicit. */
        STRONGER,
        /** Filler out, a wordy phrase shortened, a clause reduced. */
        TIGHTER,
        /** Numerals, no contractions, "such as", abbreviations spelt out. */
        STYLE
    }

    static RulesEdit stronger(String description) {
        return new RulesEdit(Kind.STRONGER, description);
    }

    static RulesEdit tighter(String description) {
        return new RulesEdit(Kind.TIGHTER, description);
    }

    static RulesEdit style(String description) {
        return new RulesEdit(Kind.STYLE, description);
    }
}
