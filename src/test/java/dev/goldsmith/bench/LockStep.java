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
