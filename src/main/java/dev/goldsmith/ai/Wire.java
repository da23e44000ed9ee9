package dev.goldsmith.ai;

import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * One wire format of an HTTP provider — OpenAI's chat completions (also Azure's) or Anthropic's Messages API: where a
 * call goes, its request and how its answers read. Everything else (the HTTP client, size cap, strict decoding, limit
 * headers, failure classification, validation, redaction) is shared in {@link HttpEnhancer} and {@link ProviderCheck}.
 * Built by {@link ProviderKind#wire}; its constructor checks the settings and throws {@link IllegalArgumentException}
 * with one sentence (no key) before anything is sent.
 */
interface Wire {

    /**
     * What a 2xx answer carried.
     *
     * @param content   the model's text, possibly {@code null}
     * @param truncated whether the model stopped at {@code max_tokens}: a cut answer
     * @param refusal   when the model declined to answer, its words or a note; else {@code null}
     */
    record Reply(String content, Usage usage, boolean truncated, String refusal) {
    }

    /** Where every call goes. */
    HttpUrl endpoint();

    /** The model named in requests and recorded with outcomes. */
    String model();

    /** What a 404 says does not exist: "Model 'gpt-4o-mini'" or "Deployment 'prod'". */
    String subject();

    /** "model gpt-4o-mini" or "deployment prod", for "OK: … answered in 230 ms." */
    String label();

    /** The strictest answer format to ask for first; {@link ResponseFormat#NONE} for a format without one. */
    ResponseFormat firstFormat();

    /**
     * Whether the server is known to take {@link #firstFormat()} — OpenAI's own API, Azure at an api-version with
     * structured outputs — so no call of a batch waits for a first one to find out ({@link FormatGate}).
     */
    default boolean takesFirstFormat() {
        return false;
    }

    /** The JSON body of one call. */
    String body(Prompts.Messages messages, Operation operation, ResponseFormat format, double temperature, int maxTokens);

    /** The request for {@code body}: URL, headers, the key (only in its header, only when given). */
    Request request(String body, String apiKey);

    /** The model's answer in a 2xx body; empty when the body is not an answer of this format. */
    Optional<Reply> read(String body);

    /** Usage from a 2xx body that is not an answer, or {@link Usage#NONE}. */
    Usage usageOf(String body);

    /** The error in a non-2xx body, its code's meaning read this format's way. */
    ProviderError error(String body);

    /** The reason a 2xx body that is not an answer is rejected: "the server's reply is not a chat completion." */
    String notAnAnswer();

    /** "an OpenAI-compatible API": what the provider check says the server did not answer as. */
    String apiName();

    /** How this format's prompt tokens are counted for {@link Enhancer#estimateTokens}. */
    TokenCounter tokenCounter();
}
