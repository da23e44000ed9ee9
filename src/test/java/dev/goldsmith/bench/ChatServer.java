package dev.goldsmith.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-compatible {@code /v1/chat/completions} server on MockWebServer. MockWebServer serves each
 * connection on its own thread, so a dispatcher that waits out the latency delays only its own connection and
 * up to {@code concurrency} requests are answered in parallel ({@link #maxConcurrent()} shows it).
 *
 * <p>With a {@link TokenBucket} it also enforces a rate limit it tells no one about: over the limit it answers
 * {@code 429} at once, with or without {@code Retry-After}.
 */
final class ChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK_BODY = okBody();

    private final MockWebServer server = new MockWebServer();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong limited = new AtomicLong();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger maxInside = new AtomicInteger();
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    /**
     * @param latencies  per item index (parsed from the prompt); {@code null} with {@code fixedMs}
     * @param fixedMs    latency when {@code latencies} is null
     * @param bucket     a rate limit, or null
     * @param retryAfter the Retry-After header value on 429s, or null for none
     */
    ChatServer(Latencies latencies, double fixedMs, TokenBucket bucket, String retryAfter) throws IOException {
        this(latencies, fixedMs, bucket, retryAfter, true);
    }

    /** @param noDelay {@code TCP_NODELAY} on the server's connections (see {@link NoDelayServerSockets}) */
    ChatServer(Latencies latencies, double fixedMs, TokenBucket bucket, String retryAfter, boolean noDelay)
            throws IOException {
        if (noDelay) {
            server.setServerSocketFactory(new NoDelayServerSockets());
        }
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.incrementAndGet();
                connections.add(request.getConnectionIndex());
                if (bucket != null && !bucket.tryTake(System.nanoTime())) {
                    limited.incrementAndGet();
                    MockResponse.Builder r = new MockResponse.Builder().code(429)
                            .setHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                                    + "\"code\":\"rate_limit_exceeded\"}}");
                    if (retryAfter != null) {
                        r.setHeader("Retry-After", retryAfter);
                    }
                    return r.build();
                }
                int now = inside.incrementAndGet();
                maxInside.accumulateAndGet(now, Math::max);
                try {
                    long delay;
                    if (latencies != null) {
                        int index = BenchItems.indexInText(request.getBody() == null ? "" : request.getBody().utf8());
                        delay = index >= 0 ? latencies.nanos(index) : 0;
                    } else {
                        delay = Math.round(fixedMs * 1e6);
                    }
                    sleepNanos(delay);
                } finally {
                    inside.decrementAndGet();
                }
                ok.incrementAndGet();
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(OK_BODY).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    long ok() {
        return ok.get();
    }

    long limited() {
        return limited.get();
    }

    int maxConcurrent() {
        return maxInside.get();
    }

    int connections() {
        return connections.size();
    }

    private static void sleepNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static String okBody() {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("enhanced_content", "Led delivery of the project, cutting cycle time by 20% for 3 teams.")
                .put("new_tier", "silver");
        answer.putArray("suggested_keywords").add("a").add("b").add("c");
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-bench").put("object", "chat.completion").put("model", "bench");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", answer.toString());
        body.putObject("usage").put("prompt_tokens", 120).put("completion_tokens", 45).put("total_tokens", 165);
        return body.toString();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A token bucket: {@code perSecond} tokens a second, at most {@code burst} saved up; starts full. */
    static final class TokenBucket {
        private final double perSecond;
        private final double burst;
        private double tokens;
        private long last = Long.MIN_VALUE;

        TokenBucket(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.tokens = burst;
        }

        synchronized boolean tryTake(long now) {
            if (last != Long.MIN_VALUE) {
                tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            }
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
