package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.util.concurrent.CompletableFuture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adaptive rate (no rpm set) on virtual time: it must neither ignore 429s nor overreact to one. */
class AdaptiveRateTest {

    @TempDir
    Path dir;

    @Test
    void oneEarly429DoesNotCrippleTheRestOfTheBatch() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(100, QualityTier.BRONZE);
        f.provider.latency(Duration.ofMillis(100))
                .then("i0", Duration.ofMillis(100), item -> ScriptedEnhancerFailures.rateLimited(Duration.ofMillis(500)));

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(4)));

        assertThat(end.succeeded()).isEqualTo(100);
        // unhindered: 100 items / 4 in flight × 100 ms = 2.5 s, plus the 0.5 s the provider asked for
        assertThat(f.loop.elapsed()).isLessThan(Duration.ofMillis(4_500));
    }

    @Test
    void againstALimitNobodyToldItRunsNearTheLimitWithFew429s() {
        UntoldLimit provider = new UntoldLimit(20.0, 20, Duration.ofMillis(20));
        EngineFixture f = new EngineFixture(dir, settings -> provider);
        provider.loop = f.loop;
        List<String> ids = f.addItems(1200, QualityTier.BRONZE);

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(8)));

        assertThat(end.succeeded()).isEqualTo(1200);
        double seconds = f.loop.elapsed().toMillis() / 1000.0;
        double shareOfLimit = 1200 / seconds / 20.0;
        double share429 = provider.limited / (double) provider.calls;
        assertThat(shareOfLimit).as("achieved rate / limit (%.1f s)", seconds).isGreaterThanOrEqualTo(0.85);
        assertThat(share429).as("429s among all answers").isLessThanOrEqualTo(0.10);
    }

    /** A provider with a token bucket it does not announce: over the limit it answers 429 with no wait. */
    private static final class UntoldLimit implements Enhancer {
        private final double perSecond;
        private final int burst;
        private final Duration latency;
        VirtualLoop loop;
        private double tokens;
        private long last;
        int calls;
        int limited;

        UntoldLimit(double perSecond, int burst, Duration latency) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.latency = latency;
            this.tokens = burst;
        }

        @Override
        public String providerName() {
            return "untold";
        }

        @Override
        public String model() {
            return "bucket";
        }

        @Override
        public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
            long now = loop.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            calls++;
            EnhanceResult result;
            if (tokens >= 1) {
                tokens -= 1;
                result = new EnhanceResult.Success("Improved " + item.id(), item.tier().next(), List.of(), null,
                        "untold", dev.goldsmith.ai.Usage.NONE, latency);
            } else {
                limited++;
                result = ScriptedEnhancerFailures.rateLimited(null);
            }
            CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
            loop.schedule(latency, () -> future.complete(result));
            return future;
        }
    }
}
