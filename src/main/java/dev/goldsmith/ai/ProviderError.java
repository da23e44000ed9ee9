package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * The error a provider put in a non-2xx answer: OpenAI's {@code {"error":{"message","code","type"}}},
 * Ollama's {@code {"error":"…"}}, or a bare {@code {"message"}} / {@code {"detail"}}.
 *
 * @param message the provider's own words, one line, at most 300 characters, or empty
 * @param code    the provider's error code or type (e.g. {@code model_not_found}), or empty
 */
record ProviderError(String message, String code) {

    static ProviderError parse(ObjectMapper mapper, String body) {
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

    boolean isModelNotFound() {
        String c = code.toLowerCase(Locale.ROOT);
        return c.equals("model_not_found") || c.equals("model_not_available");
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
