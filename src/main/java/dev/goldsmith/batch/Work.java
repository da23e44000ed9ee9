package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One item's progress through a run. Confined to the engine loop. */
final class Work {
    final VaultItem item;
    int attempts;
    int rateLimitWaits;
    long readyAt;
    long dispatchedAt;
    Instant startedAt;
    CompletableFuture<EnhanceResult> call;
    Usage usage = Usage.NONE;
    BigDecimal cost = BigDecimal.ZERO;
    /** Gives up on the call in flight if its provider never says anything. */
    EngineLoop.Cancellable watchdog;

    Work(VaultItem item) {
        this.item = item;
    }

    void stopWatchdog() {
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
    }

    String id() {
        return item.id();
    }
}
