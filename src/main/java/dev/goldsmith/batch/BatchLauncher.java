package dev.goldsmith.batch;

import dev.goldsmith.ai.ApiKey;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Readiness;
import dev.goldsmith.store.KeyLookup;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Launching a batch, the one road both faces take (the command line's {@code enhance}, {@code resume},
 * {@code retry-failed}; the window's Start, Resume and Retry failed): settings — the saved ones for a new batch, the
 * batch's own or the saved ones for a resume or a retry — then the overrides given (options on the command line, the
 * launch panel's limits), then the API key ({@link KeyLookup}). Settings that cannot run — no key for a server that is
 * not on this computer, a missing Azure deployment — are refused before anything is recorded, naming what to set.
 */
public final class BatchLauncher {

    /** Which settings a resume or a retry starts from, before the overrides. */
    public enum Base {
        /** The settings the batch started with (its {@code metadata}). */
        OWN,
        /** The settings saved now, for the batch's operation. */
        SAVED
    }

    private final Supplier<BatchService> batches;
    private final BatchDefaults defaults;
    private final KeyLookup keys;

    public BatchLauncher(Supplier<BatchService> batches, BatchDefaults defaults, KeyLookup keys) {
        this.batches = batches;
        this.defaults = defaults;
        this.keys = keys;
    }

    /** The saved settings for a new batch of {@code operation} (no key). */
    public BatchSettings saved(Operation operation) {
        return defaults.load(operation);
    }

    /** Whether {@code settings} can run with the key that would be used now. Reads the key file. */
    public Readiness readiness(BatchSettings settings) {
        return Readiness.of(settings.provider(), keys.find(settings.provider()).isPresent());
    }

    /**
     * Records and starts a batch over items of a vault (all of them when {@code itemIds} is empty) with the saved
     * settings for {@code operation}, adjusted by {@code overrides} (which may change the operation too).
     *
     * @throws BatchRequestException settings that cannot run, an unknown vault or items; nothing is recorded then
     */
    public BatchHandle start(String vaultId, List<String> itemIds, Operation operation,
                             UnaryOperator<BatchSettings> overrides) {
        BatchSettings settings = ready(overrides.apply(defaults.load(operation)));
        return batches.get().start(vaultId, itemIds, settings);
    }

    /**
     * Continues a cancelled, interrupted or failed batch in place, with the settings of {@code base} adjusted by
     * {@code overrides}; what it then runs with is recorded with the batch.
     */
    public BatchHandle resume(String batchId, Base base, UnaryOperator<BatchSettings> overrides) {
        return batches.get().resume(batchId, own -> ready(overrides.apply(choose(base, own))));
    }

    /** Starts a new batch of the failed items of an old one, with the settings of {@code base} and {@code overrides}. */
    public BatchHandle retryFailed(String batchId, Base base, UnaryOperator<BatchSettings> overrides) {
        return batches.get().retryFailed(batchId, own -> ready(overrides.apply(choose(base, own))));
    }

    private BatchSettings choose(Base base, BatchSettings own) {
        return switch (base) {
            case OWN -> own;
            case SAVED -> defaults.load(own.options().operation());
        };
    }

    /**
     * The settings a {@link #start} would run with — saved, adjusted, with the key — or refused as it would be; nothing
     * is recorded or sent (a "Try on 3" runs with them).
     */
    public BatchSettings prepare(Operation operation, UnaryOperator<BatchSettings> overrides) {
        return ready(overrides.apply(defaults.load(operation)));
    }

    /** Above what a new batch asks for confirmation before it starts (the saved threshold, or the default). */
    public ConfirmThreshold confirmThreshold() {
        return defaults.confirmThreshold();
    }

    /** The settings with their key, or refused in one sentence naming what to set. */
    private BatchSettings ready(BatchSettings settings) {
        Optional<ApiKey> key = keys.find(settings.provider());
        Optional<String> problem = Readiness.problem(settings.provider(), key.isPresent());
        if (problem.isPresent()) {
            throw new BatchRequestException(problem.get());
        }
        return settings.withProvider(settings.provider().withApiKey(key.map(ApiKey::value).orElse(null)));
    }
}
