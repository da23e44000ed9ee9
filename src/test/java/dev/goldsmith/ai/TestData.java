package dev.goldsmith.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Items, settings and provider answers for the provider tests. */
final class TestData {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-test-SECRET-0123456789abcdef";

    private TestData() {
    }

    static VaultItem item(String content, QualityTier tier, String... keywords) {
        return item(ItemType.POWER_PHRASE, content, tier, keywords);
    }

    static VaultItem item(ItemType type, String content, QualityTier tier, String... keywords) {
        return new VaultItem("item-1", "v-1", type, content, tier, List.of(keywords), 0.4, null, null);
    }

    static ProviderSettings settings(MockWebServer server, String key, Duration timeout) {
        return new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(), "gpt-test", key,
                0.7, 500, timeout, 4, Pricing.perMillion(0.15, 0.60));
    }

    static ProviderSettings settings(MockWebServer server) {
        return settings(server, KEY, Duration.ofSeconds(10));
    }

    /** Azure OpenAI on the loopback server: the "resource" is the server's root, deployment {@code prod-4o}. */
    static ProviderSettings azure(MockWebServer server, String key) {
        return new ProviderSettings(ProviderKind.AZURE, server.url("/").toString(), "gpt-4o-mini", key, 0.7, 500,
                Duration.ofSeconds(10), 4, Pricing.perMillion(0.15, 0.60), "prod-4o", null);
    }

    /** Anthropic on the loopback server, at {@code /v1} like the real one. */
    static ProviderSettings anthropic(MockWebServer server, String key) {
        return new ProviderSettings(ProviderKind.ANTHROPIC, server.url("/v1").toString(), "claude-haiku-4-5", key,
                0.7, 500, Duration.ofSeconds(10), 4, Pricing.perMillion(1, 5));
    }

    /** A 200 Messages API answer whose one text block is {@code text}. */
    static MockResponse message(String text) {
        return message(text, "end_turn", 210, 48);
    }

    /** A 200 Messages API answer with the given stop reason and usage. */
    static MockResponse message(String text, String stopReason, int inputTokens, int outputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "msg_01").put("type", "message").put("role", "assistant").put("model", "claude-haiku-4-5");
        body.putArray("content").addObject().put("type", "text").put("text", text);
        body.put("stop_reason", stopReason).putNull("stop_sequence");
        body.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return json(200, body.toString());
    }

    /** An Anthropic error: {@code {"type":"error","error":{"type":…,"message":…}}}. */
    static MockResponse anthropicError(int code, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", "req_011");
        return json(code, body.toString());
    }

    /** A 200 chat completion whose assistant message is {@code content}. */
    static MockResponse completion(String content) {
        return completion(content, "stop", 120, 45);
    }

    /** A 200 chat completion with the given finish reason and token usage. */
    static MockResponse completion(String content, String finishReason, int promptTokens, int completionTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-test");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return json(200, body.toString());
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** An OpenAI-style error body. */
    static MockResponse error(int code, String message, String errorCode) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", "invalid_request_error");
        if (errorCode == null) {
            error.putNull("code");
        } else {
            error.put("code", errorCode);
        }
        return json(code, body.toString());
    }

    static String enhanceAnswer(String content, String tier, String... keywords) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("enhanced_content", content).put("new_tier", tier);
        var list = answer.putArray("suggested_keywords");
        for (String k : keywords) {
            list.add(k);
        }
        answer.put("confidence", 0.82);
        return answer.toString();
    }
}
