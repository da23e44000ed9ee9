package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.goldsmith.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Limits nobody told (no rpm, no headers), learned from the provider's 429s — through the real engine on virtual
 * time, against a provider with a token bucket it does not announce.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class AdaptiveRateTest {

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    @Test
    void oneEarly429DoesNotCrippleTheRestOfTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(100, QualityTier.BRONZE);
        f.provider.latency(Duration.ofMillis(100))
                .then("i0", Duration.ofMillis(100), item -> ScriptedEnhancerFailures.rateLimited(Duration.ofMillis(500)));

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(4)));

        assertThat(end.succeeded()).isEqualTo(100);
        // unhindered: 100 items / 4 in flight × 100 ms = 2.5 s, plus the 0.5 s the provider asked for
        assertThat(f.loop.elapsed()).isLessThan(Duration.ofMillis(4_500));
    }

    /** The issue's scenario: 600 requests/min, burst 5, Retry-After: 1, 100 ms answers, 300 items, concurrency 16. */
    @Test
    void theIssuesScenarioUsesNearlyAllOfTheLimitWithFew429s() {
        Run run = run(300, 16, Duration.ofSeconds(1));

        assertThat(run.end.succeeded()).isEqualTo(300);
        assertThat(run.shareOfLimit()).as("successes / (limit × wall time + burst), %.1f s", run.seconds())
                .isGreaterThanOrEqualTo(0.93);
        assertThat(run.provider.limited).as("429s of %d calls", run.provider.calls)
                .isLessThanOrEqualTo((int) Math.floor(0.015 * run.provider.calls));
    }

    @Test
    void withoutRetryAfterItLearnsAsWell() {
        Run run = run(300, 16, null);

        assertThat(run.end.succeeded()).isEqualTo(300);
        assertThat(run.shareOfLimit()).as("%.1f s", run.seconds()).isGreaterThanOrEqualTo(0.95);
        assertThat(run.provider.share429()).isLessThanOrEqualTo(0.015);
    }

    @Test
    void aLongerBatchRunsAtTheLimitAndStopsMeeting429s() {
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(20, 20).latency(Duration.ofMillis(20));
        List<String> ids = f.addItems(1200, QualityTier.BRONZE);

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(8)));

        assertThat(end.succeeded()).isEqualTo(1200);
        double seconds = f.loop.elapsed().toNanos() / 1e9;
        assertThat(1200 / (20 * seconds + 20)).as("share of the limit, %.1f s", seconds).isGreaterThanOrEqualTo(0.96);
        assertThat(provider[0].share429()).as("%d 429s", provider[0].limited).isLessThanOrEqualTo(0.01);
    }

    @Test
    void theLearnedLimitIsShownAndKeptInTheBatchsMetadata() {
        Run run = run(300, 16, Duration.ofSeconds(1));

        Pacing pacing = run.lastLive.pacing();
        assertThat(pacing.reason()).isEqualTo(Pacing.Reason.LEARNED);
        assertThat(pacing.limitPerMinute()).isCloseTo(600, within(18.0));
        assertThat(pacing.requestsPerMinute()).isBetween(560.0, 620.0);
        LearnedLimits kept = BatchSettings.learnedLimits(run.fixture.record(run.end.batchId()).metadata());
        assertThat(kept.source()).isEqualTo(LearnedLimits.Source.RATE_LIMITS);
        assertThat(kept.requestsPerMinute()).isCloseTo(600, within(18.0));
    }

    @Test
    void aResumedBatchStartsAtTheLimitItLearnedInsteadOfLearningAgain() {
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(10, 5).retryAfter(Duration.ofSeconds(1));
        List<String> ids = f.addItems(400, QualityTier.BRONZE);
        BatchHandle first = f.start(ids, EngineFixture.options(16));
        f.loop.advance(Duration.ofSeconds(20));
        first.cancel();
        f.finish(first);
        double learned = BatchSettings.learnedLimits(f.record(first.batchId()).metadata()).requestsPerMinute();
        assertThat(learned).isCloseTo(600, within(18.0));

        f.loop.advance(Duration.ofSeconds(30)); // the provider's bucket is full again
        provider[0] = new BucketProvider(f.loop).requests(10, 5).retryAfter(Duration.ofSeconds(1));
        Duration resumedAt = f.loop.elapsed();
        BatchSnapshot end = f.finish(f.service.resume(first.batchId(), s -> s));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(provider[0].limited).as("429s after the resume").isLessThanOrEqualTo(1);
        List<BucketProvider.Admitted> sent = provider[0].admitted;
        Duration firstTen = sent.get(9).at().minus(sent.get(0).at());
        assertThat(firstTen.toMillis()).as("paced from the first request, not a burst into the bucket")
                .isBetween(880L, 960L);
        double seconds = (f.loop.elapsed().minus(resumedAt)).toNanos() / 1e9;
        assertThat(sent.size() / (10 * seconds + 5)).as("share of the limit after the resume").isGreaterThan(0.96);
    }

    private record Run(EngineFixture fixture, BucketProvider provider, BatchSnapshot end, BatchSnapshot lastLive) {
        double seconds() {
            return fixture.loop.elapsed().toNanos() / 1e9;
        }

        /** Successes over what the bucket allowed in the wall time: its rate, plus the burst it starts with. */
        double shareOfLimit() {
            return end.succeeded() / (10 * seconds() + 5);
        }
    }

    private Run run(int items, int concurrency, Duration retryAfter) {
        BucketProvider[] provider = new BucketProvider[1];
        EngineFixture f = new EngineFixture(dir, store, p -> provider[0]);
        provider[0] = new BucketProvider(f.loop).requests(10, 5).retryAfter(retryAfter);
        List<String> ids = f.addItems(items, QualityTier.BRONZE);
        BatchHandle handle = f.start(ids, EngineFixture.options(concurrency));
        BatchSnapshot[] lastLive = new BatchSnapshot[1];
        handle.subscribe(s -> {
            if (!s.isFinished()) {
                lastLive[0] = s;
            }
        });
        BatchSnapshot end = f.finish(handle);
        return new Run(f, provider[0], end, lastLive[0]);
    }
}
