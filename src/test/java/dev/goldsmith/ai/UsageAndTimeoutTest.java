package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldsmith.vault.QualityTier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 9.15: numbers a server or a user gives that the client cannot take are clamped or refused in one sentence. */
class UsageAndTimeoutTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private Usage usageOf(String usageJson) throws Exception {
        String content = TestData.JSON.writeValueAsString(TestData.enhanceAnswer("Better.", "silver"));
        server.enqueue(TestData.json(200, "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"content\":" + content
                + "}}],\"usage\":" + usageJson + "}"));
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            EnhanceResult r = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
            assertThat(r).isInstanceOf(EnhanceResult.Success.class);
            return r.usage();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1000000000000000000000000000000 | 10000000
            1e30                            | 10000000
            18446744073709551617            | 10000000
            9223372036854775807             | 10000000
            10000001                        | 10000000
            120                             | 120
            1.2e2                           | 120
            0                               | 0
            -5                              | 0
            -1e30                           | 0
            12.5                            | 0
            "120"                           | 0
            true                            | 0
            null                            | 0
            {"n": 1}                        | 0
            """)
    void usageIsClampedToATenMillionTokensACallAndGarbageCountsAsNothing(String value, long expected) throws Exception {
        Usage usage = usageOf("{\"prompt_tokens\": " + value + ", \"completion_tokens\": " + value + "}");

        assertThat(usage).isEqualTo(new Usage(expected, expected));
        assertThat(ChatCompletions.MAX_TOKENS).isEqualTo(10_000_000L);
    }

    @Test
    void aHugeUsageDoesNotOverflowWhenABatchAddsItUp() throws Exception {
        Usage one = usageOf("{\"prompt_tokens\": 1e30, \"completion_tokens\": 1e30}");
        Usage sum = Usage.NONE;
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(one);
        }

        assertThat(sum.total()).isEqualTo(2 * 1000 * ChatCompletions.MAX_TOKENS).isPositive();
    }

    private static ProviderSettings withTimeout(MockWebServer server, Duration timeout) {
        return settings(server, KEY, timeout);
    }

    @ParameterizedTest
    @ValueSource(longs = {3_600_001L, 86_400_000L, 9_999_999_999L, Long.MAX_VALUE})
    void aTimeoutOverAnHourIsRefusedNamingTheAllowedRange(long ms) {
        String message = "The request timeout must be between 1 ms and 1 hour (3,600,000 ms), not " + ms + " ms.";

        assertThatThrownBy(() -> new OpenAiEnhancer(withTimeout(server, Duration.ofMillis(ms))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> Enhancers.create(withTimeout(server, Duration.ofMillis(ms))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        ProviderCheckResult check = ProviderCheck.check(withTimeout(server, Duration.ofMillis(ms)));
        assertThat(check.ok()).isFalse();
        assertThat(check.message()).isEqualTo(message);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void timeoutsBeyondMillisecondsAndBelowOneAreRefusedToo() {
        assertThatThrownBy(() -> new OpenAiEnhancer(withTimeout(server, Duration.ofSeconds(Long.MAX_VALUE))))
                .hasMessage("The request timeout must be between 1 ms and 1 hour (3,600,000 ms), not PT2562047788015215H30M7S.");
        assertThatThrownBy(() -> new OpenAiEnhancer(withTimeout(server, Duration.ofNanos(500_000))))
                .hasMessage("The request timeout must be between 1 ms and 1 hour (3,600,000 ms), not 0.5 ms.");
        assertThatThrownBy(() -> new OpenAiEnhancer(withTimeout(server, Duration.ZERO)))
                .hasMessage("The request timeout must be between 1 ms and 1 hour (3,600,000 ms), not 0 ms.");
        assertThatThrownBy(() -> new OpenAiEnhancer(withTimeout(server, Duration.ofMillis(-5))))
                .hasMessage("The request timeout must be between 1 ms and 1 hour (3,600,000 ms), not -5 ms.");
    }

    @Test
    void theEndsOfTheRangeAreAccepted() {
        assertThat(ProviderSettings.MAX_TIMEOUT).isEqualTo(Duration.ofMillis(3_600_000));
        new OpenAiEnhancer(withTimeout(server, ProviderSettings.MAX_TIMEOUT)).close();
        new OpenAiEnhancer(withTimeout(server, Duration.ofMillis(1))).close();
    }
}
