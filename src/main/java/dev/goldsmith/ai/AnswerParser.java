package dev.goldsmith.ai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text a model wrote into a {@link ModelAnswer}, or rejects it with a readable reason (DESIGN §5).
 *
 * <p>The JSON object is found even inside prose or {@code ```} fences. For {@code enhance}:
 * {@code enhanced_content} must be a non-empty string of at most 4,000 characters; {@code new_tier} one of
 * bronze, silver, gold and not lower than the item's tier. An equal tier is accepted (the model judged the text
 * not ready for the next step, the rewrite is still kept); a tier more than one step up is capped at the next
 * tier, because one enhancement is one step. For {@code keyword_suggest}: {@code keywords} (or
 * {@code suggested_keywords}) with at least one entry. Keywords must be 1–60-character strings; the first 10
 * distinct ones (ignoring case, trimmed) are kept. An optional {@code confidence} in 0..1 is kept, anything
 * else there is ignored. Strings with a lone surrogate (an unpaired {@code \\ud800}–{@code \\udfff} escape) are refused.
 */
public final class AnswerParser {

    public static final int MAX_CONTENT = 4000;
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*(.*?)```", Pattern.DOTALL);

    private final ObjectMapper mapper;

    public AnswerParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ModelAnswer parse(String text, VaultItem item, Operation operation) throws RejectedAnswerException {
        JsonNode json = extractObject(text)
                .orElseThrow(() -> new RejectedAnswerException("it contains no JSON object."));
        return switch (operation) {
            case ENHANCE -> enhance(json, item);
            case KEYWORD_SUGGEST -> keywordSuggest(json);
        };
    }

    /** The first JSON object in {@code text}: the whole text, a fenced block, or the first parseable '{'. */
    public Optional<JsonNode> extractObject(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(text.strip());
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            candidates.add(fence.group(1).strip());
        }
        for (String candidate : candidates) {
            Optional<JsonNode> whole = readObjectAt(candidate, 0);
            if (whole.isPresent()) {
                return whole;
            }
        }
        for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
            Optional<JsonNode> found = readObjectAt(text, i);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> readObjectAt(String text, int start) {
        if (start >= text.length() || text.charAt(start) != '{') {
            return Optional.empty();
        }
        try (JsonParser p = mapper.getFactory().createParser(text.substring(start))) {
            JsonNode node = mapper.readTree(p);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private ModelAnswer enhance(JsonNode json, VaultItem item) throws RejectedAnswerException {
        JsonNode contentNode = json.get("enhanced_content");
        if (contentNode == null || contentNode.isNull()) {
            throw new RejectedAnswerException("'enhanced_content' is missing.");
        }
        if (!contentNode.isTextual()) {
            throw new RejectedAnswerException("'enhanced_content' is not a string.");
        }
        String content = contentNode.asText().strip();
        if (content.isEmpty()) {
            throw new RejectedAnswerException("'enhanced_content' is empty.");
        }
        requireWellFormed(content, "enhanced_content");
        int length = content.codePointCount(0, content.length());
        if (length > MAX_CONTENT) {
            throw new RejectedAnswerException("'enhanced_content' has " + length + " characters, more than the "
                    + MAX_CONTENT + " allowed.");
        }
        QualityTier tier = tier(json.get("new_tier"), item.tier());
        List<String> keywords = keywords(json.get("suggested_keywords"), "suggested_keywords", false);
        return new ModelAnswer(content, tier, keywords, confidence(json.get("confidence")));
    }

    private static QualityTier tier(JsonNode node, QualityTier current) throws RejectedAnswerException {
        if (node == null || node.isNull()) {
            throw new RejectedAnswerException("'new_tier' is missing.");
        }
        String wire = node.isTextual() ? node.asText().strip().toLowerCase(java.util.Locale.ROOT) : node.toString();
        Optional<QualityTier> tier = QualityTier.fromWire(wire).filter(t -> t != QualityTier.ASSUMED);
        if (tier.isEmpty()) {
            throw new RejectedAnswerException("'new_tier' is '" + shorten(wire) + "', not one of bronze, silver, gold.");
        }
        if (tier.get().compareTo(current) < 0) {
            throw new RejectedAnswerException("'new_tier' is '" + tier.get().wireName() + "', lower than the item's tier '"
                    + current.wireName() + "'.");
        }
        return tier.get().compareTo(current.next()) > 0 ? current.next() : tier.get();
    }

    private ModelAnswer keywordSuggest(JsonNode json) throws RejectedAnswerException {
        String field = json.has("keywords") ? "keywords" : "suggested_keywords";
        List<String> keywords = keywords(json.get(field), field, true);
        if (keywords.isEmpty()) {
            throw new RejectedAnswerException("'keywords' is empty.");
        }
        return new ModelAnswer(null, null, keywords, confidence(json.get("confidence")));
    }

    private static List<String> keywords(JsonNode node, String field, boolean required) throws RejectedAnswerException {
        if (node == null || node.isNull()) {
            if (required) {
                throw new RejectedAnswerException("'keywords' is missing.");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new RejectedAnswerException("'" + field + "' is not a list.");
        }
        List<String> raw = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode k = node.get(i);
            if (!k.isTextual()) {
                throw new RejectedAnswerException("'" + field + "[" + i + "]' is not a string.");
            }
            if (k.asText().isBlank()) {
                throw new RejectedAnswerException("'" + field + "[" + i + "]' is an empty keyword.");
            }
            requireWellFormed(k.asText(), field + "[" + i + "]");
            if (!Keywords.isValid(k.asText())) {
                throw new RejectedAnswerException("'" + field + "[" + i + "]' is '" + shorten(k.asText())
                        + "', not a keyword of 1–" + Keywords.MAX_LENGTH + " characters.");
            }
            raw.add(k.asText());
        }
        return Keywords.tidy(raw);
    }

    /**
     * Refuses a string with a lone surrogate: JSON can spell one ({@code "\\ud83d"} with no partner), but it is no
     * character, and stored it would come back as a replacement character or break an export.
     */
    static void requireWellFormed(String text, String field) throws RejectedAnswerException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RejectedAnswerException(String.format(java.util.Locale.ROOT,
                        "'%s' holds a lone surrogate (\\u%04X at character %d), which is not valid Unicode.", field,
                        (int) c, i + 1));
            }
        }
    }

    private static Double confidence(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        double d = node.asDouble();
        return d >= 0 && d <= 1 ? d : null;
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= 70 ? oneLine : oneLine.substring(0, 67) + "…";
    }
}
