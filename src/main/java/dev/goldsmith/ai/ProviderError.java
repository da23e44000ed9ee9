package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The error a provider put in a non-2xx answer: OpenAI's {@code {"error":{"message","code","type"}}}, Anthropic's
 * {@code {"type":"error","error":{"type","message"}}}, Ollama's {@code {"error":"…"}}, or a bare {@code {"message"}} /
 * {@code {"detail"}}.
 *
 * @param message  the provider's own words, one line, at most 300 characters, or empty
 * @param code     the provider's error code or type (e.g. {@code model_not_found}, {@code overloaded_error}), or empty
 * @param category what the wire format says the code means; {@link Category#NONE} leaves it to the status
 */
record ProviderError(String message, String code, Category category) {

    /** What an error code means, whatever the status it came with (each wire format maps its own codes). */
    enum Category {
        /** The code says nothing the status does not: the status decides. */
        NONE,
        /** The key is missing or wrong: the batch stops. */
        AUTHENTICATION,
        /** The key may not do this: the batch stops. */
        PERMISSION,
        /** The model (or deployment) does not exist: the batch stops. */
        MODEL_NOT_FOUND,
        /** The account is out of credit: waiting will not help, the batch stops. */
        NO_CREDIT,
        /** A rate limit: hold and try again, like a 429. */
        RATE_LIMITED,
        /** The provider is overloaded or failed inside: retried like a 503. */
        SERVER,
        /** The request is wrong: this item fails at once. */
        INVALID
    }

    /** OpenAI's codes (also those of compatible servers and Azure): only those that decide over the status. */
    static Category openAiCategory(String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "model_not_found", "model_not_available", "deploymentnotfound" -> Category.MODEL_NOT_FOUND;
            case "insufficient_quota" -> Category.NO_CREDIT;
            default -> Category.NONE;
        };
    }

    ProviderError {
        message = message == null ? "" : message;
        code = code == null ? "" : code;
        category = category == null ? Category.NONE : category;
    }

    ProviderError(String message, String code) {
        this(message, code, Category.NONE);
    }

    /** The error in {@code body}, its code's meaning decided by {@code categories}. */
    static ProviderError parse(ObjectMapper mapper, String body, Function<String, Category> categories) {
        ProviderError raw = read(mapper, body);
        return new ProviderError(raw.message(), raw.code(), raw.code().isEmpty() ? Category.NONE : categories.apply(raw.code()));
    }

    private static ProviderError read(ObjectMapper mapper, String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new ProviderError(oneLine(body == null || body.strip().startsWith("<") ? "" : body), "");
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return new ProviderError(oneLine(error.asText()), "");
        }
        String message = firstText(error.path("message"), root.path("message"), root.path("detail"));
        String code = firstText(error.path("code"), error.path("type"), root.path("code"));
        return new ProviderError(oneLine(message), code);
    }

    /** ": the provider's words" to append to a sentence, or "" when the provider gave none. */
    String suffix() {
        if (message.isEmpty()) {
            return "";
        }
        return ": " + (message.endsWith(".") ? message.substring(0, message.length() - 1) : message);
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return "";
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 297) + "…";
    }
}
