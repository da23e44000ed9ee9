package dev.goldsmith.bench;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The replaced job's algorithm, as the baseline: items in groups of {@code concurrency}; each group waits for
 * its slowest call ({@code Promise.allSettled}), then pauses 500 ms before the next group. Results are not
 * written anywhere, which only flatters the baseline.
 */
final class LockStep {

    static final long PAUSE_MS = 500;

    private LockStep() {
    }

    /** The replaced job's blind retries: after 1 s, 2 s and 4 s, whatever the failure. */
    static final long[] RETRY_MS = {1000, 2000, 4000};

    /**
     * Like {@link #run}, with the replaced job's blind retries of a failed item inside its group (the group waits
     * for them). Returns the wall time in nanoseconds; {@code successes[0]} gets the successes.
     */
    static long runWithRetries(Enhancer enhancer, List<VaultItem> items, int concurrency, int[] successes) {
        long start = System.nanoTime();
        int ok = 0;
        for (int from = 0; from < items.size(); from += concurrency) {
            if (from > 0) {
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(PAUSE_MS, TimeUnit.MILLISECONDS))
                        .join();
            }
            List<CompletableFuture<EnhanceResult>> group = new ArrayList<>();
            for (VaultItem item : items.subList(from, Math.min(items.size(), from + concurrency))) {
                group.add(attempt(enhancer, item, 0));
            }
            CompletableFuture.allOf(group.toArray(CompletableFuture[]::new)).join();
            for (var f : group) {
                if (f.join() instanceof EnhanceResult.Success) {
                    ok++;
                }
            }
        }
        successes[0] = ok;
        return System.nanoTime() - start;
    }

    private static CompletableFuture<EnhanceResult> attempt(Enhancer enhancer, VaultItem item, int retry) {
        return enhancer.enhance(item, Operation.ENHANCE).thenCompose(r -> {
            if (r instanceof EnhanceResult.Success || retry >= RETRY_MS.length) {
                return CompletableFuture.completedFuture(r);
            }
            return CompletableFuture.supplyAsync(() -> null,
                    CompletableFuture.delayedExecutor(RETRY_MS[retry], TimeUnit.MILLISECONDS))
                    .thenCompose(x -> attempt(enhancer, item, retry + 1));
        });
    }

    /** Runs every item and returns the wall time in nanoseconds; {@code successes[0]} gets the successes. */
    static long run(Enhancer enhancer, List<VaultItem> items, int concurrency, int[] successes) throws InterruptedException {
        long start = System.nanoTime();
        int ok = 0;
        for (int from = 0; from < items.size(); from += concurrency) {
            if (from > 0) {
                // the original's `await new Promise(r => setTimeout(r, BATCH_DELAY_MS))`: a timer, then the next group
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(PAUSE_MS, TimeUnit.MILLISECONDS))
                        .join();
            }
            List<CompletableFuture<EnhanceResult>> group = new ArrayList<>();
            for (VaultItem item : items.subList(from, Math.min(items.size(), from + concurrency))) {
                group.add(enhancer.enhance(item, Operation.ENHANCE));
            }
            CompletableFuture.allOf(group.toArray(CompletableFuture[]::new)).join(); // allSettled: results never throw
            for (var f : group) {
                if (f.join() instanceof EnhanceResult.Success) {
                    ok++;
                }
            }
        }
        successes[0] = ok;
        return System.nanoTime() - start;
    }
}
