package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI's {@code /chat/completions}: the wire format of the {@code openai} provider (OpenAI and every compatible
 * server) and of {@code azure}, which differs only in its URL — {@code {base}/openai/deployments/{deployment}/chat/completions?api-version={v}}
 * — and its key header ({@code api-key} instead of {@code Authorization: Bearer}). Requests ask for the operation's
 * JSON schema first (structured outputs; for Azure from api-version 2024-08-01-preview on, JSON mode before that).
 */
final class ChatCompletions implements Wire {

    /** The most tokens one call is taken to have used, in prompt or completion: far past any context window. */
    static final long MAX_TOKENS = 10_000_000L;
    /** The first Azure OpenAI api-version with structured outputs. */
    static final LocalDate AZURE_STRUCTURED_OUTPUTS = LocalDate.of(2024, 8, 1);

    /** The first path segment of Azure OpenAI's data-plane API, after the resource's endpoint. */
    private static final String AZURE_PREFIX = "openai";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern AZURE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern API_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern VERSION_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private final ObjectMapper mapper;
    private final ProviderKind kind;
    private final HttpUrl endpoint;
    private final String model;
    private final String subject;
    private final String label;
    private final ResponseFormat first;
    /** OpenAI's own API: known to take structured outputs. */
    private static final String OPENAI_API_HOST = "api.openai.com";

    private ChatCompletions(ObjectMapper mapper, ProviderKind kind, HttpUrl endpoint, String model, String subject,
                            String label, ResponseFormat first) {
        this.mapper = mapper;
        this.kind = kind;
        this.endpoint = endpoint;
        this.model = model;
        this.subject = subject;
        this.label = label;
        this.first = first;
    }

    /** {@code POST {base}/chat/completions} with {@code Authorization: Bearer KEY}; the base defaults to OpenAI's. */
    static ChatCompletions openAi(ProviderSettings settings, ObjectMapper mapper) {
        HttpUrl base = BaseUrls.require(settings.baseUrl() == null ? ProviderSettings.DEFAULT_BASE_URL : settings.baseUrl());
        String model = requireModel(settings.model());
        return new ChatCompletions(mapper, ProviderKind.OPENAI, BaseUrls.resolve(base, "chat/completions"), model,
                "Model '" + model + "'", "model " + model, ResponseFormat.JSON_SCHEMA);
    }

