package dev.goldsmith.ai;

import java.time.Clock;
import okhttp3.EventListener;

/**
 * The {@code anthropic} provider: Anthropic's Messages API ({@link AnthropicMessages}) — {@code POST {base}/messages}
 * with {@code x-api-key} and {@code anthropic-version: 2023-06-01}, default base {@code https://api.anthropic.com/v1}.
 * Errors are told apart by {@code error.type}: {@code authentication_error} and {@code permission_error} stop the
 * batch, as does {@code not_found_error} for the model and {@code billing_error}; {@code rate_limit_error} is a 429
 * (its {@code retry-after} honoured); {@code overloaded_error} (529) and {@code api_error} are retried like a 503;
 * {@code invalid_request_error} fails the item. Its {@code anthropic-ratelimit-*} headers travel with every result.
 * Everything else is {@link HttpEnhancer}'s.
 *
 * <p>Token estimates: Anthropic's tokenizer is not public, so a request is estimated at about four characters a
 * token, plus {@code max_tokens}.
 */
public final class AnthropicEnhancer extends HttpEnhancer {

    /**
     * @throws IllegalArgumentException when the base URL is not valid or plain http to a host that is not loopback,
     *                                  the model is empty, or the timeout is not between 1 ms and
     *                                  {@link ProviderSettings#MAX_TIMEOUT}
     */
    public AnthropicEnhancer(ProviderSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that turns an HTTP-date {@code Retry-After} or an RFC 3339 limit reset into a wait. */
    public AnthropicEnhancer(ProviderSettings settings, Clock clock) {
        this(settings, clock, EventListener.NONE);
    }

    /** For tests: a clock and an OkHttp listener to observe calls. */
    AnthropicEnhancer(ProviderSettings settings, Clock clock, EventListener listener) {
        super(settings, ProviderKind.ANTHROPIC, clock, listener);
    }
}
