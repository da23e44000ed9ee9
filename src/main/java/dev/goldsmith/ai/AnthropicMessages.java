package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Anthropic's Messages API, the wire format of the {@code anthropic} provider: {@code POST {base}/messages} with
 * {@code x-api-key} and {@code anthropic-version: 2023-06-01}; the body carries {@code model}, {@code max_tokens}
 * (required), the system prompt as {@code system}, one user message and {@code temperature}. The answer's text is
 * the {@code text} of its {@code content} blocks; usage is {@code input_tokens} and {@code output_tokens}; a
 * {@code stop_reason} of {@code max_tokens} (or {@code model_context_window_exceeded}) is a cut answer and
 * {@code refusal} the model declining. Errors are told apart by {@code error.type}.
 *
 * <p>No {@code response_format}: the API has none in this version. The prompt asks for JSON only and the parser finds
 * it in the text (as for any server without JSON mode), and an answer that fails validation is retried. A forced tool
 * call would give a schema too, but at the price of a tool definition (its schema, and the tool-use system prompt
 * Anthropic adds, some hundreds of input tokens on every call) and a second answer shape to read.
 */
final class AnthropicMessages implements Wire {

    /** The API version this format is written against. */
    static final String VERSION = "2023-06-01";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ObjectMapper mapper;
    private final HttpUrl endpoint;
    private final String model;

    /**
     * @throws IllegalArgumentException for a base URL that is not valid or plain http to a host that is not loopback,
     *                                  an empty model, a temperature outside 0–1 or {@code max_tokens} below 1
     */
    AnthropicMessages(ProviderSettings settings, ObjectMapper mapper) {
        this.mapper = mapper;
        String base = settings.baseUrl() == null ? ProviderKind.ANTHROPIC.defaultBaseUrl().orElseThrow() : settings.baseUrl();
        this.endpoint = BaseUrls.resolve(BaseUrls.require(base, ProviderKind.ANTHROPIC.defaultBaseUrl().orElseThrow()),
                "messages");
        if (settings.model() == null || settings.model().isBlank()) {
            throw new IllegalArgumentException("The model name is empty: give one such as "
                    + ProviderKind.ANTHROPIC.defaultModel().orElseThrow() + ".");
        }
        this.model = settings.model().strip();
        if (!(settings.temperature() >= 0 && settings.temperature() <= 1)) {
            throw new IllegalArgumentException("Anthropic takes a temperature from 0 to 1, not "
                    + plain(settings.temperature()) + ".");
        }
        if (settings.maxTokens() < 1) {
            throw new IllegalArgumentException("Anthropic needs max_tokens of at least 1, not " + settings.maxTokens() + ".");
        }
    }

    /** A number as people write it: 1.5, 2, not 1.5E0. */
    private static String plain(double d) {
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : String.valueOf(d);
    }

    /** What {@code error.type} means (docs.anthropic.com, "Errors"). */
    static ProviderError.Category category(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "authentication_error" -> ProviderError.Category.AUTHENTICATION;
            case "permission_error" -> ProviderError.Category.PERMISSION;
            case "not_found_error" -> ProviderError.Category.MODEL_NOT_FOUND;
            case "billing_error" -> ProviderError.Category.NO_CREDIT;
            case "rate_limit_error" -> ProviderError.Category.RATE_LIMITED;
            case "overloaded_error", "api_error", "timeout_error" -> ProviderError.Category.SERVER;
            case "invalid_request_error", "request_too_large" -> ProviderError.Category.INVALID;
            default -> ProviderError.Category.NONE;
        };
    }

    @Override
    public HttpUrl endpoint() {
        return endpoint;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String subject() {
        return "Model '" + model + "'";
    }

    @Override
    public String label() {
        return "model " + model;
    }

    @Override
    public ResponseFormat firstFormat() {
        return ResponseFormat.NONE;
    }

    @Override
    public String body(Prompts.Messages messages, Operation operation, ResponseFormat format, double temperature,
                       int maxTokens) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        if (messages.system() != null) {
            body.put("system", messages.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", messages.user());
        body.put("temperature", temperature);
        try {
            return mapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    @Override
    public Request request(String body, String apiKey) {
        Request.Builder request = new Request.Builder().url(endpoint)
                .header("Accept", "application/json")
                .header("anthropic-version", VERSION)
                .post(RequestBody.create(body, JSON));
        ProviderKind.ANTHROPIC.keyHeader().apply(request, apiKey);
        return request.build();
    }

    /** The {@code text} of the {@code content} blocks, in order; empty when the body is not a message. */
    @Override
    public Optional<Reply> read(String body) {
        JsonNode root = tree(body);
        if (root == null || !root.isObject() || !root.path("content").isArray()) {
            return Optional.empty();
        }
        StringBuilder text = null;
        for (JsonNode block : root.path("content")) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text = (text == null ? new StringBuilder() : text).append(block.path("text").asText());
            }
        }
        String stop = root.path("stop_reason").asText("");
        boolean cut = stop.equals("max_tokens") || stop.equals("model_context_window_exceeded");
        return Optional.of(new Reply(text == null ? null : text.toString(), usage(root.path("usage")), cut,
                stop.equals("refusal") ? "stop_reason: refusal" : null));
    }

    @Override
    public Usage usageOf(String body) {
        JsonNode root = tree(body);
        return root == null ? Usage.NONE : usage(root.path("usage"));
    }

    @Override
    public ProviderError error(String body) {
        return ProviderError.parse(mapper, body, AnthropicMessages::category);
    }

    @Override
    public String notAnAnswer() {
        return "the server's reply is not a Messages API answer.";
    }

    @Override
    public String apiName() {
        return "the Anthropic Messages API";
    }

    /** Anthropic's tokenizer is not public: about four characters a token. */
    @Override
    public TokenCounter tokenCounter() {
        return TokenCounter.approximate();
    }

    private JsonNode tree(String body) {
        try {
            return body == null ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Usage usage(JsonNode usage) {
        return new Usage(ChatCompletions.tokens(usage.path("input_tokens")), ChatCompletions.tokens(usage.path("output_tokens")));
    }

    @Override
    public String toString() {
        return "AnthropicMessages[" + endpoint + "]";
    }
}