    /**
     * {@code POST {base}/openai/deployments/{deployment}/chat/completions?api-version={v}} with {@code api-key: KEY}.
     * The base is the resource's endpoint ({@code https://NAME.openai.azure.com}; a trailing {@code /openai} is taken
     * as part of it). The model, when none is given, is the deployment's name.
     *
     * @throws IllegalArgumentException for a missing base URL or deployment, or a deployment or api-version that is
     *                                  not a plain name
     */
    static ChatCompletions azure(ProviderSettings settings, ObjectMapper mapper) {
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            throw new IllegalArgumentException("The Azure OpenAI base URL is empty: give your resource's endpoint, such as "
                    + ProviderKind.AZURE_EXAMPLE_BASE_URL + ".");
        }
        HttpUrl base = BaseUrls.require(settings.baseUrl(), ProviderKind.AZURE_EXAMPLE_BASE_URL);
        String deployment = settings.deployment() == null ? "" : settings.deployment().strip();
        if (deployment.isEmpty()) {
            throw new IllegalArgumentException("The Azure OpenAI deployment is empty: give the name of a model deployment"
                    + " of your resource (--deployment, or the settings screen).");
        }
        if (!AZURE_NAME.matcher(deployment).matches()) {
            throw new IllegalArgumentException("The Azure OpenAI deployment '" + shorten(deployment) + "' is not a"
                    + " deployment name (letters, digits, '.', '-' and '_', at most 64).");
        }
        String version = settings.apiVersion();
        if (!API_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("The Azure OpenAI api-version '" + shorten(version) + "' is not one such as "
                    + ProviderSettings.DEFAULT_API_VERSION + ".");
        }
        var segments = base.pathSegments().stream().filter(seg -> !seg.isEmpty()).toList();
        boolean hasPrefix = !segments.isEmpty() && AZURE_PREFIX.equals(segments.get(segments.size() - 1));
        HttpUrl endpoint = BaseUrls.resolve(base, (hasPrefix ? "" : AZURE_PREFIX + "/") + "deployments").newBuilder()
                .addPathSegment(deployment)
                .addPathSegments("chat/completions")
                .addQueryParameter("api-version", version)
                .build();
        String model = settings.model() == null || settings.model().isBlank() ? deployment : settings.model().strip();
        return new ChatCompletions(mapper, ProviderKind.AZURE, endpoint, model, "Deployment '" + deployment + "'",
                "deployment " + deployment, structuredOutputs(version) ? ResponseFormat.JSON_SCHEMA : ResponseFormat.JSON_OBJECT);
    }

    /**
     * Whether an Azure api-version has structured outputs: a dated one from {@code 2024-08-01(-preview)} on; an
     * undated one ({@code preview}, {@code latest}, {@code v1}) is taken to be current.
     */
    static boolean structuredOutputs(String apiVersion) {
        Matcher m = VERSION_DATE.matcher(apiVersion == null ? "" : apiVersion.strip());
        if (!m.find()) {
            return true;
        }
        try {
            return !LocalDate.parse(m.group(1)).isBefore(AZURE_STRUCTURED_OUTPUTS);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    static String requireModel(String model) {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("The model name is empty: give one such as " + ProviderSettings.DEFAULT_MODEL + ".");
        }
        return model;
    }

    private static String shorten(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= 70 ? line : line.substring(0, 67) + "…";
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
        return subject;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ResponseFormat firstFormat() {
        return first;
    }

    @Override
    public boolean takesFirstFormat() {
        return switch (kind) {
            case OPENAI -> OPENAI_API_HOST.equals(endpoint.host());
            case AZURE -> first == ResponseFormat.JSON_SCHEMA;
            case RULES, ANTHROPIC -> false;
        };
    }

    /**
     * {@code model}, {@code messages} [system, user], {@code temperature}, {@code max_tokens}, and the
     * {@code response_format} asked for: the operation's schema in strict mode, JSON mode, or none.
     */
    @Override
    public String body(Prompts.Messages messages, Operation operation, ResponseFormat format, double temperature,
                       int maxTokens) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", model);
        var list = body.putArray("messages");
        if (messages.system() != null) {
            list.addObject().put("role", "system").put("content", messages.system());
        }
        list.addObject().put("role", "user").put("content", messages.user());
        body.put("temperature", temperature);
        body.put("max_tokens", maxTokens);
        switch (format) {
            case JSON_SCHEMA -> {
                ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
                schema.put("name", operation.schemaName()).put("strict", true).set("schema", operation.answerSchema());
            }
            case JSON_OBJECT -> body.putObject("response_format").put("type", "json_object");
            case NONE -> {
            }
        }
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
                .post(RequestBody.create(body, JSON));
        kind.keyHeader().apply(request, apiKey);
        return request.build();
    }

    /**
     * Reads {@code choices[0].message.content} and {@code usage}; a {@code finish_reason} of {@code length} is a cut
     * answer; a {@code message.refusal} (structured outputs) or a {@code finish_reason} of {@code content_filter}
     * (Azure) is the model declining. Empty when the body is not a completion.
     */
    @Override
    public Optional<Reply> read(String body) {
        JsonNode root = tree(body);
        if (root == null || !root.isObject() || !root.path("choices").isArray()) {
            return Optional.empty();
        }
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        JsonNode content = message.path("content");
        String finish = choice.path("finish_reason").asText("");
        String refusal = message.path("refusal").isTextual() && !message.path("refusal").asText().isBlank()
                ? message.path("refusal").asText()
                : finish.equals("content_filter") ? "the provider's content filter stopped it" : null;
        return Optional.of(new Reply(content.isTextual() ? content.asText() : null, usage(root.path("usage")),
                finish.equals("length"), refusal));
    }

    @Override
    public Usage usageOf(String body) {
        JsonNode root = tree(body);
        return root == null ? Usage.NONE : usage(root.path("usage"));
    }

    @Override
    public ProviderError error(String body) {
        return ProviderError.parse(mapper, body, ProviderError::openAiCategory);
    }

    @Override
    public String notAnAnswer() {
        return "the server's reply is not a chat completion.";
    }

    @Override
    public String apiName() {
        return kind == ProviderKind.AZURE ? "the Azure OpenAI API" : "an OpenAI-compatible API";
    }

    /** The model's own tokenizer where it is known (jtokkit), else about four characters a token. */
    @Override
    public TokenCounter tokenCounter() {
        return TokenCounter.forModel(model);
    }

    private JsonNode tree(String body) {
        try {
            return body == null ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
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

    @Override
    public String toString() {
        return "ChatCompletions[" + Objects.toString(endpoint) + "]";
    }
}
