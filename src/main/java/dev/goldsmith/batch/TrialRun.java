package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.VaultItem;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * "Try on 3": runs the operation on a few sample items of a selection and gives back each before and after, writing
 * nothing at all — no batch, no item, no version, no proposal. One attempt an item (a preview, not a batch: no retries),
 * at most {@code concurrency} calls at once.
 */
public final class TrialRun {

    /** How many items a trial takes unless told otherwise. */
    public static final int SAMPLES = 3;

    /**
     * One item tried.
     *
     * @param after     the item as the answer would leave it, or {@code null} when the call failed
     * @param unchanged the answer is identical to the item (a batch would write nothing)
     * @param error     why the call failed (one sentence, never the key), or {@code null}
     */
    public record Outcome(VaultItem before, ItemState after, boolean unchanged, String error, Usage usage,
                          Duration latency) {
        public boolean succeeded() {
            return after != null;
        }
    }

    private final VaultRepository vaults;
    private final ItemRepository items;
    private final Function<ProviderSettings, Enhancer> enhancers;

    public TrialRun(Database db, Function<ProviderSettings, Enhancer> enhancers) {
        this.vaults = new VaultRepository(db, Clock.systemUTC());
        this.items = new ItemRepository(db, Clock.systemUTC());
        this.enhancers = enhancers;
    }

    /**
     * Tries the operation on the first {@code samples} items of the selection that it would send (all of the vault's
     * items when {@code itemIds} is empty). Cancelling the future aborts the calls.
     *
     * @throws BatchRequestException an unknown vault or item, nothing to send, or a provider that cannot be built
     */
    public CompletableFuture<List<Outcome>> run(String vaultId, List<String> itemIds, BatchSettings settings,
                                                int samples) {
        return run(Selection.of(vaults, items, vaultId, itemIds), settings, samples);
    }

    /** {@link #run(String, List, BatchSettings, int)} on items at hand. */
    public CompletableFuture<List<Outcome>> run(List<VaultItem> selection, BatchSettings settings, int samples) {
        if (samples < 1) {
            throw new BatchRequestException("A trial takes at least one item, not " + samples + ".");
        }
        Operation op = settings.options().operation();
        List<VaultItem> sample = selection.stream().filter(i -> !Selection.skips(op, i)).limit(samples).toList();
        if (sample.isEmpty()) {
            throw new BatchRequestException(selection.isEmpty() ? "No items to try: select some first."
                    : "No items to try: " + op.wireName() + " skips gold items, and every selected item is gold.");
        }
        Enhancer enhancer;
        try {
            enhancer = enhancers.apply(settings.provider().withMaxConnections(settings.options().concurrency()));
        } catch (IllegalArgumentException e) {
            throw new BatchRequestException(e.getMessage());
        }
        Calls calls = new Calls(enhancer, op, sample);
        for (int k = 0; k < Math.min(settings.options().concurrency(), sample.size()); k++) {
            calls.next();
        }
        return calls.done;
    }

    /** The sample's calls, at most {@code concurrency} in flight: each one that ends starts the next. */
    private static final class Calls {
        private final Enhancer enhancer;
        private final Operation op;
        private final List<VaultItem> sample;
        private final Outcome[] outcomes;
        private final List<CompletableFuture<EnhanceResult>> inFlight = new ArrayList<>();
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        final CompletableFuture<List<Outcome>> done = new CompletableFuture<>();

        Calls(Enhancer enhancer, Operation op, List<VaultItem> sample) {
            this.enhancer = enhancer;
            this.op = op;
            this.sample = sample;
            this.outcomes = new Outcome[sample.size()];
            done.whenComplete((r, e) -> {
                if (done.isCancelled()) {
                    synchronized (inFlight) {
                        inFlight.forEach(f -> f.cancel(true));
                    }
                }
                enhancer.close();
            });
        }

        void next() {
            int i = started.getAndIncrement();
            if (i >= sample.size() || done.isDone()) {
                return;
            }
            VaultItem item = sample.get(i);
            CompletableFuture<EnhanceResult> call;
            try {
                call = enhancer.enhance(item, op);
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            synchronized (inFlight) {
                inFlight.add(call);
            }
            call.whenComplete((result, error) -> {
                outcomes[i] = outcome(item, result, error);
                if (finished.incrementAndGet() == sample.size()) {
                    done.complete(List.of(outcomes));
                } else {
                    next();
                }
            });
        }

        private Outcome outcome(VaultItem item, EnhanceResult result, Throwable error) {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                String why = cause instanceof CancellationException ? "The call was cancelled."
                        : "The provider failed unexpectedly: " + cause;
                return new Outcome(item, null, false, why, Usage.NONE, Duration.ZERO);
            }
            if (result instanceof EnhanceResult.Success s) {
                VaultItem after = CheckpointWriter.applied(item, s);
                return new Outcome(item, ItemState.of(after), CheckpointWriter.sameText(item, after), null, s.usage(),
                        s.latency());
            }
            EnhanceResult.Failure f = (EnhanceResult.Failure) result;
            return new Outcome(item, null, false, f.message(), f.usage(), f.latency());
        }
    }
}
