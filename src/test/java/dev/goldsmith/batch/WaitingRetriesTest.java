package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While retries wait, snapshots say how many wait, when the next goes, and what the latest failure was. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class WaitingRetriesTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void snapshotsShowWaitingRetriesTheirCountdownAndTheLatestErrorAtOnce() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofMinutes(1))
                .then("i0", Duration.ofMillis(100), item -> ScriptedEnhancer.failure(FailureKind.RETRYABLE,
                        "The server answered 503.", 503));
        List<BatchSnapshot> seen = new ArrayList<>();

        BatchHandle batch = f.start(ids, EngineFixture.options(3).withBaseDelay(Duration.ofSeconds(10)));
        batch.subscribe(seen::add);
        f.loop.advance(Duration.ofMillis(100));

        BatchSnapshot now = batch.latest();
        assertThat(now.waitingRetries()).isEqualTo(1);
        assertThat(now.nextRetryIn()).contains(Duration.ofSeconds(10));
        assertThat(now.lastError()).as("at once, though it will be retried").isEqualTo("The server answered 503.");
        assertThat(now.inFlight()).isEqualTo(2);
        assertThat(now.processed()).isZero();

        f.loop.advance(Duration.ofSeconds(3));
        assertThat(batch.latest().nextRetryIn()).as("the countdown moves with nothing else happening")
                .contains(Duration.ofSeconds(7));
        assertThat(seen).extracting(BatchSnapshot::nextRetryIn).contains(
                java.util.Optional.of(Duration.ofSeconds(9)), java.util.Optional.of(Duration.ofSeconds(8)));

        f.loop.advance(Duration.ofSeconds(7));
        assertThat(batch.latest().waitingRetries()).as("sent again").isZero();
        assertThat(batch.latest().nextRetryIn()).isEmpty();
        BatchSnapshot end = f.finish(batch);
        assertThat(end.succeeded()).isEqualTo(3);
        assertThat(end.lastError()).as("the latest failed attempt, still").isEqualTo("The server answered 503.");
    }

    @Test
    void a429IsTheLatestErrorToo() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.then("i0", Duration.ZERO, item -> ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(5)));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(batch.latest().lastError()).isEqualTo("Rate limited by the provider (429).");
        assertThat(batch.latest().holdRemaining()).isEqualTo(Duration.ofSeconds(4));
        f.finish(batch);
    }
}
