package dev.goldsmith.ui.batch;

import dev.goldsmith.Services;
import dev.goldsmith.ai.ApiKeys;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Readiness;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchLauncher;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.ConfirmThreshold;
import dev.goldsmith.batch.Estimate;
import dev.goldsmith.batch.TrialRun;
import dev.goldsmith.ui.vault.ItemSelection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the batch screens ask of the engine, in plain Java (no JavaFX): the saved defaults, whether the provider
 * is set up, and start / resume / retry through {@link BatchLauncher} — the command line's road too — with the API
 * key from the environment or the settings store. Every method may block on the database: call it through the
 * {@code TaskExecutor}, never on the FX thread.
 */
public final class BatchGateway {

    /** The saved settings for an operation and whether they are usable. */
    public record Setup(BatchSettings settings, Readiness readiness) {
        public boolean isRules() {
            return ProviderText.isRules(settings.provider());
        }

        /** The environment variables the key is read from: what the "no key" hint names. */
        public List<String> keyVariables() {
            return ApiKeys.variables(settings.provider());
        }
    }

    private final Supplier<BatchService> batches;
    private final BatchLauncher launcher;

    public BatchGateway(Supplier<BatchService> batches, BatchLauncher launcher) {
        this.batches = batches;
        this.launcher = launcher;
    }

    /** The window's gateway: the process's engine, settings and key file, and the real environment. */
    public static BatchGateway of(Services services) {
        return new BatchGateway(services::batches, services.batchLauncher(System.getenv()));
    }

    public Setup setup(Operation operation) {
        BatchSettings settings = launcher.saved(operation);
        return new Setup(settings, launcher.readiness(settings));
    }

    /**
     * The launch panel's limits: requests in flight, requests and tokens per minute (0 = none), attempts, and whether
     * the answers wait for review (proposals) instead of being written at once.
     */
    public record Limits(int concurrency, int rpm, int tpm, int attempts, boolean review) {
        /** The saved settings with these limits (they go into the batch's settings, its metadata). */
        BatchSettings applyTo(BatchSettings saved) {
            return saved.withOptions(saved.options().withConcurrency(concurrency).withRpm(rpm).withTpm(tpm)
                    .withMaxAttempts(attempts).withReview(review));
        }
    }

    /** Starts a batch over the selection with the saved provider and the given limits. */
    public BatchHandle start(ItemSelection selection, Operation operation, Limits limits) {
        if (selection.isEmpty()) {
            throw new IllegalArgumentException("Select at least one item to start a batch.");
        }
        return launcher.start(selection.vaultId(), selection.itemIds(), operation, limits::applyTo);
    }

    /** Tokens, cost and time the batch would take, worked out from the store and the prices; nothing is sent. */
    public Estimate estimate(ItemSelection selection, Operation operation, Limits limits) {
        return batches.get().estimator().estimate(selection.vaultId(), selection.itemIds(),
                limits.applyTo(launcher.saved(operation)));
    }

    /** Above what a new batch asks for confirmation first. */
    public ConfirmThreshold confirmThreshold() {
        return launcher.confirmThreshold();
    }

    /**
     * "Try on 3": the operation on the first {@link TrialRun#SAMPLES} items of the selection it would send, with the
     * key; nothing is written. Blocks until the calls have answered (or failed).
     */
    public List<TrialRun.Outcome> tryOn(ItemSelection selection, Operation operation, Limits limits) throws Exception {
        BatchSettings settings = launcher.prepare(operation, limits::applyTo);
        CompletableFuture<List<TrialRun.Outcome>> trial = batches.get().trials().run(selection.vaultId(),
                selection.itemIds(), settings, TrialRun.SAMPLES);
        try {
            return trial.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            trial.cancel(true);
            throw e;
        }
    }

    /** Which settings a resume or a retry runs with. */
    public enum Source {
        /** The settings the batch started with (its {@code metadata}). */
        OWN,
        /** The settings saved now (the Settings tab), for the batch's operation. */
        CURRENT;

        BatchLauncher.Base base() {
            return switch (this) {
                case OWN -> BatchLauncher.Base.OWN;
                case CURRENT -> BatchLauncher.Base.SAVED;
            };
        }
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
        return new Rerun(b, BatchSettings.fromMetadata(b.metadata()), launcher.saved(b.operation()));
    }

    /** Continues a cancelled, interrupted or failed batch with its own settings and today's key. */
    public BatchHandle resume(String batchId) {
        return resume(batchId, Source.OWN);
    }

    /** Continues a cancelled, interrupted or failed batch with the settings of {@code source} and today's key. */
    public BatchHandle resume(String batchId, Source source) {
        return launcher.resume(batchId, source.base(), UnaryOperator.identity());
    }

    /** Starts a new batch of the failed items of an old one, with the settings of {@code source} and today's key. */
    public BatchHandle retryFailed(String batchId, Source source) {
        return launcher.retryFailed(batchId, source.base(), UnaryOperator.identity());
    }

    /** The batch as stored. */
    public Optional<BatchRecord> find(String batchId) {
        return batches.get().find(batchId);
    }

    /** Batches whose process died since the last look (a crash, a kill): offered for resume at start-up. */
    public List<BatchRecord> recoverDead() {
        return batches.get().recoverDead();
    }
}
