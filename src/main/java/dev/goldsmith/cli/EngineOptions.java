package dev.goldsmith.cli;

import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The engine options of {@code enhance}, {@code resume} and {@code retry-failed}. Only options given on the
 * command line override the saved settings (or, for resume, the batch's own). There is no option for the API
 * key: it comes from the environment or the settings store ({@code KeyLookup}).
 */
final class EngineOptions {

    @Option(names = "--operation", paramLabel = "enhance|keyword_suggest", completionCandidates = OperationNames.class,
            description = "What to do with each item.")
    String operation;

    @Option(names = "--provider", paramLabel = "rules|openai|azure|anthropic", completionCandidates = ProviderIds.class,
            description = "One of ${COMPLETION-CANDIDATES}: the offline rules engine, an OpenAI-compatible endpoint,"
                    + " Azure OpenAI or Anthropic (--base-url or --model alone keep the provider that calls a server,"
                    + " else mean openai; --deployment or --api-version alone mean azure).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL", description = "The endpoint, e.g. https://api.openai.com/v1, or"
            + " an Azure resource's https://NAME.openai.azure.com.")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model name (for Azure the deployment's model).")
    String model;

    @Option(names = "--deployment", paramLabel = "NAME", description = "Azure OpenAI: the deployment to call.")
    String deployment;

    @Option(names = "--api-version", paramLabel = "V", description = "Azure OpenAI: the api-version (default "
            + ProviderSettings.DEFAULT_API_VERSION + ").")
    String apiVersion;

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
                o = o.withOperation(OperationNames.parse(operation));
            }
            if (concurrency != null) {
                o = named("--concurrency", o, x -> x.withConcurrency(concurrency));
            }
            if (rpm != null) {
                o = named("--rpm", o, x -> x.withRpm(rpm));
            }
            if (tpm != null) {
                o = named("--tpm", o, x -> x.withTpm(tpm));
            }
            if (maxAttempts != null) {
                o = named("--max-attempts", o, x -> x.withMaxAttempts(maxAttempts));
            }
            if (baseDelayMs != null) {
                o = o.withBaseDelay(nonNegative("--base-delay-ms", baseDelayMs));
            }
            if (maxCost != null) {
                o = named("--max-cost", o, x -> x.withMaxCost(maxCost));
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
     * The provider the options ask for. {@code --base-url} and {@code --model} without {@code --provider} keep a
     * provider that calls a server and otherwise mean {@code openai} (as in {@code provider-check});
     * {@code --deployment} and {@code --api-version} mean {@code azure}. An option the provider has no use for is
     * refused — never silently ignored. Switching provider starts from its own base URL, model and list price.
     */
    private ProviderSettings provider(ProviderSettings p) {
        ProviderKind kind = kind(p.kind());
        boolean switched = kind != p.kind();
        refuseUnused(kind);
        ProviderSettings base = switched ? ProviderSettings.defaults(kind).withApiKey(p.apiKey()) : p;
        String m = model != null ? model.strip() : base.model();
        Pricing pricing = p.pricing();
        ProviderSettings filled = new ProviderSettings(kind, baseUrl != null ? baseUrl.strip() : base.baseUrl(), m,
                p.apiKey(), p.temperature(), p.maxTokens(), timeoutMs != null ? timeout(timeoutMs) : p.timeout(),
                p.maxConnections(), pricing, deployment != null ? deployment : base.deployment(),
                apiVersion != null ? apiVersion : base.apiVersion()).withDefaultsFilledIn();
        if (!switched && (model == null || model.strip().equals(p.model()))) {
            return filled;
        }
        // another provider or model: its list price when a preset knows it; the old one's would be wrong
        return filled.withPricing(ProviderPreset.matching(filled).flatMap(preset -> preset.pricing(filled.model()))
                .orElse(switched ? Pricing.FREE : pricing));
    }

    private ProviderKind kind(ProviderKind saved) {
        if (provider != null) {
            return ProviderKind.fromId(provider).orElseThrow(() -> new InvalidInputException(ProviderKind.unknown(provider)));
        }
        if (deployment != null || apiVersion != null) {
            return ProviderKind.AZURE;
        }
        boolean endpointGiven = baseUrl != null || model != null;
        return endpointGiven && !saved.isRemote() ? ProviderKind.OPENAI : saved;
    }

    private void refuseUnused(ProviderKind kind) {
        refuseUnused(kind, baseUrl, model, deployment, apiVersion);
    }

    /** Refuses options {@code kind} has no use for, naming them (the engine options and {@code provider-check}). */
    static void refuseUnused(ProviderKind kind, String baseUrl, String model, String deployment, String apiVersion) {
        List<String> endpoint = new ArrayList<>();
        if (baseUrl != null) {
            endpoint.add("--base-url");
        }
        if (model != null) {
            endpoint.add("--model");
        }
        List<String> azure = new ArrayList<>();
        if (deployment != null) {
            azure.add("--deployment");
        }
        if (apiVersion != null) {
            azure.add("--api-version");
        }
        if (!kind.isRemote() && !endpoint.isEmpty()) {
            throw new InvalidInputException(String.join(" and ", endpoint) + (endpoint.size() > 1 ? " are" : " is")
                    + " for a provider that calls a server, and --provider rules is the offline engine: leave "
                    + (endpoint.size() > 1 ? "them" : "it") + " out, or use --provider openai, azure or anthropic.");
        }
        if (!kind.usesDeployment() && !azure.isEmpty()) {
            throw new InvalidInputException(String.join(" and ", azure) + (azure.size() > 1 ? " are" : " is")
                    + " for Azure OpenAI, and the provider is " + kind.id() + ": leave "
                    + (azure.size() > 1 ? "them" : "it") + " out, or use --provider azure.");
        }
        if (model != null && model.isBlank()) {
            throw new InvalidInputException("--model is empty; give a model name" + kind.defaultModel()
                    .map(m -> " such as " + m).orElse("") + ".");
        }
    }

    /**
     * {@code change}, with a refusal naming the option as typed: "--rpm must be 0 (no cap) or …", not the settings
     * screen's "Rpm must be …".
     */
    private static BatchOptions named(String option, BatchOptions o, UnaryOperator<BatchOptions> change) {
        try {
            return change.apply(o);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String subject = option.substring(2).replace('-', ' ');
            throw new InvalidInputException(message.startsWith(subject + " ")
                    ? option + message.substring(subject.length()) : option + ": " + message);
        }
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
