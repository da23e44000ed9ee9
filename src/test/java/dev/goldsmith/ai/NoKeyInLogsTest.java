package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
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
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Test
    void theKeyAppearsInNoLogLineAndNoMessage() throws Exception {
        List<String> messages = new ArrayList<>();
        server.enqueue(completion(enhanceAnswer("Better with " + KEY + " echoed.", "silver")));
        server.enqueue(error(401, "Incorrect API key provided: " + KEY + ".", "invalid_api_key"));
        server.enqueue(error(403, "Key " + KEY + " may not use this model", null));
        server.enqueue(error(400, "Bad request for key " + KEY, null));
        server.enqueue(error(429, "Slow down, " + KEY, null).newBuilder().addHeader("Retry-After", "1").build());
        server.enqueue(error(500, "Oops " + KEY, null));
        server.enqueue(completion("not json " + KEY));
        server.enqueue(new MockResponse.Builder().body("{}").bodyDelay(2, TimeUnit.SECONDS).build());

        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server, KEY, Duration.ofMillis(500)))) {
            for (int i = 0; i < 8; i++) {
                EnhanceResult r = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
                if (r instanceof EnhanceResult.Failure f) {
                    messages.add(f.message());
                }
            }
        }
        ProviderCheck.check(settings(server, KEY, Duration.ofMillis(500)));

        assertThat(messages).hasSize(7).noneMatch(m -> m.contains(KEY)).noneMatch(m -> m.contains("SECRET"));
        assertThat(appender.list).isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(KEY).doesNotContain("SECRET");
        }
    }
}
