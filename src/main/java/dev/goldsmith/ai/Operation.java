package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch asks the model to do with each item, and what that means wherever it matters: which items it skips,
 * what a success writes, its prompt templates and the JSON schema of its answer (for structured outputs). How an
 * answer is validated is {@link AnswerParser}'s exhaustive switch over it, and what the offline engine does is
 * {@link RulesEnhancer}'s: a new constant fails to compile until each is handled (docs/architecture.md, "How to add an
 * operation").
 */
public enum Operation {
    /** Rewrite the item one tier up, with ATS keywords. Gold items are skipped. */
    ENHANCE("enhance"),
    /** Suggest ATS keywords only; the content is left alone. Gold items are not skipped. */
    KEYWORD_SUGGEST("keyword_suggest");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The answer schemas, read once. */
    private static final Map<Operation, JsonNode> SCHEMAS = new EnumMap<>(Operation.class);

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

    /** Whether items at the top tier are skipped (recorded {@code skipped}, never sent). */
    public boolean skipsGold() {
        return switch (this) {
            case ENHANCE -> true;
            case KEYWORD_SUGGEST -> false;
        };
    }

    /** Whether this operation skips {@code item}: a gold item for {@code enhance}. */
    public boolean skips(VaultItem item) {
        return skipsGold() && item.tier().isTop();
    }

    /** Whether a success rewrites the item's content and tier; otherwise it changes only the keywords. */
    public boolean rewritesContent() {
        return switch (this) {
            case ENHANCE -> true;
            case KEYWORD_SUGGEST -> false;
        };
    }

    /** The resource (under {@code dev/goldsmith/ai/}) of one of its two prompt templates. */
    String promptResource(Prompts.Part part) {
        return "prompts/" + wireName + "." + part.suffix() + ".txt";
    }

    /** The name its answer schema is sent under ({@code json_schema.name}: letters, digits, '_' and '-'). */
    public String schemaName() {
        return wireName + "_answer";
    }

    /**
     * The JSON schema its answer must follow, written for OpenAI's strict structured outputs: every object lists all
     * its properties as required and allows no others. A copy: changing it changes nothing here.
     */
    public JsonNode answerSchema() {
        synchronized (SCHEMAS) {
            return SCHEMAS.computeIfAbsent(this, Operation::loadSchema).deepCopy();
        }
    }

    private static JsonNode loadSchema(Operation op) {
        String path = "schemas/" + op.wireName + ".schema.json";
        try (InputStream in = Operation.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The answer schema " + path + " is missing from the build.");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
