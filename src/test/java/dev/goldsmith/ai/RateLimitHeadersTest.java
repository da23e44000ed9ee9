package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.RateLimits.Budget;
import dev.goldsmith.vault.QualityTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.EventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The limit headers of every answer, read into {@link RateLimits} (issue 11.1), as a real server sends them. */
class RateLimitHeadersTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult answer(MockResponse response) throws Exception {
        server.enqueue(response);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server), FIXED, EventListener.NONE)) {
            return enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
        }
    }

    private static MockResponse with(MockResponse response, String... headers) {
        MockResponse.Builder b = response.newBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            b.addHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    private static MockResponse ok() {
        return completion(enhanceAnswer("Better.", "silver"));
    }

    static Budget budget(Long limit, Long remaining, Duration reset) {
        return new Budget(limit == null ? OptionalLong.empty() : OptionalLong.of(limit),
                remaining == null ? OptionalLong.empty() : OptionalLong.of(remaining), Optional.ofNullable(reset));
    }

    static RateLimits limits(Budget requests, Budget tokens, Budget input, Budget output) {
        return new RateLimits(Optional.ofNullable(requests), Optional.ofNullable(tokens), Optional.ofNullable(input),
                Optional.ofNullable(output));
    }

    static final String[] OPENAI = {
        "x-ratelimit-limit-requests", "600",
        "x-ratelimit-remaining-requests", "599",
        "x-ratelimit-reset-requests", "100ms",
        "x-ratelimit-limit-tokens", "150000",
        "x-ratelimit-remaining-tokens", "149384",
        "x-ratelimit-reset-tokens", "246ms"};

    static final String[] ANTHROPIC = {
        "anthropic-ratelimit-requests-limit", "50",
        "anthropic-ratelimit-requests-remaining", "49",
        "anthropic-ratelimit-requests-reset", "2026-01-01T00:00:01Z",
        "anthropic-ratelimit-tokens-limit", "90000",
        "anthropic-ratelimit-tokens-remaining", "89000",
        "anthropic-ratelimit-tokens-reset", "2026-01-01T00:00:00.700Z",
        "anthropic-ratelimit-input-tokens-limit", "50000",
        "anthropic-ratelimit-input-tokens-remaining", "49500",
        "anthropic-ratelimit-input-tokens-reset", "2026-01-01T01:00:30+01:00",
        "anthropic-ratelimit-output-tokens-limit", "10000",
        "anthropic-ratelimit-output-tokens-remaining", "9900",
        "anthropic-ratelimit-output-tokens-reset", "2025-12-31T23:59:00Z"};

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("a 200 with a good answer", ok()),
                Arguments.of("a 200 whose answer is rejected", completion("no json here")),
                Arguments.of("a 429", error(429, "Rate limit reached for requests", "rate_limit_exceeded")),
                Arguments.of("a 500", error(500, "boom", null)),
                Arguments.of("a 400", error(400, "bad", null)),
                Arguments.of("a 401", error(401, "no", "invalid_api_key")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void openAiHeadersAreReadOnEveryAnswerWhateverItsStatus(String name, MockResponse response) throws Exception {
        EnhanceResult result = answer(with(response, OPENAI));

        assertThat(result.limits()).isEqualTo(limits(
                budget(600L, 599L, Duration.ofMillis(100)), budget(150_000L, 149_384L, Duration.ofMillis(246)),
                null, null));
    }

    @Test
    void anthropicHeadersAreReadWithRfc3339ResetsTurnedIntoWaitsOnTheClock() throws Exception {
        EnhanceResult result = answer(with(ok(), ANTHROPIC));

        assertThat(result.limits()).isEqualTo(limits(
                budget(50L, 49L, Duration.ofSeconds(1)),
                budget(90_000L, 89_000L, Duration.ofMillis(700)),
                budget(50_000L, 49_500L, Duration.ofSeconds(30)), // 01:00:30+01:00 is 00:00:30Z
                budget(10_000L, 9_900L, Duration.ZERO)));          // already past: whole again now
    }

    static Stream<Arguments> goDurations() {
        return Stream.of(
                Arguments.of("20ms", Duration.ofMillis(20)),
                Arguments.of("1s", Duration.ofSeconds(1)),
                Arguments.of("6m0s", Duration.ofMinutes(6)),
                Arguments.of("1h2m3.5s", Duration.ofMillis(3_723_500)),
                Arguments.of("2m59.56s", Duration.ofMillis(179_560)),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("7.66", Duration.ofMillis(7_660)),  // a bare number: seconds
                Arguments.of(" 1s ", Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goDurations")
    void openAiResetsAreGoDurations(String value, Duration expected) throws Exception {
        EnhanceResult result = answer(with(ok(), "x-ratelimit-reset-requests", value));

        assertThat(result.limits()).isEqualTo(limits(budget(null, null, expected), null, null, null));
    }

    @Test
    void aResetMoreThanADayAwayIsHeldToADay() throws Exception {
        EnhanceResult result = answer(with(ok(), "x-ratelimit-reset-tokens", "999999h",
                "anthropic-ratelimit-requests-reset", "9999-01-01T00:00:00Z"));

        assertThat(result.limits().tokens().orElseThrow().resetIn()).contains(RateLimitHeaders.MAX_RESET);
        assertThat(result.limits().requests().orElseThrow().resetIn()).contains(RateLimitHeaders.MAX_RESET);
    }

    @Test
    void aPartialSetKeepsWhatWasSentAndLeavesTheRestEmpty() throws Exception {
        EnhanceResult result = answer(with(ok(),
                "x-ratelimit-remaining-requests", "12",
                "x-ratelimit-limit-tokens", "40000"));

        assertThat(result.limits()).isEqualTo(limits(budget(null, 12L, null), budget(40_000L, null, null), null, null));
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of((Object) new String[] {"x-ratelimit-limit-requests", "lots"}),
                Arguments.of((Object) new String[] {"x-ratelimit-limit-requests", "-5"}),
                Arguments.of((Object) new String[] {"x-ratelimit-limit-requests", "1e3"}),
                Arguments.of((Object) new String[] {"x-ratelimit-limit-requests", "12.5"}),
                Arguments.of((Object) new String[] {"x-ratelimit-limit-requests", "99999999999999999999999"}),
                Arguments.of((Object) new String[] {"x-ratelimit-remaining-tokens", ""}),
                Arguments.of((Object) new String[] {"x-ratelimit-reset-requests", "6 minutes"}),
                Arguments.of((Object) new String[] {"x-ratelimit-reset-requests", "-20ms"}),
                Arguments.of((Object) new String[] {"x-ratelimit-reset-requests", "1m-3s"}),
                Arguments.of((Object) new String[] {"x-ratelimit-reset-tokens", "ms"}),
                Arguments.of((Object) new String[] {"anthropic-ratelimit-tokens-reset", "tomorrow"}),
                Arguments.of((Object) new String[] {"anthropic-ratelimit-tokens-reset", "2026-13-45T99:00:00Z"}),
                Arguments.of((Object) new String[] {"anthropic-ratelimit-output-tokens-limit", "0x100"}),
                Arguments.of((Object) new String[] {"x-ratelimit-limit", "600", "ratelimit-requests", "5"}));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbledHeadersAreIgnoredAndTheAnswerStillCounts(String[] headers) throws Exception {
        EnhanceResult result = answer(with(ok(), headers));

        assertThat(result).isInstanceOf(EnhanceResult.Success.class);
        assertThat(result.limits()).isEqualTo(RateLimits.NONE);
        assertThat(result.limits().isEmpty()).isTrue();
    }

    @Test
    void aGarbledPartNextToGoodOnesDropsOnlyThatPart() throws Exception {
        EnhanceResult result = answer(with(ok(),
                "x-ratelimit-limit-requests", "600",
                "x-ratelimit-remaining-requests", "soon",
                "x-ratelimit-reset-requests", "1s"));

        assertThat(result.limits()).isEqualTo(limits(budget(600L, null, Duration.ofSeconds(1)), null, null, null));
    }

    @Test
    void noHeadersAtAllIsNone() throws Exception {
        assertThat(answer(ok()).limits()).isSameAs(RateLimits.NONE);
    }

    @Test
    void theLimitsOfTheCallThatAnsweredAreKeptWhenJsonModeIsRefusedAndTheCallIsSentAgain() throws Exception {
        server.enqueue(with(TestData.json(400, "{\"error\":\"'response_format.type' must be 'json_schema' or 'text'\"}"),
                "x-ratelimit-remaining-requests", "10"));
        EnhanceResult result = answer(with(ok(), "x-ratelimit-remaining-requests", "9"));

        assertThat(result.limits().requests().orElseThrow().remaining()).hasValue(9);
    }

    @Test
    void theParserTakesAnyHeaderLookupSoEveryProviderCanUseIt() {
        Map<String, String> headers = new HashMap<>();
        headers.put("x-ratelimit-limit-requests", "600");
        headers.put("anthropic-ratelimit-output-tokens-remaining", "7");

        RateLimits parsed = new RateLimitHeaders(FIXED).parse(headers::get);

        assertThat(parsed).isEqualTo(limits(budget(600L, null, null), null, null, budget(null, 7L, null)));
        assertThat(new RateLimitHeaders(FIXED).parse(name -> null)).isSameAs(RateLimits.NONE);
    }
}
