package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.goldsmith.ai.RateLimits.Budget;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import dev.goldsmith.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Pacing from the limits a provider announces in its headers, through the real engine on virtual time. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class HeaderPacingTest {

    @Parameter
    StoreKind store;

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    /** The scenario, the server announcing its limit on every answer. */
    @Test
    void announcedRequestLimitsArePacedJustUnderWithNo429() {
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(10, 5).retryAfter(Duration.ofSeconds(1))
                .headers(BucketProvider.Headers.OPENAI);
        List<String> ids = f.addItems(300, QualityTier.BRONZE);
        BatchHandle batch = f.start(ids, EngineFixture.options(16));
        f.loop.advance(Duration.ofSeconds(10));
        Pacing pacing = batch.latest().pacing();
        BatchSnapshot end = f.finish(batch);

        assertThat(end.succeeded()).isEqualTo(300);
        double seconds = f.loop.elapsed().toNanos() / 1e9;
        assertThat(300 / (10 * seconds)).as("share of the limit, %.1f s", seconds).isGreaterThanOrEqualTo(0.95);
        assertThat(provider[0].share429()).as("%d 429s", provider[0].limited).isLessThanOrEqualTo(0.01);
        assertThat(pacing).isEqualTo(new Pacing(Pacing.Reason.PROVIDER_REQUESTS, 588, 600));
        LearnedLimits kept = BatchSettings.learnedLimits(f.record(batch.batchId()).metadata());
        assertThat(kept).isEqualTo(new LearnedLimits(600, 0, LearnedLimits.Source.PROVIDER));
    }

    @Test
    void aBudgetSharedWithAnotherClientIsNotSpentToTheLast() {
        // 600/min announced, but another client spends 4 a second of it: only ~6 a second are left for us
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(10, 5).sharedWith(4).retryAfter(Duration.ofSeconds(1))
                .headers(BucketProvider.Headers.OPENAI);
        List<String> ids = f.addItems(300, QualityTier.BRONZE);

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(16)));

        assertThat(end.succeeded()).isEqualTo(300);
        double seconds = f.loop.elapsed().toNanos() / 1e9;
        assertThat(300 / (6 * seconds)).as("share of what was left, %.1f s", seconds).isGreaterThanOrEqualTo(0.95);
        assertThat(provider[0].share429()).as("%d 429s", provider[0].limited).isLessThanOrEqualTo(0.01);
    }

    @Test
    void aQuotaIsNotSpreadButItsLastRequestIsKeptUntilItsReset() {
        AnnouncedBudget quota = new AnnouncedBudget(1);
        // 14,400 a day with 3 left, whole again in an hour: a quota, not a per-minute rate
        quota.update(0, 0, 0, new Budget(OptionalLong.of(14_400), OptionalLong.of(3),
                Optional.of(Duration.ofHours(1))));
        assertThat(quota.limitPerMinute()).as("not shown as a per-minute limit").isZero();
        assertThat(quota.earliest(0, 1)).as("not spread: goes at once").isZero();
        quota.spend(0, 1, 1);
        assertThat(quota.earliest(0, 1)).isZero();
        quota.spend(0, 2, 1);
        long next = quota.earliest(0, 1);
        assertThat(next).as("the last one waits for the refill (4 a second)").isCloseTo(SECOND / 4, within(SECOND / 100));
    }

    @Test
    void onlyRemainingAnnouncedIsGuardedWithoutBeingSpread() {
        AnnouncedBudget azure = new AnnouncedBudget(1); // Azure sends remaining, no limit and no reset
        azure.update(0, 0, 0, new Budget(OptionalLong.empty(), OptionalLong.of(2), Optional.empty()));
        assertThat(azure.earliest(0, 1)).isZero();
        azure.spend(0, 1, 1);
        assertThat(azure.earliest(0, 1)).as("the last one: look again after a second").isEqualTo(SECOND);
        azure.update(5, 1, 0, new Budget(OptionalLong.empty(), OptionalLong.of(40), Optional.empty()));
        assertThat(azure.earliest(5, 1)).as("a newer answer says there is room").isEqualTo(5);
    }

    @Test
    void anOlderAnswerDoesNotOverrideANewerOne() {
        AnnouncedBudget b = new AnnouncedBudget(1);
        b.update(10, 5, 10, new Budget(OptionalLong.of(600), OptionalLong.of(1), Optional.of(Duration.ofMillis(400))));
        b.update(20, 3, 2, new Budget(OptionalLong.of(600), OptionalLong.of(500), Optional.of(Duration.ZERO)));
        assertThat(b.estimateLeft(20)).as("the answer to request 5 is the newer news").isLessThan(2);
    }

    @Test
    void partialAndMissingBudgetsAreIgnoredNotAnError() {
        AnnouncedBudget b = new AnnouncedBudget(1);
        b.update(0, 0, 0, new Budget(OptionalLong.empty(), OptionalLong.empty(), Optional.empty()));
        assertThat(b.isKnown()).isFalse();
        assertThat(b.earliest(7, 1)).isEqualTo(7);
        b.update(0, 1, 0, new Budget(OptionalLong.of(0), OptionalLong.empty(), Optional.of(Duration.ofSeconds(3))));
        assertThat(b.limitPerMinute()).as("a zero limit is no limit").isZero();
        assertThat(b.earliest(7, 1)).isEqualTo(7);
    }
}
