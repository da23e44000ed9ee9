package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;

/** The JSON of OpenAI's {@code /chat/completions}: building a request body and reading an answer. */
final class ChatCompletions {

    /**
     * What a 2xx answer carried: the assistant's text (possibly {@code null}), the token usage, and whether the
     * model stopped at {@code max_tokens} ({@code finish_reason: "length"}).
     */
    record Answer(String content, Usage usage, boolean truncated) {
    }

    /** The most tokens one call is taken to have used, in prompt or completion: far past any context window. */
    static final long MAX_TOKENS = 10_000_000L;

    private final ObjectMapper mapper;

    ChatCompletions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code model}, {@code messages} [system, user], {@code temperature}, {@code max_tokens}, optional JSON mode. */
    String body(String model, Prompts.Messages messages, double temperature, int maxTokens, boolean jsonMode) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        var list = body.putArray("messages");
        if (messages.system() != null) {
            list.addObject().put("role", "system").put("content", messages.system());
        }
        list.addObject().put("role", "user").put("content", messages.user());
        body.put("temperature", temperature);
        body.put("max_tokens", maxTokens);
        if (jsonMode) {
            body.putObject("response_format").put("type", "json_object");
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    /** Reads {@code choices[0].message.content} and {@code usage}; empty when the body is not a completion. */
    Optional<Answer> read(String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject() || !root.path("choices").isArray()) {
            return Optional.empty();
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        return Optional.of(new Answer(content.isTextual() ? content.asText() : null, usage(root.path("usage")),
                "length".equals(choice.path("finish_reason").asText())));
    }

    /** Usage from a completion body, or {@link Usage#NONE} when absent or unreadable. */
    Usage usageOf(String body) {
        try {
            JsonNode root = mapper.readTree(body);
            return root == null ? Usage.NONE : usage(root.path("usage"));
        } catch (IOException e) {
            return Usage.NONE;
        }
    }

    private static Usage usage(JsonNode usage) {
        return new Usage(tokens(usage.path("prompt_tokens")), tokens(usage.path("completion_tokens")));
    }

    /**
     * A token count as a server wrote it: a whole number held to {@link #MAX_TOKENS} (so {@code 1e30} cannot
     * overflow a batch's totals); a negative, fractional or non-numeric value is garbage and counts as 0.
     */
    static long tokens(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return 0;
        }
        if (n.isIntegralNumber()) {
            BigInteger v = n.bigIntegerValue();
            return v.signum() < 0 ? 0 : v.compareTo(BigInteger.valueOf(MAX_TOKENS)) > 0 ? MAX_TOKENS : v.longValue();
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d) || d < 0 || d != Math.rint(d)) {
            return 0;
        }
        return d > MAX_TOKENS ? MAX_TOKENS : (long) d;
    }
}
