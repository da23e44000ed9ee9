package dev.goldsmith.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A loopback stand-in for the hosted providers, speaking each one's wire format by the path it is called at: Anthropic's
 * Messages API ({@code …/messages}) and OpenAI's chat completions — at Azure's deployment path too
 * ({@code …/openai/deployments/D/chat/completions?api-version=V}). Each request is kept (path, query, the key headers
 * and the model asked for); each item (found by its {@code [[id]]} marker) gets a valid enhancement, unless a
 * scripted answer comes first.
 */
final class WireStandIn extends Dispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MARKER = Pattern.compile("\\[\\[([\\w-]+)]]");

    /** One request as the stand-in saw it. */
    record Seen(String path, String query, String bearer, String apiKey, String xApiKey, String anthropicVersion,
                String model, String item) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final ArrayDeque<MockResponse> first = new ArrayDeque<>();

    /** The next requests, whatever they ask, get these answers in order. */
    synchronized WireStandIn thenAnswer(MockResponse response) {
        first.addLast(response);
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String model = null;
        try {
            JsonNode json = JSON.readTree(body.isEmpty() ? "{}" : body);
            model = json.path("model").asText(null);
        } catch (java.io.IOException e) {
            // kept as null: the test will see it
        }
        Matcher m = MARKER.matcher(body);
        String item = m.find() ? m.group(1) : "?";
        String path = request.getUrl().encodedPath();
        var h = request.getHeaders();
        seen.add(new Seen(path, request.getUrl().query(), h.get("Authorization"), h.get("api-key"), h.get("x-api-key"),
                h.get("anthropic-version"), model, item));
        synchronized (this) {
            if (!first.isEmpty()) {
                return first.pollFirst();
            }
        }
        String answer = "{\"enhanced_content\": \"Led [[" + item + "]] end to end, cutting cycle time by 30%\","
                + " \"new_tier\": \"silver\", \"suggested_keywords\": [\"leadership\", \"delivery\"], \"confidence\": 0.8}";
        if (path.endsWith("/messages")) {
            return message(answer);
        }
        if (path.endsWith("/chat/completions")) {
            return ScriptedProviderServer.completion(answer);
        }
        return ScriptedProviderServer.json(404, "{\"error\": {\"message\": \"no route " + path + "\"}}");
    }

    /** A 200 Messages API answer whose one text block is {@code text}. */
    static MockResponse message(String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", "claude-haiku-4-5");
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", "end_turn").putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", 210).put("output_tokens", 48);
        return ScriptedProviderServer.json(200, body.toString());
    }

    /** An Anthropic error: {@code {"type":"error","error":{"type":…,"message":…}}}. */
    static MockResponse anthropicError(int code, String type, String message) {
        return ScriptedProviderServer.json(code, "{\"type\": \"error\", \"error\": {\"type\": \"" + type
                + "\", \"message\": \"" + message + "\"}}");
    }
}
