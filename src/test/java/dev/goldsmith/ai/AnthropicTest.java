package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.JSON;
import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.anthropic;
import static dev.goldsmith.ai.TestData.anthropicError;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.EventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code anthropic} provider against a loopback server speaking the Messages API (issue 13.2). */
class AnthropicTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult call(MockResponse response, VaultItem item, Operation operation) throws Exception {
        server.enqueue(response);
        try (AnthropicEnhancer enhancer = new AnthropicEnhancer(anthropic(server, KEY), FIXED, EventListener.NONE)) {
            return enhancer.enhance(item, operation).get(15, TimeUnit.SECONDS);
        }
    }

    private Failure fail(MockResponse response) throws Exception {
        EnhanceResult result = call(response, item("Text.", QualityTier.BRONZE), Operation.ENHANCE);
        assertThat(result).isInstanceOf(Failure.class);
        return (Failure) result;
    }

    @Test
    void theRequestIsAMessagesCallWithTheKeyOnlyInXApiKey() throws Exception {
        VaultItem item = item("Helped with onboarding.", QualityTier.BRONZE, "HR");

        call(message(enhanceAnswer("Better.", "silver")), item, Operation.ENHANCE);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getUrl().query()).isNull();
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("api-key")).isNull();
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        String raw = request.getBody().utf8();
        assertThat(raw).doesNotContain(KEY);
        JsonNode body = JSON.readTree(raw);
        assertThat(body.fieldNames()).toIterable().containsExactly("model", "max_tokens", "system", "messages", "temperature");
        assertThat(body.get("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(500);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        Prompts.Messages expected = Prompts.forItem(item, Operation.ENHANCE);
        assertThat(body.get("system").asText()).isEqualTo(expected.system());
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo(expected.user());
    }

    @Test
    void noKeyNoKeyHeader() throws Exception {
        server.enqueue(message(enhanceAnswer("Better.", "silver")));
        try (AnthropicEnhancer enhancer = new AnthropicEnhancer(anthropic(server, null))) {
            enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
        }

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("x-api-key")).isNull();
    }

    @Test
    void theTextOfTheContentBlocksIsTheAnswerAndUsageIsInputAndOutputTokens() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "msg_1").put("type", "message").put("role", "assistant");
        var content = body.putArray("content");
        content.addObject().put("type", "text").put("text", "Here is the rewrite:\n```json\n{\"enhanced_content\": "
                + "\"Led onboarding for 12 hires a month.\", ");
        content.addObject().put("type", "text").put("text", "\"new_tier\": \"silver\", \"suggested_keywords\": [\"Onboarding\"]}\n```");
        body.put("stop_reason", "end_turn");
        body.putObject("usage").put("input_tokens", 412).put("output_tokens", 57).put("cache_read_input_tokens", 0);

        Success s = (Success) call(TestData.json(200, body.toString()), item("Helped with onboarding.", QualityTier.BRONZE, "HR"),
                Operation.ENHANCE);

        assertThat(s.content()).isEqualTo("Led onboarding for 12 hires a month.");
        assertThat(s.newTier()).isEqualTo(QualityTier.SILVER);
        assertThat(s.keywords()).containsExactly("HR", "Onboarding");
        assertThat(s.usage()).isEqualTo(new Usage(412, 57));
        assertThat(s.provider()).isEqualTo("anthropic");
        assertThat(anthropic(server, KEY).pricing().cost(s.usage())).isEqualByComparingTo("0.000697");
    }

    @Test
    void keywordSuggestReadsItsOwnAnswer() throws Exception {
        Success s = (Success) call(message("{\"keywords\": [\"SQL\", \"ETL\"]}"), item("Built ETL jobs.", QualityTier.GOLD),
                Operation.KEYWORD_SUGGEST);

        assertThat(s.content()).isNull();
        assertThat(s.keywords()).containsExactly("SQL", "ETL");
    }

    @Test
    void anAnswerCutAtMaxTokensIsRejectedAndSaysSo() throws Exception {
        Failure f = fail(message("{\"enhanced_content\": \"Led the onboarding of", "max_tokens", 400, 500));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The model's answer was rejected: it contains no JSON object"
                + " (the answer was cut off at max_tokens 500).");
        assertThat(f.usage()).isEqualTo(new Usage(400, 500));
    }

    @Test
    void aRefusalIsRejected() throws Exception {
        Failure f = fail(message("", "refusal", 400, 2));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The model's answer was rejected: the model declined to answer (stop_reason: refusal).");
    }

    @Test
    void aReplyThatIsNotAMessageIsRejected() throws Exception {
        Failure f = fail(TestData.completion(enhanceAnswer("Better.", "silver")));

        assertThat(f.message()).isEqualTo("The model's answer was rejected: the server's reply is not a Messages API answer.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            401 | authentication_error  | invalid x-api-key        | FATAL        | The API key was refused (401); check GOLDSMITH_API_KEY or ANTHROPIC_API_KEY.
            403 | permission_error      | Your API key does not have permission to use the specified resource. | FATAL | Access was denied (403): Your API key does not have permission to use the specified resource.
            404 | not_found_error       | model: claude-haiku-4-5  | FATAL        | Model 'claude-haiku-4-5' does not exist on this server (404): model: claude-haiku-4-5.
            402 | billing_error         | Your credit balance is too low | FATAL  | The account is out of credit (402 billing_error): Your credit balance is too low.
            429 | rate_limit_error      | Number of requests has exceeded your rate limit | RATE_LIMITED | The provider is limiting the request rate (429): Number of requests has exceeded your rate limit.
            529 | overloaded_error      | Overloaded               | RETRYABLE    | The server answered 529: Overloaded.
            500 | api_error             | Internal server error    | RETRYABLE    | The server answered 500: Internal server error.
            400 | invalid_request_error | max_tokens: Field required | PERMANENT  | The provider refused the request (400): max_tokens: Field required.
            413 | request_too_large     | Request exceeds the maximum allowed number of bytes | PERMANENT | The provider refused the request (413): Request exceeds the maximum allowed number of bytes.
            """)
    void eachErrorTypeIsTreatedAsDocumented(int status, String type, String message, FailureKind kind, String sentence)
            throws Exception {
        Failure f = fail(anthropicError(status, type, message));

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.httpStatus()).isEqualTo(status);
        assertThat(f.message()).isEqualTo(sentence);
    }

    @Test
    void theErrorTypeDecidesOverTheStatus() throws Exception {
        // a proxy in front of the API that answers 400 for an overload and 500 for a rate limit
        assertThat(fail(anthropicError(400, "overloaded_error", "Overloaded")).kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(fail(anthropicError(500, "rate_limit_error", "Slow down")).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(fail(anthropicError(500, "invalid_request_error", "messages: empty")).kind())
                .isEqualTo(FailureKind.PERMANENT);
        assertThat(fail(anthropicError(400, "authentication_error", "invalid x-api-key")).kind()).isEqualTo(FailureKind.FATAL);
    }

    @Test
    void anOverloadIsRetriedLikeA503UnlessTheServerSaysNotTo() throws Exception {
        Failure retried = fail(anthropicError(529, "overloaded_error", "Overloaded").newBuilder()
                .addHeader("retry-after", "4").build());
        Failure told = fail(anthropicError(529, "overloaded_error", "Overloaded").newBuilder()
                .addHeader("x-should-retry", "false").build());

        assertThat(retried.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(retried.retryAfter()).contains(Duration.ofSeconds(4));
        assertThat(told.kind()).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void aRateLimitKeepsTheWaitAndTheAnnouncedLimits() throws Exception {
        Failure f = fail(anthropicError(429, "rate_limit_error", "Slow down").newBuilder()
                .addHeader("retry-after", "12")
                .addHeader("anthropic-ratelimit-requests-limit", "50")
                .addHeader("anthropic-ratelimit-requests-remaining", "0")
                .addHeader("anthropic-ratelimit-requests-reset", "2026-01-01T00:00:12Z")
                .addHeader("anthropic-ratelimit-input-tokens-limit", "50000")
                .addHeader("anthropic-ratelimit-input-tokens-remaining", "31000")
                .addHeader("anthropic-ratelimit-input-tokens-reset", "2026-01-01T00:00:03Z")
                .build());

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(12));
        RateLimits.Budget requests = f.limits().requests().orElseThrow();
        assertThat(requests.limit()).hasValue(50);
        assertThat(requests.remaining()).hasValue(0);
        assertThat(requests.resetIn()).contains(Duration.ofSeconds(12));
        assertThat(f.limits().inputTokens().orElseThrow().remaining()).hasValue(31000);
        assertThat(f.limits().inputTokens().orElseThrow().resetIn()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aGoodAnswerCarriesItsLimitHeaders() throws Exception {
        Success s = (Success) call(message(enhanceAnswer("Better.", "silver")).newBuilder()
                .addHeader("anthropic-ratelimit-tokens-limit", "80000")
                .addHeader("anthropic-ratelimit-tokens-remaining", "79000")
                .addHeader("anthropic-ratelimit-output-tokens-remaining", "15000")
                .addHeader("anthropic-ratelimit-output-tokens-reset", "2026-01-01T00:01:00Z")
                .build(), item("Text.", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(s.limits().tokens().orElseThrow().remaining()).hasValue(79000);
        assertThat(s.limits().outputTokens().orElseThrow().resetIn()).contains(Duration.ofMinutes(1));
    }

    @Test
    void theEstimateIsAboutFourCharactersATokenPlusMaxTokens() {
        VaultItem item = item("Helped with onboarding of new hires.", QualityTier.BRONZE);
        Prompts.Messages m = Prompts.forItem(item, Operation.ENHANCE);
        try (AnthropicEnhancer enhancer = new AnthropicEnhancer(anthropic(server, KEY))) {
            long estimate = enhancer.estimateTokens(item, Operation.ENHANCE);
            long characters = m.system().length() + m.user().length();

            assertThat(estimate - 500).isBetween(characters / 4, characters / 4 + 30);
            assertThat(estimate).isEqualTo(TokenCounter.approximate().count(m) + 500);
        }
    }

    @Test
    void theDefaultBaseUrlIsAnthropicsAndBadSettingsAreRefusedBeforeAnythingIsSent() {
        ProviderSettings defaults = anthropic(server, KEY);
        ProviderSettings noBase = new ProviderSettings(ProviderKind.ANTHROPIC, null, "claude-haiku-4-5", KEY, 0.7, 500,
                Duration.ofSeconds(5), 1, null);
        try (AnthropicEnhancer enhancer = new AnthropicEnhancer(noBase)) {
            assertThat(enhancer.endpoint().toString()).isEqualTo("https://api.anthropic.com/v1/messages");
            assertThat(enhancer.providerName()).isEqualTo("anthropic");
            assertThat(enhancer.model()).isEqualTo("claude-haiku-4-5");
        }
        ProviderSettings remoteHttp = new ProviderSettings(ProviderKind.ANTHROPIC, "http://api.anthropic.com/v1", "claude-haiku-4-5",
                KEY, 0.7, 500, Duration.ofSeconds(5), 1, null);
        ProviderSettings noModel = new ProviderSettings(ProviderKind.ANTHROPIC, defaults.baseUrl(), " ", KEY, 0.7, 500,
                Duration.ofSeconds(5), 1, null);

        assertThatThrownBy(() -> Enhancers.create(remoteHttp))
                .hasMessage("Plain http is allowed only to this computer (localhost); use https for 'api.anthropic.com'.");
        assertThatThrownBy(() -> Enhancers.create(noModel))
                .hasMessage("The model name is empty: give one such as claude-haiku-4-5.");
        ProviderSettings hot = new ProviderSettings(ProviderKind.ANTHROPIC, defaults.baseUrl(), "claude-haiku-4-5", KEY, 1.5, 500,
                Duration.ofSeconds(5), 1, null);
        ProviderSettings noTokens = new ProviderSettings(ProviderKind.ANTHROPIC, defaults.baseUrl(), "claude-haiku-4-5", KEY, 0.7, 0,
                Duration.ofSeconds(5), 1, null);
        assertThatThrownBy(() -> Enhancers.create(hot)).hasMessage("Anthropic takes a temperature from 0 to 1, not 1.5.");
        assertThat(ProviderCheck.check(hot).message()).isEqualTo("Anthropic takes a temperature from 0 to 1, not 1.5.");
        assertThatThrownBy(() -> Enhancers.create(noTokens)).hasMessage("Anthropic needs max_tokens of at least 1, not 0.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theProviderCheckSendsOneTinyMessagesCall() throws Exception {
        server.enqueue(message("{\"ok\": true}", "max_tokens", 20, 5));

        ProviderCheckResult result = ProviderCheck.check(anthropic(server, KEY));

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).matches("OK: model claude-haiku-4-5 answered in \\d+ ms\\.");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(5);
        assertThat(body.has("response_format")).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theProviderCheckNamesWhatIsWrong() {
        server.enqueue(anthropicError(401, "authentication_error", "invalid x-api-key"));
        server.enqueue(TestData.completion("{\"ok\": true}"));
        server.enqueue(anthropicError(404, "not_found_error", "model: claude-nope"));

        assertThat(ProviderCheck.check(anthropic(server, KEY)).message())
                .isEqualTo("The API key was refused (401); check GOLDSMITH_API_KEY or ANTHROPIC_API_KEY.");
        assertThat(ProviderCheck.check(anthropic(server, KEY)).message()).isEqualTo("The server at "
                + server.getHostName() + ":" + server.getPort() + " answered, but not as the Anthropic Messages API;"
                + " check the base URL (it usually ends in /v1).");
        assertThat(ProviderCheck.check(anthropic(server, KEY)).message())
                .startsWith("Model 'claude-haiku-4-5' does not exist on this server (404)");
    }
}
