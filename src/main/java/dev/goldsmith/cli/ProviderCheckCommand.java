package dev.goldsmith.cli;

import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.ApiKeys;
import dev.goldsmith.ai.BaseUrls;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderCheck;
import dev.goldsmith.ai.ProviderCheckResult;
import dev.goldsmith.ai.ProviderSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code goldsmith provider-check [--provider rules|openai] [--base-url URL] [--model NAME]}: one tiny request
 * to the provider. Exit 0 when it answered, 1 when it did not, 2 for bad usage. The key comes from
 * {@code GOLDSMITH_API_KEY} / {@code OPENAI_API_KEY} (never an argument). Without {@code --provider}, giving
 * {@code --base-url} or {@code --model} means {@code openai}; otherwise {@code rules}, the default provider.
 */
@Command(name = "provider-check", mixinStandardHelpOptions = true,
        description = "Check that the AI provider answers: base URL, API key and model.")
public final class ProviderCheckCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--provider", paramLabel = "rules|openai", description = "The provider to check.")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The OpenAI-compatible API (default: " + ProviderSettings.DEFAULT_BASE_URL + ").")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "The model (default: " + ProviderSettings.DEFAULT_MODEL + ").")
    String model;

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
        String chosen = provider != null ? provider.strip().toLowerCase(Locale.ROOT)
                : (baseUrl != null || model != null ? ProviderSettings.OPENAI : ProviderSettings.RULES);
        if (!chosen.equals(ProviderSettings.RULES) && !chosen.equals(ProviderSettings.OPENAI)) {
            throw new InvalidInputException("--provider '" + provider + "' is not one of rules, openai.");
        }
        if (timeoutMs < 1 || timeoutMs > 600_000) {
            throw new InvalidInputException("--timeout-ms " + timeoutMs + " is not between 1 and 600000.");
        }
        if (chosen.equals(ProviderSettings.RULES)) {
            return ProviderSettings.rules();
        }
        String url = baseUrl == null ? ProviderSettings.DEFAULT_BASE_URL : baseUrl;
        try {
            BaseUrls.require(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--base-url: " + e.getMessage());
        }
        if (model != null && model.isBlank()) {
            throw new InvalidInputException("--model is empty; give a model name such as " + ProviderSettings.DEFAULT_MODEL + ".");
        }
        String key = ApiKeys.resolve(root.env(), root.services().apiKeyStore().read()).map(ApiKey::value).orElse(null);
        return new ProviderSettings(ProviderSettings.OPENAI, url, model == null ? ProviderSettings.DEFAULT_MODEL : model.strip(),
                key, 0.0, 5, Duration.ofMillis(timeoutMs), 1, Pricing.FREE);
    }
}
