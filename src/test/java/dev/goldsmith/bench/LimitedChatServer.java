package dev.goldsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.MockWebServer;

/**
 * A loopback OpenAI-compatible {@code /v1/chat/completions} server that enforces rate limits the way providers do:
 * a token bucket on requests and one on tokens, a request counting as its prompt tokens plus its {@code max_tokens}
 * when it arrives. The prompt is counted the server's way — one token per 3 characters of the messages plus 4 a
 * message — which is not the client's estimate (about 4 characters a token), as with a real provider's tokenizer.
 * Over a limit it answers {@code 429} at once with {@code Retry-After}; admitted requests are answered after the
 * latency, with {@code usage} as counted. Optionally every answer (200 and 429) carries OpenAI-style
 * {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}} as they stood when the request arrived.
 * Connections have {@code TCP_NODELAY} (see {@link NoDelayServerSockets}); each is served on its own thread.
 */
final class LimitedChatServer implements AutoCloseable {

    /**
     * @param requestsPerMinute 0 = no request limit
     * @param requestBurst      what the request bucket holds (it starts full)
     * @param tokensPerMinute   0 = no token limit
     * @param tokenBurst        what the token bucket holds
     * @param headers           whether answers announce the limits
     * @param retryAfter        the {@code Retry-After} value on 429s, or {@code null}
     * @param latencyMs         how long an admitted request takes
     */
    record Limits(double requestsPerMinute, double requestBurst, double tokensPerMinute, double tokenBurst,
                  boolean headers, String retryAfter, long latencyMs) {
    }

    static final long COMPLETION_TOKENS = 45;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final Limits limits;
    private final Bucket requestBucket;
    private final Bucket tokenBucket;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong admittedTokens = new AtomicLong();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger maxInside = new AtomicInteger();
    private final String okBody;

    LimitedChatServer(Limits limits) throws IOException {
        this.limits = limits;
        this.requestBucket = limits.requestsPerMinute() > 0 ? new Bucket(limits.requestsPerMinute() / 60, limits.requestBurst()) : null;
        this.tokenBucket = limits.tokensPerMinute() > 0 ? new Bucket(limits.tokensPerMinute() / 60, limits.tokenBurst()) : null;
        this.okBody = answer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    private MockResponse answer(RecordedRequest request) {
        requests.incrementAndGet();
        long prompt = promptTokens(request.getBody() == null ? "" : request.getBody().utf8());
        long cost = prompt + maxTokens(request.getBody() == null ? "" : request.getBody().utf8());
        MockResponse.Builder r = new MockResponse.Builder().setHeader("Content-Type", "application/json");
        boolean ok;
        synchronized (this) {
            long now = System.nanoTime();
            if (requestBucket != null) {
                requestBucket.refill(now);
            }
            if (tokenBucket != null) {
                tokenBucket.refill(now);
            }
            ok = (requestBucket == null || requestBucket.level >= 1) && (tokenBucket == null || tokenBucket.level >= cost);
            if (ok) {
                if (requestBucket != null) {
                    requestBucket.level -= 1;
                }
                if (tokenBucket != null) {
                    tokenBucket.level -= cost;
                }
            }
            if (limits.headers()) {
                announce(r, "requests", requestBucket);
                announce(r, "tokens", tokenBucket);
            }
        }
        if (!ok) {
            limited.incrementAndGet();
            if (limits.retryAfter() != null) {
                r.setHeader("Retry-After", limits.retryAfter());
            }
            return r.code(429).body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                    + "\"code\":\"rate_limit_exceeded\"}}").build();
        }
        admitted.incrementAndGet();
        admittedTokens.addAndGet(cost);
        int now = inside.incrementAndGet();
        maxInside.accumulateAndGet(now, Math::max);
        try {
            sleepNanos(limits.latencyMs() * 1_000_000L);
        } finally {
            inside.decrementAndGet();
        }
        return r.code(200).body(okBody.replace("\"prompt_tokens\":0", "\"prompt_tokens\":" + prompt)).build();
    }

    /** x-ratelimit-limit/remaining/reset for one bucket: its limit a minute, what is left, when it is full again. */
    private static void announce(MockResponse.Builder r, String what, Bucket b) {
        if (b == null) {
            return;
        }
        r.setHeader("x-ratelimit-limit-" + what, Long.toString(Math.round(b.perSecond * 60)));
        r.setHeader("x-ratelimit-remaining-" + what, Long.toString((long) Math.floor(Math.max(0, b.level))));
        long resetMs = Math.round(Math.max(0, b.burst - b.level) / b.perSecond * 1000);
        r.setHeader("x-ratelimit-reset-" + what, resetMs < 1000 ? resetMs + "ms"
                : String.format(Locale.ROOT, "%.3fs", resetMs / 1000.0));
    }

    /** The server's count of a request's prompt: one token per 3 characters of its messages, plus 4 a message. */
    static long promptTokens(String body) {
        try {
            JsonNode messages = JSON.readTree(body).path("messages");
            long tokens = 0;
            for (JsonNode m : messages) {
                tokens += 4 + (m.path("content").asText("").length() + 2) / 3;
            }
            return tokens;
        } catch (IOException e) {
            return body.length() / 3;
        }
    }

    private static long maxTokens(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n.path("max_tokens").asLong(n.path("max_completion_tokens").asLong(0));
        } catch (IOException e) {
            return 0;
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    long admitted() {
        return admitted.get();
    }

    long limited() {
        return limited.get();
    }

    long admittedTokens() {
        return admittedTokens.get();
    }

    int maxConcurrent() {
        return maxInside.get();
    }

    Limits limits() {
        return limits;
    }

    private static void sleepNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static String answer() {
        ObjectNode content = JSON.createObjectNode();
        content.put("enhanced_content", "Led delivery of the project, cutting cycle time by 20% for 3 teams.")
                .put("new_tier", "silver");
        content.putArray("suggested_keywords").add("delivery").add("leadership");
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-bench").put("object", "chat.completion").put("model", "bench");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content.toString());
        body.putObject("usage").put("prompt_tokens", 0).put("completion_tokens", COMPLETION_TOKENS);
        return body.toString();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A token bucket; starts full. Guarded by the server's lock. */
    private static final class Bucket {
        final double perSecond;
        final double burst;
        double level;
        long last = Long.MIN_VALUE;

        Bucket(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.level = burst;
        }

        void refill(long now) {
            if (last != Long.MIN_VALUE) {
                level = Math.min(burst, level + (now - last) / 1e9 * perSecond);
            }
            last = now;
        }
    }
}
