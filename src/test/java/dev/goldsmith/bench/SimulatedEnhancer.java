package dev.goldsmith.bench;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An in-process provider: each call's future is completed by one shared timer thread after the item's latency
 * (no thread per call); with no latencies every future is completed at once, on the caller's thread.
 */
final class SimulatedEnhancer implements Enhancer {

    private static final Usage USAGE = new Usage(120, 45);
    private static final List<String> KEYWORDS = List.of("Delivery", "Leadership", "Planning");

    private final Latencies latencies;
    private final ScheduledExecutorService timer;

    /** {@code latencies == null}: zero latency. */
    SimulatedEnhancer(Latencies latencies) {
        this.latencies = latencies;
        if (latencies == null) {
            timer = null;
        } else {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "simulated-provider");
                thread.setDaemon(true);
                return thread;
            });
            t.setRemoveOnCancelPolicy(true);
            timer = t;
        }
    }

    @Override
    public String providerName() {
        return "simulated";
    }

    @Override
    public String model() {
        return "log-normal";
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        if (latencies == null) {
            return CompletableFuture.completedFuture(answer(item, 0));
        }
        long delay = latencies.nanos(BenchItems.indexOfId(item.id()));
        CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        var scheduled = timer.schedule(() -> future.complete(answer(item, delay)), delay, TimeUnit.NANOSECONDS);
        future.whenComplete((r, e) -> {
            if (future.isCancelled()) {
                scheduled.cancel(false);
            }
        });
        return future;
    }

    private static EnhanceResult answer(VaultItem item, long nanos) {
        return new EnhanceResult.Success("Led project delivery for " + item.id() + ", cutting cycle time by 20%.",
                QualityTier.SILVER, KEYWORDS, 0.8, "simulated", USAGE, Duration.ofNanos(nanos));
    }

    /** The engine closes its provider when a batch ends; the benchmark shuts the timer down itself. */
    @Override
    public void close() {
    }

    void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
