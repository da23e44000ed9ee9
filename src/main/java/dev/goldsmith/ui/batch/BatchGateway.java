package dev.goldsmith.ui.batch;

import dev.goldsmith.Services;
import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.ApiKeys;
import dev.goldsmith.ai.Readiness;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchDefaults;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.ApiKeyStore;
import dev.goldsmith.ui.vault.ItemSelection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the batch screens ask of the engine, in plain Java (no JavaFX): the saved defaults, whether the provider
 * is set up, and start / resume with the API key from the environment or the settings store. Every method may
 * block on the database: call it through the {@code TaskExecutor}, never on the FX thread.
 */
public final class BatchGateway {

    /** The saved settings for an operation and whether they are usable. */
    public record Setup(BatchSettings settings, Readiness readiness) {
        public boolean isRules() {
            return ProviderSettings.RULES.equals(settings.provider().provider());
        }
    }

    private final Supplier<BatchService> batches;
    private final BatchDefaults defaults;
    private final ApiKeyStore keys;
    private final Map<String, String> env;

    public BatchGateway(Supplier<BatchService> batches, BatchDefaults defaults, ApiKeyStore keys,
                        Map<String, String> env) {
        this.batches = batches;
        this.defaults = defaults;
        this.keys = keys;
        this.env = Map.copyOf(env);
    }

    /** The window's gateway: the process's engine, settings and key file, and the real environment. */
    public static BatchGateway of(Services services) {
        return new BatchGateway(services::batches, services.batchDefaults(), services.apiKeyStore(), System.getenv());
    }

    public Setup setup(Operation operation) {
        BatchSettings settings = defaults.load(operation);
        return new Setup(settings, Readiness.of(settings.provider(), apiKey().isPresent()));
    }

    /** The launch panel's limits: requests in flight, requests and tokens per minute (0 = none), attempts. */
    public record Limits(int concurrency, int rpm, int tpm, int attempts) {
    }

    /** Starts a batch over the selection with the saved provider and the given limits. */
    public BatchHandle start(ItemSelection selection, Operation operation, Limits limits) {
        if (selection.isEmpty()) {
            throw new IllegalArgumentException("Select at least one item to start a batch.");
        }
        BatchSettings saved = defaults.load(operation);
        BatchOptions options = saved.options().withConcurrency(limits.concurrency()).withRpm(limits.rpm())
                .withTpm(limits.tpm()).withMaxAttempts(limits.attempts());
        return batches.get().start(selection.vaultId(), selection.itemIds(), withKey(saved.withOptions(options)));
    }

    /** Which settings a resume or a retry runs with. */
    public enum Source {
        /** The settings the batch started with (its {@code metadata}). */
        OWN,
        /** The settings saved now (the Settings tab), for the batch's operation. */
        CURRENT
    }

    /** What a resume or retry of {@code batch} would run with: its own settings, or the current ones. */
    public record Rerun(BatchRecord batch, BatchSettings own, BatchSettings current) {
        /** Both send to the same provider, endpoint and model: there is nothing to choose between. */
        public boolean sameProvider() {
            return ProviderText.sameProvider(own.provider(), current.provider());
        }
    }

    /** Reads a batch and both sets of settings it could run again with. */
    public Rerun rerun(String batchId) {
        BatchRecord b = batches.get().find(batchId).orElseThrow(() -> new IllegalArgumentException(
                "No batch with id '" + batchId + "'."));
        return new Rerun(b, BatchSettings.fromMetadata(b.metadata()), defaults.load(b.operation()));
    }

    /** Continues a cancelled, interrupted or failed batch with its own settings and today's key. */
    public BatchHandle resume(String batchId) {
        return resume(batchId, Source.OWN);
    }

    /** Continues a cancelled, interrupted or failed batch with the settings of {@code source} and today's key. */
    public BatchHandle resume(String batchId, Source source) {
        return batches.get().resume(batchId, adjust(source));
    }

    /** Starts a new batch of the failed items of an old one, with the settings of {@code source} and today's key. */
    public BatchHandle retryFailed(String batchId, Source source) {
        return batches.get().retryFailed(batchId, adjust(source));
    }

    private UnaryOperator<BatchSettings> adjust(Source source) {
        return own -> withKey(switch (source) {
            case OWN -> own;
            case CURRENT -> defaults.load(own.options().operation());
        });
    }

    /** The batch as stored. */
    public Optional<BatchRecord> find(String batchId) {
        return batches.get().find(batchId);
    }

    /** Batches whose process died since the last look (a crash, a kill): offered for resume at start-up. */
    public List<BatchRecord> recoverDead() {
        return batches.get().recoverDead();
    }

    private BatchSettings withKey(BatchSettings settings) {
        return apiKey().map(k -> settings.withProvider(settings.provider().withApiKey(k.value()))).orElse(settings);
    }

    private Optional<ApiKey> apiKey() {
        return ApiKeys.resolve(env, keys.read());
    }
}
