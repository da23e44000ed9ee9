package dev.goldsmith.ai;

import java.time.Clock;
import okhttp3.EventListener;

/**
 * The {@code openai} and {@code azure} providers: OpenAI's chat completions ({@link ChatCompletions}) —
 * {@code POST {base_url}/chat/completions} with {@code Authorization: Bearer KEY} for OpenAI and every compatible
 * server, {@code POST {base}/openai/deployments/{deployment}/chat/completions?api-version={v}} with
 * {@code api-key: KEY} for Azure OpenAI. Settings whose provider is {@code azure} get Azure's URL and header; any
 * other gets OpenAI's. Everything else — the client, the size cap, failures, validation, the once-per-batch answer
 * format — is {@link HttpEnhancer}'s.
 *
 * <p>Requests ask for the operation's JSON schema (structured outputs, strict); a server that refuses it with a
 * {@code 400} naming {@code response_format} is asked with JSON mode ({@code json_object}), and one that refuses that
 * too, without {@code response_format} (LM Studio before structured outputs); the rest of the batch goes with what
 * worked, and the answer parser finds the JSON in plain text anyway.
 */
public final class OpenAiEnhancer extends HttpEnhancer {

    /**
     * @throws IllegalArgumentException when the base URL is not valid, is plain http to a host that is not
     *                                  loopback, the model is empty (Azure: the deployment), or the timeout is not
     *                                  between 1 ms and {@link ProviderSettings#MAX_TIMEOUT}
     */
    public OpenAiEnhancer(ProviderSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that turns an HTTP-date {@code Retry-After} into a wait. */
    public OpenAiEnhancer(ProviderSettings settings, Clock clock) {
        this(settings, clock, EventListener.NONE);
    }

    /** For tests: a clock for HTTP-date {@code Retry-After} and an OkHttp listener to observe calls. */
    OpenAiEnhancer(ProviderSettings settings, Clock clock, EventListener listener) {
        super(settings, chatKind(settings), clock, listener);
    }

    /** Azure when the settings say so, else the OpenAI-compatible provider. */
    private static ProviderKind chatKind(ProviderSettings settings) {
        return settings.kind().wireFormat() == ProviderKind.WireFormat.CHAT_COMPLETIONS ? settings.kind()
                : ProviderKind.OPENAI;
    }
}
