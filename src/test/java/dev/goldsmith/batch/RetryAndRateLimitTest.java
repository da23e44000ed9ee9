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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class RetryAndRateLimitTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void retryableFailuresBackOffExponentiallyAndThenSucceed() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.fail("i0", FailureKind.RETRYABLE, 503, null).fail("i0", FailureKind.RETRYABLE, 500, null);

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        // random = 1.0: full delays of 1 s, then 2 s
        assertThat(f.provider.callsOf("i0")).extracting(ScriptedEnhancer.Call::at)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(end.succeeded()).isEqualTo(1);
        assertThat(f.item(batch.batchId(), "i0").attempts()).isEqualTo(3);
    }

    @Test
    void jitterKeepsDelaysBetweenHalfAndAllOfTheCeiling() {
        EngineFixture f = new EngineFixture(dir, store);
        f.random = 0.0;
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.fail("i0", FailureKind.RETRYABLE, 503, null).fail("i0", FailureKind.RETRYABLE, 503, null);

        f.finish(f.start(ids, EngineFixture.options(1)));

        assertThat(f.provider.callsOf("i0")).extracting(ScriptedEnhancer.Call::at)
                .containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(1500));
    }

    @Test
    void anItemFailsWithItsLastErrorOnceAttemptsAreUsedUp() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(2, QualityTier.BRONZE);
        for (int i = 0; i < 3; i++) {
            f.provider.fail("i0", FailureKind.RETRYABLE, 502, null);
        }

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.callsOf("i0")).hasSize(3);
        assertThat(end.status()).as("failed items do not fail the batch").isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.failed()).isEqualTo(1);
        assertThat(end.succeeded()).isEqualTo(1);
        BatchItemRecord i0 = f.item(batch.batchId(), "i0");
        assertThat(i0.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(i0.attempts()).isEqualTo(3);
        assertThat(i0.lastError()).isEqualTo("scripted RETRYABLE 502");
        assertThat(i0.httpStatus()).isEqualTo(502);
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.fail("i0", FailureKind.PERMANENT, 400, null);

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.finish(batch);

        assertThat(f.provider.callsOf("i0")).hasSize(1);
        assertThat(f.item(batch.batchId(), "i0").status()).isEqualTo(ItemStatus.FAILED);
    }

    @Test
    void aRetryNeverComesSoonerThanTheProvidersWait() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.fail("i0", FailureKind.RETRYABLE, 503, Duration.ofSeconds(7));

        f.finish(f.start(ids, EngineFixture.options(1)));

        assertThat(f.provider.callsOf("i0")).extracting(ScriptedEnhancer.Call::at)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(7));
    }

    @Test
    void a429HoldsEveryNewDispatchButLetsCallsInFlightFinishAndCostsNoAttempt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1))
                .then("i0", Duration.ofMillis(100), item -> ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(5)));

        BatchHandle batch = f.start(ids, EngineFixture.options(2).withMaxAttempts(1));
        f.loop.advance(Duration.ofMillis(1500));
        assertThat(batch.latest().processed()).as("i1 was in flight and finished").isEqualTo(1);
        assertThat(batch.latest().holdRemaining()).isPositive();
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.calls()).extracting(ScriptedEnhancer.Call::at)
                .filteredOn(at -> at.compareTo(Duration.ZERO) > 0 && at.compareTo(Duration.ofMillis(5100)) < 0)
                .as("nothing dispatched during the hold").isEmpty();
        assertThat(end.succeeded()).as("max attempts 1, yet i0 succeeded after its 429").isEqualTo(6);
        assertThat(f.item(batch.batchId(), "i0").attempts()).isEqualTo(1);
    }

    @Test
    void aWaitOfCenturiesNeitherOverflowsNorLosesTheItem() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(2, QualityTier.BRONZE);
        f.provider.then("i0", Duration.ZERO, item -> ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(99_999_999_999L)));

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        f.loop.advance(Duration.ofSeconds(1));

        assertThat(batch.latest().holdRemaining()).as("held, not wrapped around to no hold").isGreaterThan(Duration.ofDays(300));
        assertThat(batch.latest().processed()).isEqualTo(1);
        batch.cancel();
        BatchSnapshot end = f.finish(batch);
        assertThat(end.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0");
    }

    @Test
    void anItemThatIsRateLimitedTooOftenFails() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        BatchOptions options = new BatchOptions(dev.goldsmith.ai.Operation.ENHANCE, 1, 0, 0, 3, Duration.ofMillis(10),
                Duration.ofMillis(100), 2, null);
        for (int i = 0; i < 3; i++) {
            f.provider.then("i0", Duration.ZERO, item -> ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(1)));
        }

        BatchHandle batch = f.start(ids, options);
        BatchSnapshot end = f.finish(batch);

        assertThat(end.failed()).isEqualTo(1);
        assertThat(f.item(batch.batchId(), "i0").lastError()).startsWith("Rate limited 3 times");
    }

    @Test
    void aFatalAnswerStopsTheBatchAndLeavesUnsentItemsPending() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.then("i2", Duration.ZERO, item -> ScriptedEnhancer.failure(FailureKind.FATAL,
                "The API key was refused (401).", 401));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo("The API key was refused (401).");
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(record.errorMessage()).isEqualTo("The API key was refused (401).");
        assertThat(record.successfulItems()).isEqualTo(2);
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i2", "i3", "i4", "i5");
        assertThat(f.provider.calls()).hasSize(3);
    }

    @Test
    void aFatalAnswerAbortsTheOtherCallsInFlight() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.hang("i0").hang("i1")
                .then("i2", Duration.ofMillis(10), item -> ScriptedEnhancer.failure(FailureKind.FATAL, "Model 'x' does not exist.", 404));

        BatchHandle batch = f.start(ids, EngineFixture.options(3));
        f.finish(batch);

        assertThat(f.provider.callsOf("i0").get(0).future()).isCancelled();
        assertThat(f.provider.callsOf("i1").get(0).future()).isCancelled();
        assertThat(f.loop.elapsed()).as("stopped at the fatal answer, not when the hung calls would end")
                .isEqualTo(Duration.ofMillis(10));
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0", "i1", "i2");
    }

    @Test
    void aBudgetStopsDispatchingOnceReached() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(10, QualityTier.BRONZE);
        f.provider.usage(new dev.goldsmith.ai.Usage(100_000, 0)); // $0.10 a call at $1 per million
        BatchSettings settings = EngineFixture.settings(EngineFixture.options(1).withMaxCost(new java.math.BigDecimal("0.25")))
                .withProvider(dev.goldsmith.ai.ProviderSettings.rules());
        settings = settings.withProvider(new dev.goldsmith.ai.ProviderSettings(dev.goldsmith.ai.ProviderKind.RULES, null, "rules", null, 0.7, 500,
                Duration.ofSeconds(5), 1, dev.goldsmith.ai.Pricing.perMillion(1.0, 0)));

        BatchHandle batch = f.service.start(EngineFixture.VAULT, ids, settings);
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.calls()).hasSize(3);
        assertThat(end.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(end.errorMessage()).contains("budget of $0.25");
        assertThat(end.costUsd()).isEqualByComparingTo("0.3");
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).hasSize(7);
    }
}
