package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.vault.QualityTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.EventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How each HTTP answer is classified (DESIGN §4 Retry, §5). */
class OpenAiFailureTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private Failure fail(MockResponse response) throws Exception {
        server.enqueue(response);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server), FIXED, EventListener.NONE)) {
            EnhanceResult result = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);
            assertThat(result).isInstanceOf(Failure.class);
            return (Failure) result;
        }
    }

    static Stream<Arguments> rateLimitHeaders() {
        return Stream.of(
                Arguments.of(new String[] {"Retry-After", "7"}, Optional.of(Duration.ofSeconds(7))),
                Arguments.of(new String[] {"Retry-After", "Thu, 01 Jan 2026 00:00:30 GMT"}, Optional.of(Duration.ofSeconds(30))),
                Arguments.of(new String[] {"Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT"}, Optional.of(Duration.ZERO)),
                Arguments.of(new String[] {"retry-after-ms", "1500"}, Optional.of(Duration.ofMillis(1500))),
                Arguments.of(new String[] {"x-ratelimit-reset-requests", "20ms"}, Optional.of(Duration.ofMillis(20))),
                Arguments.of(new String[] {"x-ratelimit-reset-requests", "6m0s"}, Optional.of(Duration.ofMinutes(6))),
                Arguments.of(new String[] {"x-ratelimit-reset-requests", "1.5s"}, Optional.of(Duration.ofMillis(1500))),
                Arguments.of(new String[] {"retry-after-ms", "250", "Retry-After", "10"}, Optional.of(Duration.ofMillis(250))),
                Arguments.of(new String[] {"Retry-After", "soon", "x-ratelimit-reset-requests", "20ms"},
                        Optional.of(Duration.ofMillis(20))),
                Arguments.of(new String[] {"Retry-After", "soon"}, Optional.empty()),
                Arguments.of(new String[] {"Retry-After", "-5"}, Optional.empty()),
                Arguments.of(new String[] {"retry-after-ms", "-100"}, Optional.empty()),
                Arguments.of(new String[] {"x-ratelimit-reset-requests", "6 minutes"}, Optional.empty()),
                Arguments.of(new String[] {"x-ratelimit-reset-requests", "-20ms"}, Optional.empty()),
                Arguments.of(new String[] {}, Optional.empty()));
    }

    @Test
    void a503WithRetryAfterKeepsTheWaitSoTheRetryIsNotSooner() throws Exception {
        Failure f = fail(new MockResponse.Builder().code(503).addHeader("Retry-After", "120").body("{}").build());

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.retryAfter()).contains(Duration.ofSeconds(120));
    }

    @Test
    void aWaitOfYearsIsHeldToAnHour() throws Exception {
        Failure f = fail(error(429, "slow down", null).newBuilder().setHeader("Retry-After", "99999999999").build());

        assertThat(f.retryAfter()).contains(RetryAfter.MAX_WAIT);
    }

    @Test
    void a429ForAnAccountOutOfCreditStopsTheBatchInsteadOfWaiting() throws Exception {
        Failure f = fail(error(429, "You exceeded your current quota", "insufficient_quota"));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.message()).startsWith("The account is out of credit (429 insufficient_quota)");
    }

    @ParameterizedTest
    @MethodSource("rateLimitHeaders")
    void a429IsRateLimitedWithTheWaitTheProviderAskedFor(String[] headers, Optional<Duration> wait) throws Exception {
        MockResponse.Builder response = error(429, "Rate limit reached for requests", "rate_limit_exceeded").newBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            response.addHeader(headers[i], headers[i + 1]);
        }

        Failure f = fail(response.build());

        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.httpStatus()).isEqualTo(429);
        assertThat(f.retryAfter()).isEqualTo(wait);
        assertThat(f.message()).startsWith("The provider is limiting the request rate (429)")
                .contains("Rate limit reached for requests");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 409, 425, 500, 502, 503, 504})
    void serverTroubleIsRetryable(int status) throws Exception {
        server.enqueue(error(status, "The server is overloaded", null)); // OkHttp itself repeats a 408 once
        Failure f = fail(error(status, "The server is overloaded", null));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.httpStatus()).isEqualTo(status);
        assertThat(f.message()).isEqualTo("The server answered " + status + ": The server is overloaded.");
    }

    @Test
    void a503WithAnHtmlPageStillReadsWell() throws Exception {
        Failure f = fail(new MockResponse.Builder().code(503).body("<html><body>Bad gateway</body></html>").build());

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The server answered 503.");
    }

    @Test
    void a401IsFatal() throws Exception {
        Failure f = fail(error(401, "Incorrect API key provided: sk-test-***cdef.", "invalid_api_key"));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.httpStatus()).isEqualTo(401);
        assertThat(f.message()).isEqualTo("The API key was refused (401); check GOLDSMITH_API_KEY or OPENAI_API_KEY.");
    }

    @Test
    void a403IsFatalWithTheProvidersWords() throws Exception {
        Failure f = fail(error(403, "Project does not have access to model gpt-test", null));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.message()).isEqualTo("Access was denied (403): Project does not have access to model gpt-test.");
    }

    @Test
    void a404ForTheModelIsFatal() throws Exception {
        Failure f = fail(error(404, "The model `gpt-test` does not exist or you do not have access to it.", "model_not_found"));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.httpStatus()).isEqualTo(404);
        assertThat(f.message()).isEqualTo("Model 'gpt-test' does not exist on this server (404): "
                + "The model `gpt-test` does not exist or you do not have access to it.");
    }

    @Test
    void ollamasModelNotFoundIsFatal() throws Exception {
        Failure f = fail(TestData.json(404, "{\"error\":\"model 'gpt-test' not found\"}"));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.message()).isEqualTo("Model 'gpt-test' does not exist on this server (404): model 'gpt-test' not found.");
    }

    @Test
    void theModelNotFoundCodeIsFatalWhateverTheStatus() throws Exception {
        Failure f = fail(error(400, "The requested model is not available.", "model_not_found"));

        assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(f.httpStatus()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 413, 422})
    void otherClientErrorsArePermanentWithTheProvidersMessage(int status) throws Exception {
        Failure f = fail(error(status, "This model's maximum context length is 8192 tokens.", "context_length_exceeded"));

        assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(f.message()).isEqualTo("The provider refused the request (" + status
                + "): This model's maximum context length is 8192 tokens.");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        Failure f = fail(new MockResponse.Builder().code(301).addHeader("Location", "http://example.com/v1/chat/completions").build());

        assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(f.message()).contains("redirect");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "400, true,  RETRYABLE",
        "422, TRUE,  RETRYABLE",
        "409, true,  RETRYABLE",
        "500, true,  RETRYABLE",
        "429, true,  RATE_LIMITED",
        "503, false, PERMANENT",
        "500, false, PERMANENT",
        "408, false, PERMANENT",
        "429, false, PERMANENT",
        "400, false, PERMANENT",
        "401, true,  FATAL",
        "403, true,  FATAL",
        "404, true,  FATAL",
        "401, false, FATAL",
        "400, maybe, PERMANENT",
        "503, ' ',   RETRYABLE",
        "503, yes,   RETRYABLE"})
    void xShouldRetryDecidesOverTheStatusButNeverUndoesAFatalOne(int status, String header, FailureKind kind)
            throws Exception {
        server.enqueue(error(status, "Told you", null).newBuilder().addHeader("x-should-retry", header).build());
        Failure f = fail(error(status, "Told you", null).newBuilder().addHeader("x-should-retry", header).build());

        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.httpStatus()).isEqualTo(status);
    }

    @Test
    void aFailureToldNotToRetrySaysSoInOneSentence() throws Exception {
        Failure overloaded = fail(error(503, "Overloaded", null).newBuilder().addHeader("x-should-retry", "false").build());
        Failure limited = fail(error(429, "Slow down", null).newBuilder().addHeader("x-should-retry", "false")
                .addHeader("Retry-After", "5").build());
        Failure invalid = fail(error(400, "Try later", null).newBuilder().addHeader("x-should-retry", "true")
                .addHeader("retry-after-ms", "1500").build());

        assertThat(overloaded.message())
                .isEqualTo("The server answered 503 and said not to retry (x-should-retry: false): Overloaded.");
        assertThat(limited.message()).isEqualTo(
                "The provider is limiting the request rate (429) and said not to retry (x-should-retry: false): Slow down.");
        assertThat(limited.retryAfter()).isEmpty();
        assertThat(invalid.message())
                .isEqualTo("The server answered 400 and said to retry (x-should-retry: true): Try later.");
        assertThat(invalid.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void aGoodAnswerAfterFailuresStillWorksOnTheSameEnhancer() throws Exception {
        server.enqueue(error(503, "busy", null));
        server.enqueue(completion(TestData.enhanceAnswer("Better.", "silver")));
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            var item = item("Text.", QualityTier.BRONZE);
            assertThat(enhancer.enhance(item, Operation.ENHANCE).get(15, TimeUnit.SECONDS)).isInstanceOf(Failure.class);
            assertThat(enhancer.enhance(item, Operation.ENHANCE).get(15, TimeUnit.SECONDS))
                    .isInstanceOf(EnhanceResult.Success.class);
        }
    }
}
