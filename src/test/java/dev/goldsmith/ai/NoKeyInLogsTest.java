package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.anthropicError;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.goldsmith.vault.QualityTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** The API key never reaches a log line or a failure message, on any path. */
class NoKeyInLogsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ai = (Logger) LoggerFactory.getLogger("dev.goldsmith.ai");
    private Level previous;

    @BeforeEach
    void capture() {
        appender.start();
        root.addAppender(appender);
        previous = ai.getLevel();
        ai.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        ai.setLevel(previous);
    }

    /** Every run of {@link Redactor#FRAGMENT} characters of the key. */
    private static List<String> fragments() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + Redactor.FRAGMENT <= KEY.length(); i++) {
            out.add(KEY.substring(i, i + Redactor.FRAGMENT));
        }
        return out;
    }

    private static void assertNoPartOfTheKey(String text) {
        assertThat(text).doesNotContain("SECRET");
        for (String fragment : fragments()) {
            assertThat(text).doesNotContain(fragment);
        }
    }

    @Test
    void theKeyAndAnyPartOfItAppearInNoLogLineAndNoMessage() throws Exception {
        List<String> messages = new ArrayList<>();
        String end = KEY.substring(KEY.length() - 12);      // "0123456789abcdef" minus its start: no "sk-" in sight
        String middle = KEY.substring(5, 17);                // "st-SECRET-01"
        server.enqueue(completion(enhanceAnswer("Better with " + KEY + " echoed.", "silver")));
        server.enqueue(completion(enhanceAnswer("Better with ..." + middle + "... echoed.", "silver")));
        server.enqueue(completion(enhanceAnswer("Better.", "silver", "key " + end)));
        server.enqueue(error(401, "Incorrect API key provided: " + KEY + ".", "invalid_api_key"));
        server.enqueue(error(401, "Incorrect API key provided: ****" + end + ".", "invalid_api_key"));
        server.enqueue(error(403, "Key " + KEY + " may not use this model", null));
        server.enqueue(error(400, "Bad request for key " + KEY, null));
        server.enqueue(error(400, "Bad request for key ending " + end + " and holding" + middle, null));
        server.enqueue(error(429, "Slow down, " + KEY, null).newBuilder().addHeader("Retry-After", "1").build());
        server.enqueue(error(500, "Oops " + middle + end, null));
        server.enqueue(completion("not json " + KEY));
        server.enqueue(completion("not json " + middle));
        server.enqueue(new MockResponse.Builder().body("{}").bodyDelay(2, TimeUnit.SECONDS).build());
        int calls = server.getRequestCount();

        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server, KEY, Duration.ofMillis(500)))) {
            for (int i = 0; i < 13; i++) {
                EnhanceResult r = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
                assertThat(r).as("answer %d", i).isInstanceOf(EnhanceResult.Failure.class);
                messages.add(((EnhanceResult.Failure) r).message());
            }
        }
        ProviderCheck.check(settings(server, KEY, Duration.ofMillis(500)));

        assertThat(calls).isZero();
        assertThat(messages).hasSize(13);
        assertThat(messages.subList(0, 3)).allMatch(m -> m.equals("The model's answer was rejected: it contains part of the API key."));
        assertThat(messages.get(4)).isEqualTo("The API key was refused (401); check GOLDSMITH_API_KEY or OPENAI_API_KEY.");
        assertThat(messages.get(7)).isEqualTo("The provider refused the request (400): Bad request for key ending [redacted] and holding[redacted].");
        messages.forEach(NoKeyInLogsTest::assertNoPartOfTheKey);
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            assertNoPartOfTheKey(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    }

    /** The answers a provider of {@code kind} could give that echo the key, or parts of it, in its own format. */
    private static List<MockResponse> echoes(ProviderKind kind) {
        String end = KEY.substring(KEY.length() - 12);
        String middle = KEY.substring(5, 17);
        List<MockResponse> out = new ArrayList<>();
        switch (kind) {
            case ANTHROPIC -> {
                out.add(TestData.message(enhanceAnswer("Better with " + KEY + " echoed.", "silver")));
                out.add(TestData.message(enhanceAnswer("Better.", "silver", "key " + end)));
                out.add(anthropicError(401, "authentication_error", "invalid x-api-key " + KEY));
                out.add(anthropicError(403, "permission_error", "Key " + middle + " may not use this model"));
                out.add(anthropicError(400, "invalid_request_error", "Bad request for key ending " + end));
                out.add(anthropicError(429, "rate_limit_error", "Slow down, " + KEY).newBuilder()
                        .addHeader("retry-after", "1").build());
                out.add(anthropicError(529, "overloaded_error", "Overloaded " + middle + end));
                out.add(TestData.message("not json " + KEY));
            }
            case OPENAI, AZURE -> {
                out.add(completion(enhanceAnswer("Better with " + KEY + " echoed.", "silver")));
                out.add(completion(enhanceAnswer("Better.", "silver", "key " + end)));
                out.add(error(401, "Access denied due to invalid subscription key " + KEY + ".", "401"));
                out.add(error(403, "Key " + middle + " may not use this deployment", null));
                out.add(error(400, "Bad request for key ending " + end, null));
                out.add(error(429, "Slow down, " + KEY, null).newBuilder().addHeader("Retry-After", "1").build());
                out.add(error(500, "Oops " + middle + end, null));
                out.add(completion("not json " + KEY));
            }
            case RULES -> {
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = {"OPENAI", "AZURE", "ANTHROPIC"})
    void everyProviderSendsTheKeyOnlyInItsHeaderAndNeverLogsOrReportsIt(ProviderKind kind) throws Exception {
        ProviderSettings settings = switch (kind) {
            case AZURE -> TestData.azure(server, KEY);
            case ANTHROPIC -> TestData.anthropic(server, KEY);
            case OPENAI, RULES -> settings(server, KEY, java.time.Duration.ofSeconds(10));
        };
        List<MockResponse> answers = echoes(kind);
        answers.forEach(server::enqueue);
        List<String> messages = new ArrayList<>();
        try (Enhancer enhancer = Enhancers.create(settings)) {
            for (int i = 0; i < answers.size(); i++) {
                EnhanceResult r = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
                assertThat(r).as("answer %d", i).isInstanceOf(EnhanceResult.Failure.class);
                messages.add(((EnhanceResult.Failure) r).message());
            }
        }
        server.enqueue(answers.get(2));
        ProviderCheck.check(settings);

        String header = kind.keyHeader().header().orElseThrow();
        for (int i = 0; i <= answers.size(); i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getHeaders().get(header)).endsWith(KEY);
            for (String name : request.getHeaders().names()) {
                if (!name.equalsIgnoreCase(header)) {
                    assertNoPartOfTheKey(request.getHeaders().get(name));
                }
            }
            assertNoPartOfTheKey(request.getUrl().toString());
            assertNoPartOfTheKey(request.getBody().utf8());
        }
        assertThat(messages.subList(0, 2)).allMatch(m -> m.equals("The model's answer was rejected: it contains part of the API key."));
        assertThat(messages.get(2)).startsWith("The API key was refused (401); check GOLDSMITH_API_KEY or ");
        messages.forEach(NoKeyInLogsTest::assertNoPartOfTheKey);
        for (ILoggingEvent event : appender.list) {
            assertNoPartOfTheKey(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
    }
}
