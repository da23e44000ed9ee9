package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.vault.QualityTier;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9.7: an answer whose body never ends, or is huge, or trickles in, cannot eat the heap or hang the call. Memory
 * is asserted by what the client read (OkHttp's own count of body bytes), not by timing.
 */
class AnswerSizeAndDeadlineTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Counts the body bytes the client took from the connection. */
    static final class BodyBytes extends EventListener {
        final AtomicLong read = new AtomicLong(-1);
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void responseBodyEnd(Call call, long byteCount) {
            read.set(byteCount);
            ended.countDown();
        }

        long await() throws InterruptedException {
            assertThat(ended.await(10, TimeUnit.SECONDS)).as("the body was closed").isTrue();
            return read.get();
        }
    }

    private static ProviderSettings at(String baseUrl, Duration timeout) {
        return new ProviderSettings(ProviderKind.OPENAI, baseUrl, "gpt-test", KEY, 0.7, 500, timeout, 2, null);
    }

    @Test
    void anEndlessAnswerIsCutAtTheCapAndRetriedWithOneSentence() throws Exception {
        BodyBytes bytes = new BodyBytes();
        try (EndlessServer endless = new EndlessServer();
             OpenAiEnhancer enhancer = new OpenAiEnhancer(at(endless.baseUrl(), Duration.ofSeconds(60)),
                     Clock.systemUTC(), bytes)) {
            Failure f = (Failure) enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(30, TimeUnit.SECONDS);

            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.httpStatus()).isEqualTo(200);
            assertThat(f.message()).isEqualTo("The answer from 127.0.0.1:" + endless.port() + " is larger than 2 MB; it was not read further.");
            assertThat(f.limits().requests().orElseThrow().remaining()).hasValue(41);
            assertThat(bytes.await()).as("body bytes held by the client")
                    .isBetween((long) AnswerBody.MAX_BYTES, AnswerBody.MAX_BYTES + 64 * 1024L);
            assertThat(endless.clientHungUp()).as("the client hung up rather than reading on").isTrue();
            assertThat(endless.written()).isLessThan(EndlessServer.SAFETY_STOP);
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIsNotReadAtAll() throws Exception {
        BodyBytes bytes = new BodyBytes();
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[AnswerBody.MAX_BYTES + 1])).build());
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server), Clock.systemUTC(), bytes)) {
            Failure f = (Failure) enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);

            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.message()).endsWith(" is larger than 2 MB; it was not read further.");
            assertThat(bytes.await()).isZero();
        }
    }

    @Test
    void anAnswerJustUnderTheCapIsStillRead() throws Exception {
        String content = TestData.JSON.writeValueAsString(TestData.enhanceAnswer("Better.", "silver"));
        String body = "{" + " ".repeat(AnswerBody.MAX_BYTES - 1000)
                + "\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":" + content + "}}]}";
        server.enqueue(TestData.json(200, body));
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            EnhanceResult r = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);

            assertThat(r).isInstanceOf(EnhanceResult.Success.class);
        }
    }

    @Test
    void anErrorWithAnEndlessBodyKeepsItsStatusAndIsReadOnlyAsFarAsItsMessageNeeds() throws Exception {
        BodyBytes bytes = new BodyBytes();
        String huge = "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}"
                + " ".repeat(8 * 1024 * 1024);
        server.enqueue(new MockResponse.Builder().code(401).chunkedBody(huge, 8192).build());
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server), Clock.systemUTC(), bytes)) {
            Failure f = (Failure) enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);

            assertThat(f.kind()).isEqualTo(FailureKind.FATAL);
            assertThat(f.httpStatus()).isEqualTo(401);
            assertThat(bytes.await()).isLessThanOrEqualTo(AnswerBody.MAX_ERROR_BYTES + 16 * 1024L);
        }
    }

    @Test
    void theCallTimeoutBoundsABodyThatTricklesInFasterThanTheReadTimeout() throws Exception {
        // 512 KB at 4 KB every 20 ms would take 2.6 s; each read comes well within the 400 ms read timeout, so only
        // the call timeout (which OkHttp keeps running until the body is read, also with enqueue) can end it.
        server.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[512 * 1024]))
                .throttleBody(4096, 20, TimeUnit.MILLISECONDS).build());
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(TestData.settings(server, KEY, Duration.ofMillis(400)))) {
            Failure f = (Failure) enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);

            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.message()).isEqualTo("The answer from " + server.getHostName() + ":" + server.getPort()
                    + " did not finish within 400 ms (timeout).");
        }
    }

    @Test
    void theProviderCheckReadsWithTheSameCap() throws Exception {
        try (EndlessServer endless = new EndlessServer()) {
            ProviderCheckResult result = ProviderCheck.check(at(endless.baseUrl(), Duration.ofSeconds(60)));

            assertThat(result.ok()).isFalse();
            assertThat(result.message()).endsWith(" is larger than 2 MB; it was not read further.");
            assertThat(endless.clientHungUp()).isTrue();
        }
    }

    @Test
    void aServerErrorWithAHugeBodyIsStillRetryable() throws Exception {
        server.enqueue(error(503, "busy", null).newBuilder().chunkedBody("x".repeat(4 * 1024 * 1024), 65536).build());
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            Failure f = (Failure) enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);

            assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
            assertThat(f.message()).startsWith("The server answered 503: xxx").hasSizeLessThan(400);
        }
    }
}
