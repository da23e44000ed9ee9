package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.store.SettingsRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider and engine settings saved in the {@code settings} table: what a new batch starts with, in the
 * window and on the command line. Unset or unreadable values fall back to the defaults: the offline rules
 * provider, and the chosen provider's own base URL and model ({@link ProviderSettings#withDefaultsFilledIn()}). The
 * API key is not here: see {@code ApiKeyStore}.
 */
public final class BatchDefaults {

    public static final String PROVIDER = "provider";
    public static final String BASE_URL = "base_url";
    public static final String MODEL = "model";
    /** Azure OpenAI: the deployment calls go to. */
    public static final String DEPLOYMENT = "deployment";
    /** Azure OpenAI: the {@code api-version}. */
    public static final String API_VERSION = "api_version";
    public static final String TEMPERATURE = "temperature";
    public static final String MAX_TOKENS = "max_tokens";
    public static final String TIMEOUT_MS = "timeout_ms";
    public static final String CONCURRENCY = "concurrency";
    public static final String RPM = "rpm";
    public static final String TPM = "tpm";
    public static final String MAX_ATTEMPTS = "max_attempts";
    public static final String BASE_DELAY_MS = "base_delay_ms";
    public static final String PROMPT_PRICE = "prompt_price_per_million";
    public static final String COMPLETION_PRICE = "completion_price_per_million";
    /** Review mode for new batches: "true" or "false". */
    public static final String REVIEW = "review";
    /** Above how many items to send a new batch asks for confirmation first (default 500). */
    public static final String CONFIRM_ITEMS = "confirm_above_items";
    /** Above what estimated cost in US dollars a new batch asks for confirmation first (default 1). */
    public static final String CONFIRM_COST = "confirm_above_cost_usd";

    private static final Logger LOG = LoggerFactory.getLogger(BatchDefaults.class);

    private final SettingsRepository settings;

    public BatchDefaults(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The saved settings for an operation (no API key). */
    public BatchSettings load(Operation operation) {
        Map<String, String> s = settings.all();
        BatchOptions d = BatchOptions.defaults(operation);
        BatchOptions options = d;
        try {
            options = d.withConcurrency(integer(s, CONCURRENCY, d.concurrency()))
                    .withRpm(integer(s, RPM, d.rpm()))
                    .withTpm(integer(s, TPM, d.tpm()))
                    .withMaxAttempts(integer(s, MAX_ATTEMPTS, d.maxAttempts()))
                    .withBaseDelay(Duration.ofMillis(integer(s, BASE_DELAY_MS, (int) d.baseDelay().toMillis())))
                    .withReview(Boolean.parseBoolean(s.getOrDefault(REVIEW, "false").strip()));
        } catch (IllegalArgumentException e) {
            options = d; // a hand-edited value out of range: start from the defaults rather than refuse to start
        }
        ProviderKind kind = ProviderKind.fromId(s.get(PROVIDER)).orElse(ProviderKind.RULES);
        if (s.containsKey(PROVIDER) && !kind.id().equals(s.get(PROVIDER).strip())) {
            LOG.warn("the saved provider '{}' is not one of {}; new batches use the offline rules engine",
                    s.get(PROVIDER), ProviderKind.ids());
        }
        ProviderSettings r = ProviderSettings.defaults(kind);
        ProviderSettings p = new ProviderSettings(kind, s.get(BASE_URL), s.get(MODEL), null,
                decimal(s, TEMPERATURE, BigDecimal.valueOf(r.temperature())).doubleValue(),
                integer(s, MAX_TOKENS, r.maxTokens()),
                Duration.ofMillis(integer(s, TIMEOUT_MS, (int) r.timeout().toMillis())), options.concurrency(),
                pricing(s), kind.usesDeployment() ? s.get(DEPLOYMENT) : null,
                kind.usesDeployment() ? s.get(API_VERSION) : null).withDefaultsFilledIn();
        return new BatchSettings(options, p);
    }

    /** Saves provider and engine settings (never the key). */
    public void save(BatchSettings value) {
        ProviderSettings p = value.provider();
        BatchOptions o = value.options();
        Map<String, String> s = new LinkedHashMap<>();
        s.put(PROVIDER, p.kind().id());
        if (p.baseUrl() != null) {
            s.put(BASE_URL, p.baseUrl());
        }
        if (p.model() != null) {
            s.put(MODEL, p.model());
        }
        if (p.kind().usesDeployment()) {
            if (p.deployment() != null) {
                s.put(DEPLOYMENT, p.deployment());
            }
            s.put(API_VERSION, p.apiVersion());
        }
        s.put(TEMPERATURE, Double.toString(p.temperature()));
        s.put(MAX_TOKENS, Integer.toString(p.maxTokens()));
        s.put(TIMEOUT_MS, Long.toString(p.timeout().toMillis()));
        s.put(CONCURRENCY, Integer.toString(o.concurrency()));
        s.put(RPM, Integer.toString(o.rpm()));
        s.put(TPM, Integer.toString(o.tpm()));
        s.put(MAX_ATTEMPTS, Integer.toString(o.maxAttempts()));
        s.put(BASE_DELAY_MS, Long.toString(o.baseDelay().toMillis()));
        s.put(REVIEW, Boolean.toString(o.review()));
        s.put(PROMPT_PRICE, p.pricing().promptPerMillion().toPlainString());
        s.put(COMPLETION_PRICE, p.pricing().completionPerMillion().toPlainString());
        settings.putAll(s);
    }

    /** Above what a new batch asks for confirmation; {@link ConfirmThreshold#DEFAULT} where unset or unreadable. */
    public ConfirmThreshold confirmThreshold() {
        Map<String, String> s = settings.all();
        ConfirmThreshold d = ConfirmThreshold.DEFAULT;
        try {
            return new ConfirmThreshold(integer(s, CONFIRM_ITEMS, d.items()), decimal(s, CONFIRM_COST, d.costUsd()));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    public void saveConfirmThreshold(ConfirmThreshold value) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(CONFIRM_ITEMS, Integer.toString(value.items()));
        s.put(CONFIRM_COST, value.costUsd().toPlainString());
        settings.putAll(s);
    }

    private static Pricing pricing(Map<String, String> s) {
        try {
            return new Pricing(decimal(s, PROMPT_PRICE, BigDecimal.ZERO), decimal(s, COMPLETION_PRICE, BigDecimal.ZERO));
        } catch (IllegalArgumentException e) {
            return Pricing.FREE;
        }
    }

    private static int integer(Map<String, String> s, String key, int fallback) {
        try {
            return s.containsKey(key) ? Integer.parseInt(s.get(key).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static BigDecimal decimal(Map<String, String> s, String key, BigDecimal fallback) {
        try {
            return s.containsKey(key) ? new BigDecimal(s.get(key).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
