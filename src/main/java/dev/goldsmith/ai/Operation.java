package dev.goldsmith.ai;

import java.util.Arrays;
import java.util.Optional;

/** What a batch asks the model to do with each item. */
public enum Operation {
    /** Rewrite the item one tier up, with ATS keywords. Gold items are skipped. */
    ENHANCE("enhance"),
    /** Suggest ATS keywords only; the content is left alone. Gold items are not skipped. */
    KEYWORD_SUGGEST("keyword_suggest");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operation> fromWire(String value) {
        return Arrays.stream(values()).filter(o -> o.wireName.equals(value)).findFirst();
    }
}
