package dev.goldsmith.ui.settings;

import dev.goldsmith.ai.BaseUrls;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Readiness;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.ConfirmThreshold;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings screen's fields, turned into {@link BatchSettings} or refused with one sentence naming the field and
 * the value ({@link IllegalArgumentException}) — including what the provider itself would refuse (a deployment Azure
 * needs, a temperature Anthropic does not take), asked of {@link Readiness#problem}.
 */
record SettingsForm(ProviderKind provider, String baseUrl, String model, String deployment, String apiVersion,
                    String temperature, String maxTokens, String timeoutSeconds, String concurrency, String rpm,
                    String tpm, String maxAttempts, String baseDelayMs, String promptPrice, String completionPrice,
                    boolean review, String confirmItems, String confirmCost) {

    static SettingsForm of(BatchSettings s, ConfirmThreshold threshold) {
        ProviderSettings p = s.provider();
        BatchOptions o = s.options();
        boolean azure = p.kind().usesDeployment();
        return new SettingsForm(p.kind(), text(p.baseUrl()), text(p.model()), azure ? text(p.deployment()) : "",
                azure ? p.apiVersion() : "", Double.toString(p.temperature()), Integer.toString(p.maxTokens()),
                Long.toString(p.timeout().toSeconds()), Integer.toString(o.concurrency()), Integer.toString(o.rpm()),
                Integer.toString(o.tpm()), Integer.toString(o.maxAttempts()), Long.toString(o.baseDelay().toMillis()),
                p.pricing().promptPerMillion().toPlainString(), p.pricing().completionPerMillion().toPlainString(),
                o.review(), Integer.toString(threshold.items()), threshold.costUsd().toPlainString());
    }

    /** Above what a new batch asks first: more items to send than {@code confirmItems}, or a cost above {@code confirmCost}. */
    ConfirmThreshold toThreshold() {
        int items = whole("Confirm above (items)", confirmItems);
        BigDecimal cost = decimal("Confirm above (cost)", confirmCost.strip().replaceFirst("^\\$", ""));
        return capitalised(() -> new ConfirmThreshold(items, cost));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The provider part of these fields, as far as they can be read (for the key lookup and the preset shown). */
    ProviderSettings roughProvider() {
        return new ProviderSettings(provider, blankToNull(baseUrl), blankToNull(model), null, 0.7, 500,
                Duration.ofSeconds(60), 1, Pricing.FREE, blankToNull(deployment), blankToNull(apiVersion));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The settings these fields stand for, without an API key. */
    BatchSettings toSettings() {
        BatchOptions options = capitalised(() -> BatchOptions.defaults(Operation.ENHANCE)
                .withConcurrency(whole("Concurrency", concurrency))
                .withRpm(perMinute("Requests per minute", rpm, BatchOptions.MAX_RPM))
                .withTpm(perMinute("Tokens per minute", tpm, BatchOptions.MAX_TPM))
                .withMaxAttempts(whole("Max attempts", maxAttempts))
                .withBaseDelay(Duration.ofMillis(whole("Base delay", baseDelayMs)))
                .withReview(review));
        double t = decimal("Temperature", temperature).doubleValue();
        if (t < 0 || t > 2) {
            throw new IllegalArgumentException("Temperature must be between 0 and 2, not " + temperature.strip() + ".");
        }
        int tokens = whole("Max tokens", maxTokens);
        if (tokens < 1) {
            throw new IllegalArgumentException("Max tokens must be at least 1, not " + tokens + ".");
        }
        int timeout = whole("Timeout", timeoutSeconds);
        if (timeout < 1) {
            throw new IllegalArgumentException("Timeout must be at least 1 second, not " + timeout + ".");
        }
        Pricing pricing = capitalised(() -> new Pricing(decimal("Prompt price", promptPrice),
                decimal("Completion price", completionPrice)));
        if (!provider.isRemote()) {
            return new BatchSettings(options, new ProviderSettings(provider, null, ProviderSettings.rules().model(), null,
                    t, tokens, Duration.ofSeconds(timeout), options.concurrency(), pricing));
        }
        BaseUrls.require(baseUrl, provider.defaultBaseUrl().orElse(ProviderKind.AZURE_EXAMPLE_BASE_URL));
        ProviderSettings p = new ProviderSettings(provider, baseUrl.strip(), blankToNull(model), null, t, tokens,
                Duration.ofSeconds(timeout), options.concurrency(), pricing,
                provider.usesDeployment() ? blankToNull(deployment) : null,
                provider.usesDeployment() ? blankToNull(apiVersion) : null);
        Readiness.problem(p, true).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return new BatchSettings(options, p);
    }

    private static int perMinute(String field, String text, int max) {
        int value = whole(field, text);
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be 0 (no cap) or a whole number up to "
                    + String.format(Locale.ROOT, "%,d", max) + ", not " + value + ".");
        }
        return value;
    }

    private static int whole(String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + text.strip() + "'.");
        }
    }

    private static BigDecimal decimal(String field, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number such as 0.5, not '" + text.strip() + "'.");
        }
    }

    /** Engine messages start in lower case ("concurrency must be …"); on screen a sentence starts with a capital. */
    private static <T> T capitalised(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.isEmpty() ? m : m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1), e);
        }
    }
}
