package dev.goldsmith.ui.batch;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchSettings;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible chat-completions server on loopback for the batch screen tests: every answer is a valid
 * enhancement (new tier silver, three keywords), sent after {@code delayMs}; when gated, an answer also waits
 * for a permit the test hands out, so a batch can be held mid-flight without sleeping.
 */
final class LoopbackProvider extends Dispatcher {

    static final String ANSWER = "{\"id\":\"c-1\",\"object\":\"chat.completion\",\"model\":\"gpt-test\","
            + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"{\\\"enhanced_content\\\":\\\"Led a focused team that shipped the rewrite two weeks early.\\\","
            + "\\\"new_tier\\\":\\\"silver\\\",\\\"suggested_keywords\\\":[\\\"a\\\",\\\"b\\\",\\\"c\\\"]}\"}}],"
            + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":40,\"total_tokens\":140}}";

    private final long delayMs;
    private final Semaphore permits;
    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();

    private LoopbackProvider(long delayMs, Semaphore permits) {
        this.delayMs = delayMs;
        this.permits = permits;
    }

    /** Answers every request after {@code delayMs}. */
    static LoopbackProvider slow(long delayMs) {
        return new LoopbackProvider(delayMs, null);
    }

    /** Answers a request only once the test {@link #allow}s it. */
    static LoopbackProvider gated() {
        return new LoopbackProvider(0, new Semaphore(0));
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        arrived.add(request.getUrl().encodedPath());
        if (permits != null && !permits.tryAcquire(20, TimeUnit.SECONDS)) {
            return new MockResponse.Builder().code(503).build();
        }
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(ANSWER)
                .headersDelay(delayMs, TimeUnit.MILLISECONDS).build();
    }

    /** Lets {@code answers} more requests be answered. */
    void allow(int answers) {
        permits.release(answers);
    }

    /** Waits for the next request to arrive (it may be held at the gate). */
    void awaitRequest() throws InterruptedException {
        if (arrived.poll(10, TimeUnit.SECONDS) == null) {
            throw new AssertionError("no request reached the loopback provider within 10 s");
        }
    }

    /** Points the saved provider settings at {@code server}: OpenAI-compatible over loopback http, no key. */
    static void useFor(Services services, MockWebServer server) {
        BatchSettings saved = services.batchDefaults().load(Operation.ENHANCE);
        ProviderSettings p = saved.provider();
        services.batchDefaults().save(saved.withProvider(new ProviderSettings(ProviderKind.OPENAI,
                server.url("/v1").toString(), "gpt-test", null, p.temperature(), p.maxTokens(), p.timeout(),
                p.maxConnections(), dev.goldsmith.ai.Pricing.perMillion(0.15, 0.60))));
    }
}
