package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.goldsmith.vault.QualityTier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 10.9: one failed attempt is one DEBUG line, not an INFO line — a batch against an unreachable server wrote 757
 * "could not be reached" lines at INFO. The engine logs a batch's start and end.
 */
class AttemptLogTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OpenAiEnhancer.class);
    private Level previous;

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
        previous = logger.getLevel();
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }

    @Test
    void everyKindOfFailedAttemptIsLoggedAtDebugOnly() throws Exception {
        server.enqueue(error(503, "busy", null));
        server.enqueue(error(429, "slow down", null));
        server.enqueue(error(400, "bad", null));
        server.enqueue(error(401, "no", "invalid_api_key"));
        server.enqueue(completion("no json at all"));
        server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server, KEY, Duration.ofMillis(300)))) {
            for (int i = 0; i < 6; i++) {
                assertThat(enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS))
                        .isInstanceOf(EnhanceResult.Failure.class);
            }
        }
        ProviderSettings gone = settings(server);
        server.close();
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(gone)) {
            assertThat(enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS))
                    .isInstanceOf(EnhanceResult.Failure.class);
        }

        assertThat(appender.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).isEmpty();
        assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.DEBUG)
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("item item-1: The server answered 503: busy. (RETRYABLE"))
                .anyMatch(m -> m.startsWith("item item-1: The provider is limiting the request rate (429)"))
                .anyMatch(m -> m.startsWith("item item-1: The API key was refused (401)"))
                .anyMatch(m -> m.startsWith("item item-1: The model's answer was rejected"))
                .anyMatch(m -> m.startsWith("item item-1: No answer from"))
                .anyMatch(m -> m.contains("could not be reached"))
                .hasSize(7);
    }
}
