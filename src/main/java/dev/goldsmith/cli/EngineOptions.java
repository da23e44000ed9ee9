package dev.goldsmith.cli;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import java.math.BigDecimal;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The engine options of {@code enhance}, {@code resume} and {@code retry-failed}. Only options given on the
 * command line override the saved settings (or, for resume, the batch's own). There is no option for the API
 * key: it comes from the environment or the settings store.
 */
final class EngineOptions {

    @Option(names = "--operation", paramLabel = "enhance|keyword_suggest", description = "What to do with each item.")
    String operation;

    @Option(names = "--provider", paramLabel = "rules|openai", description = "The offline rules engine or an"
            + " OpenAI-compatible endpoint (--base-url or --model alone mean openai).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "The endpoint, e.g. https://api.openai.com/v1"
            + " (means --provider openai).")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model name (means --provider openai).")
    String model;

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at most (1-64, default 5).")
    Integer concurrency;

    @Option(names = "--rpm", paramLabel = "N", description = "Requests per minute cap (0 = none: adapt to the provider).")
    Integer rpm;

    @Option(names = "--tpm", paramLabel = "N", description = "Tokens per minute cap, a request counting as its prompt + max_tokens (0 = none).")
    Integer tpm;

    @Option(names = "--max-attempts", paramLabel = "N", description = "Attempts per item, counting the first (default 3).")
    Integer maxAttempts;

    @Option(names = "--base-delay-ms", paramLabel = "N", description = "First retry delay in ms (default 1000).")
    Long baseDelayMs;

    @Option(names = "--timeout-ms", paramLabel = "N", description = "Timeout of one request in ms, 1 to 3600000"
            + " (default 60000).")
    Long timeoutMs;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Stop dispatching once this much was spent.")
    BigDecimal maxCost;

    @Option(names = "--review", negatable = true, description = "Review before applying: answers become proposals,"
            + " written only when accepted (goldsmith review); --no-review writes them back at once.")
    Boolean review;

    /** Applies the options that were given; a bad value is an {@link InvalidInputException}. */
    BatchSettings applyTo(BatchSettings base) {
        try {
            BatchOptions o = base.options();
            if (operation != null) {
                o = o.withOperation(Operation.fromWire(operation).orElseThrow(() -> new InvalidInputException(
                        "--operation must be enhance or keyword_suggest, not '" + operation + "'.")));
            }
            if (concurrency != null) {
                o = o.withConcurrency(concurrency);
            }
            if (rpm != null) {
                o = o.withRpm(rpm);
            }
            if (tpm != null) {
                o = o.withTpm(tpm);
            }
            if (maxAttempts != null) {
                o = o.withMaxAttempts(maxAttempts);
            }
            if (baseDelayMs != null) {
                o = o.withBaseDelay(nonNegative("--base-delay-ms", baseDelayMs));
            }
            if (maxCost != null) {
                o = o.withMaxCost(maxCost);
            }
            if (review != null) {
                o = o.withReview(review);
            }
            return base.withOptions(o).withProvider(provider(base.provider()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(capitalised(e.getMessage()));
        }
    }

    /**
     * The provider the options ask for. A base URL or a model is only meaningful for an OpenAI-compatible endpoint:
     * without {@code --provider} either one means {@code openai} (as in {@code provider-check}); with
     * {@code --provider rules} they are refused — never silently ignored.
     */
    private ProviderSettings provider(ProviderSettings p) {
        boolean endpointGiven = baseUrl != null || model != null;
        String name = provider != null ? provider : endpointGiven ? ProviderSettings.OPENAI : p.provider();
        if (!ProviderSettings.RULES.equals(name) && !ProviderSettings.OPENAI.equals(name)) {
            throw new InvalidInputException("--provider must be rules or openai, not '" + name + "'.");
        }
        if (ProviderSettings.RULES.equals(name) && endpointGiven) {
            String given = baseUrl != null && model != null ? "--base-url and --model are" : baseUrl != null
                    ? "--base-url is" : "--model is";
            throw new InvalidInputException(given + " for an OpenAI-compatible endpoint, and --provider rules is the"
                    + " offline engine: leave " + (baseUrl != null && model != null ? "them" : "it")
                    + " out, or use --provider openai.");
        }
        boolean switched = !name.equals(p.provider());
        String url = baseUrl != null ? baseUrl
                : switched && ProviderSettings.OPENAI.equals(name) ? ProviderSettings.DEFAULT_BASE_URL : p.baseUrl();
        String m = model != null ? model
                : switched ? (ProviderSettings.OPENAI.equals(name) ? ProviderSettings.DEFAULT_MODEL : "rules") : p.model();
        if (ProviderSettings.OPENAI.equals(name) && url == null) {
            url = ProviderSettings.DEFAULT_BASE_URL;
        }
        Duration timeout = timeoutMs != null ? timeout(timeoutMs) : p.timeout();
        return new ProviderSettings(name, url, m, p.apiKey(), p.temperature(), p.maxTokens(), timeout,
                p.maxConnections(), p.pricing());
    }

    private static Duration nonNegative(String option, long ms) {
        if (ms < 0) {
            throw new InvalidInputException(option + " cannot be negative, not " + ms + ".");
        }
        return Duration.ofMillis(ms);
    }

    /** The longest request timeout the provider takes. */
    static final long MAX_TIMEOUT_MS = ProviderSettings.MAX_TIMEOUT.toMillis();

    private static Duration timeout(long ms) {
        if (ms < 1 || ms > MAX_TIMEOUT_MS) {
            throw new InvalidInputException("--timeout-ms must be between 1 and " + MAX_TIMEOUT_MS
                    + " milliseconds (1 hour), not " + ms + ".");
        }
        return Duration.ofMillis(ms);
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "Invalid option." : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
