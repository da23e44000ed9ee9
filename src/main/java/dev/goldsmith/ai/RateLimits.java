package dev.goldsmith.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a provider's rate limits stood when it answered, from the limit headers it sent with the answer (a 200 or
 * a 429 alike): OpenAI style {@code x-ratelimit-{limit,remaining,reset}-{requests,tokens}} or Anthropic's
 * {@code anthropic-ratelimit-*}. A budget the provider did not announce is empty; so is every one of
 * {@link #NONE}, for answers without such headers (and for the offline rules engine).
 *
 * @param requests     requests per window
 * @param tokens       tokens per window (input and output together)
 * @param inputTokens  input tokens per window (Anthropic announces these apart)
 * @param outputTokens output tokens per window (Anthropic)
 */
public record RateLimits(Optional<Budget> requests, Optional<Budget> tokens, Optional<Budget> inputTokens,
                         Optional<Budget> outputTokens) {

    public static final RateLimits NONE = new RateLimits(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public RateLimits {
        requests = requests == null ? Optional.empty() : requests;
        tokens = tokens == null ? Optional.empty() : tokens;
        inputTokens = inputTokens == null ? Optional.empty() : inputTokens;
        outputTokens = outputTokens == null ? Optional.empty() : outputTokens;
    }

    /** Whether the answer announced nothing at all. */
    public boolean isEmpty() {
        return requests.isEmpty() && tokens.isEmpty() && inputTokens.isEmpty() && outputTokens.isEmpty();
    }

    /**
     * One announced budget; any part may be missing (a partial or garbled header is left out, never an error).
     *
     * @param limit     the most the window allows
     * @param remaining what is left of it now
     * @param resetIn   how long until the budget is whole again, from when the answer arrived
     */
    public record Budget(OptionalLong limit, OptionalLong remaining, Optional<Duration> resetIn) {
        public Budget {
            limit = limit == null ? OptionalLong.empty() : limit;
            remaining = remaining == null ? OptionalLong.empty() : remaining;
            resetIn = resetIn == null ? Optional.empty() : resetIn;
        }
    }
}
