package dev.goldsmith.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback OpenAI-compatible provider for end-to-end runs: it finds the item by the {@code [[id]]} marker in
 * its text and answers from that item's script, or with a valid enhancement.
 */
final class ScriptedProviderServer extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\[\\[([\\w-]+)]]");

    private final Map<String, ArrayDeque<MockResponse>> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private volatile long delayMs;
    private volatile CountDownLatch requestsSeen = new CountDownLatch(0);
    private final Map<String, CountDownLatch> seenByPrefix = new ConcurrentHashMap<>();

    ScriptedProviderServer then(String itemId, MockResponse response) {
        script.computeIfAbsent(itemId, k -> new ArrayDeque<>()).addLast(response);
        return this;
    }

    ScriptedProviderServer delay(long ms) {
        delayMs = ms;
        return this;
    }

    /** A latch that opens once {@code n} more requests have arrived. */
    CountDownLatch awaitRequests(int n) {
        requestsSeen = new CountDownLatch(n);
        return requestsSeen;
    }

    /** A latch that opens once {@code n} more requests for items whose id starts with {@code prefix} have arrived. */
    CountDownLatch awaitRequests(String prefix, int n) {
        CountDownLatch latch = new CountDownLatch(n);
        seenByPrefix.put(prefix, latch);
        return latch;
    }

    int calls(String itemId) {
        return calls.getOrDefault(itemId, new AtomicInteger()).get();
    }

    @Override
    public String toString() {
        return "calls " + calls;
    }

    int total() {
        return total.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        Matcher m = MARKER.matcher(body);
        String id = m.find() ? m.group(1) : "?";
        calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        requestsSeen.countDown();
        seenByPrefix.forEach((prefix, latch) -> {
            if (id.startsWith(prefix)) {
                latch.countDown();
            }
        });
        ArrayDeque<MockResponse> answers = script.get(id);
        MockResponse scripted;
        synchronized (this) {
            scripted = answers == null ? null : answers.pollFirst();
        }
        MockResponse response = scripted != null ? scripted : completion(
                "{\"enhanced_content\": \"Led [[" + id + "]] end to end, cutting cycle time by 30%\","
                        + " \"new_tier\": \"silver\", \"suggested_keywords\": [\"leadership\", \"delivery\", \"kpi\"]}");
        if (delayMs > 0) {
            response = response.newBuilder().headersDelay(delayMs, TimeUnit.MILLISECONDS).build();
        }
        return response;
    }

    static MockResponse completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "e2e");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 40).put("total_tokens", 140);
        return json(200, body.toString());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse error(int code, String message) {
        return json(code, "{\"error\": {\"message\": \"" + message + "\", \"type\": \"x\", \"code\": null}}");
    }
}
