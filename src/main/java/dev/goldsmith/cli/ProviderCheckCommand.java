package dev.goldsmith.cli;

import dev.goldsmith.ai.BaseUrls;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderCheck;
import dev.goldsmith.ai.ProviderCheckResult;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Readiness;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith provider-check [--provider rules|openai|azure|anthropic] [--base-url URL] [--model NAME]
 * [--deployment NAME] [--api-version V]}: one tiny request to the provider, in its own wire format. Exit 0 when it
 * answered, 1 when it did not, 2 for bad usage. The key comes from the provider's environment variables or the
 * settings store ({@code KeyLookup}), never an argument. Without {@code --provider}, giving {@code --base-url} or
 * {@code --model} means {@code openai}, {@code --deployment} or {@code --api-version} {@code azure}; otherwise
 * {@code rules}, the default provider.
 */
@Command(name = "provider-check", description = "Check that the AI provider answers: base URL, API key and model.")
public final class ProviderCheckCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--provider", paramLabel = "rules|openai|azure|anthropic", completionCandidates = ProviderIds.class,
            description = "The provider to check, one of ${COMPLETION-CANDIDATES}: the offline rules engine (the"
                    + " default), an OpenAI-compatible endpoint, Azure OpenAI or Anthropic (--base-url or --model alone"
                    + " mean openai; --deployment or --api-version alone mean azure).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Where it answers (default: the provider's own, e.g. " + ProviderSettings.DEFAULT_BASE_URL
                    + "; for Azure the resource's https://NAME.openai.azure.com).")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model (default: the provider's own, e.g. "
            + ProviderSettings.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--deployment", paramLabel = "NAME", description = "Azure OpenAI: the deployment to call.")
    String deployment;

    @Option(names = "--api-version", paramLabel = "V", description = "Azure OpenAI: the api-version (default "
            + ProviderSettings.DEFAULT_API_VERSION + ").")
    String apiVersion;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "20000", description = "Give up after N ms (default 20000).")
    long timeoutMs;

    @Override
    public Integer call() {
        ProviderSettings settings = settings();
        ProviderCheckResult result = ProviderCheck.check(settings);
        if (result.ok()) {
            root.out().println(result.message());
            return Cli.OK;
        }
        root.err().println("goldsmith: " + result.message());
        return Cli.FAILED;
    }

    private ProviderSettings settings() {
        ProviderKind kind = provider != null
                ? ProviderKind.fromId(provider).orElseThrow(() -> new InvalidInputException(ProviderKind.unknown(provider)))
                : deployment != null || apiVersion != null ? ProviderKind.AZURE
                : baseUrl != null || model != null ? ProviderKind.OPENAI : ProviderKind.RULES;
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw new InvalidInputException("--timeout-ms " + timeoutMs + " is not between 1 and 600000.");
        }
        EngineOptions.refuseUnused(kind, baseUrl, model, deployment, apiVersion); // never silently ignored
        if (!kind.isRemote()) {
            return ProviderSettings.rules();
        }
        if (baseUrl != null) {
            try {
                BaseUrls.require(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("--base-url: " + e.getMessage());
            }
        }
        ProviderSettings s = new ProviderSettings(kind, baseUrl, model == null ? null : model.strip(), null, 0.0, 5,
                Duration.ofMillis(timeoutMs), 1, Pricing.FREE, deployment, apiVersion).withDefaultsFilledIn();
        Optional<String> problem = Readiness.problem(s, true); // a missing deployment or base URL, in one sentence
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        return root.keys().withKey(s);
    }
}
