package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The pacing parts on their own, on numbers: the even spread, the learner of untold limits, snapshots. */
class PacingTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSmoothRateSpacesDispatchesEvenlyAndSavesNothingUpWhileIdle() {
        SmoothRate rate = new SmoothRate(2);
        assertThat(rate.earliest(0)).isZero();
        rate.spend(0, 1);
        assertThat(rate.earliest(0)).isEqualTo(SECOND / 2);
        rate.spend(SECOND / 2, 1);
        assertThat(rate.earliest(SECOND / 2)).isEqualTo(SECOND);

        rate.spend(10 * SECOND, 1); // after a long pause: no burst of what was not used
        assertThat(rate.earliest(10 * SECOND)).isGreaterThanOrEqualTo(10 * SECOND + SECOND / 2 - 10 * MS);
    }

    @Test
    void aDispatchThatWentALittleLateDoesNotSlowTheRateDown() {
        SmoothRate rate = new SmoothRate(10);
        rate.spend(0, 1);
        long t = 0;
        for (int i = 1; i <= 100; i++) {
            t = rate.earliest(t) + 3 * MS; // every timer fires 3 ms late
            rate.spend(t, 1);
        }
        assertThat(100 / (t / 1e9)).as("dispatches a second").isCloseTo(10, within(0.01));
    }

    @Test
    void aFixedRpmPacesAtItAndSaysSo() {
        Pacer pacer = Pacer.forOptions(EngineFixture.options(4).withRpm(120));
        var item = item(0);
        assertThat(pacer.nextAllowedNanos(0, item)).isZero();
        pacer.onDispatch(0, item);
        assertThat(pacer.nextAllowedNanos(0, item(1))).isEqualTo(SECOND / 2);
        assertThat(pacer.currentRate()).isEqualTo(2.0);
        assertThat(pacer.pacing(0)).isEqualTo(new Pacing(Pacing.Reason.RPM_SETTING, 120, 120));
    }

    @Test
    void beforeThe429TheDefaultWindowGoesAtOnceAndAWiderOneFillsAtOneRequestPer2Ms() {
        AdaptivePacer pacer = new AdaptivePacer();
        for (int i = 0; i < AdaptivePacer.FREE_AT_START; i++) {
            assertThat(pacer.nextAllowedNanos(0)).isZero();
            pacer.onDispatch(0, "i" + i);
        }
        assertThat(pacer.nextAllowedNanos(0)).isEqualTo(2 * MS);
        pacer.onAdmitted("i0");
        assertThat(pacer.nextAllowedNanos(MS)).as("one answered: a free place again").isEqualTo(MS);
        assertThat(pacer.isLearning()).isFalse();
    }

    @Test
    void twoRefusalsBracketTheProvidersRateAndItPacesJustUnderIt() {
        // a provider bucket of 10 requests/s, burst 5, answering at once; the pacer alone decides when to send
        Drive d = new Drive(10, 5);
        d.run(new AdaptivePacer(), 20 * SECOND, 0);

        AdaptivePacer p = d.pacer;
        assertThat(d.refused).as("429s in 20 s").isBetween(2, 6);
        assertThat(p.learnedRate()).as("the highest rate known safe").isBetween(9.6, 10.0);
        assertThat(p.estimatedLimit()).isCloseTo(10, within(0.3));
        assertThat(p.burst()).as("the burst, from the admissions before the first 429").isEqualTo(5);
        assertThat(d.admittedIn(10 * SECOND, 20 * SECOND) / 10.0).as("admitted a second, 10–20 s").isCloseTo(10, within(0.3));
    }

    @Test
    void withAHoldAfterEach429TheLimitIsStillMeasuredWithoutTheHoldOrTheRefilledBurst() {
        // what made the old pacer land 35 % low: counting the second held after a 429 as time the provider refused
        Drive d = new Drive(10, 5);
        d.run(new AdaptivePacer(), 30 * SECOND, SECOND);

        assertThat(d.pacer.learnedRate()).isBetween(9.6, 10.0);
        assertThat(d.refused).isLessThanOrEqualTo(4);
    }

    @Test
    void aLimitFarAboveTheBurstIsFoundQuickly() {
        Drive d = new Drive(100, 5);
        d.run(new AdaptivePacer(), 10 * SECOND, SECOND);

        assertThat(d.pacer.learnedRate()).isBetween(95.0, 100.0);
        assertThat(d.pacer.burst()).isEqualTo(5);
    }

    @Test
    void aTinyLimitIsFoundToo() {
        Drive d = new Drive(0.5, 1);
        d.run(new AdaptivePacer(), 120 * SECOND, SECOND);

        // one token of burst leaves no room to probe: it settles a little lower, still near the limit
        assertThat(d.pacer.learnedRate()).isBetween(0.44, 0.5);
        assertThat(d.admittedIn(60 * SECOND, 120 * SECOND) / 60.0).isBetween(0.44, 0.5);
    }

    @Test
    void a429ForARequestSentBeforeTheLastCutDoesNotCutAgain() {
        AdaptivePacer pacer = new AdaptivePacer();
        for (int i = 0; i < 8; i++) {
            pacer.onDispatch(i * MS, "i" + i);
        }
        pacer.onRefused(9 * MS, "i5");
        double after = pacer.rate();
        pacer.onRefused(10 * MS, "i6"); // was already in flight
        pacer.onRefused(10 * MS, "i7");
        assertThat(pacer.rate()).isEqualTo(after);
        assertThat(pacer.burst()).isEqualTo(5);
    }

    @Test
    void theRateOnlyClimbsWhileItIsWhatHoldsDispatchesBack() {
        AdaptivePacer pacer = new AdaptivePacer(10);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            t += SECOND; // the window, not the pacer, sets the pace: one a second, well under 10/s
            pacer.onDispatch(t, "i" + i);
            pacer.onAdmitted("i" + i);
        }
        assertThat(pacer.rate()).isEqualTo(10.0);
        for (int i = 50; i < 150; i++) {
            t = pacer.nextAllowedNanos(t);
            pacer.onDispatch(t, "i" + i);
            pacer.onAdmitted("i" + i);
        }
        assertThat(pacer.rate()).as("probing slowly upward while it paces").isGreaterThan(10.0).isLessThan(10.2);
    }

    @Test
    void aSlowListenerGetsTheNewestSnapshotAndNeverBlocksThePublisher() {
        List<Runnable> queued = new ArrayList<>();
        Executor manual = queued::add;
        SnapshotPublisher publisher = new SnapshotPublisher(manual);
        List<Integer> seen = new ArrayList<>();
        publisher.subscribe(s -> seen.add(s.processed()));

        for (int i = 1; i <= 10_000; i++) {
            publisher.publish(snapshot(i));
        }
        assertThat(queued).as("one delivery scheduled for the whole burst").hasSize(1);
        queued.remove(0).run();
        assertThat(seen).containsExactly(10_000);
        assertThat(publisher.latest().processed()).isEqualTo(10_000);
    }

    @Test
    void throughputAndEtaAppearOnlyOnceMeaningful() {
        ThroughputMeter meter = new ThroughputMeter(0);
        meter.record(SECOND);
        assertThat(meter.eta(SECOND, 10)).isEmpty();
        for (int i = 2; i <= 6; i++) {
            meter.record(i * SECOND);
        }
        assertThat(meter.perMinute(6 * SECOND)).isEqualTo(60.0);
        assertThat(meter.eta(6 * SECOND, 30)).contains(Duration.ofSeconds(30));
    }

    /**
     * Drives a pacer against a token bucket that answers at once: a request goes whenever the pacer allows it (and
     * no hold is in force); a 429 holds everything for {@code hold} nanoseconds, as the engine does for Retry-After.
     */
    private static final class Drive {
        final BucketProvider.Bucket bucket;
        final List<Long> admitted = new ArrayList<>();
        AdaptivePacer pacer;
        int refused;

        Drive(double perSecond, double burst) {
            bucket = new BucketProvider.Bucket(perSecond, burst);
        }

        void run(AdaptivePacer p, long until, long hold) {
            pacer = p;
            long t = 0;
            long holdUntil = 0;
            int n = 0;
            while (t < until) {
                t = Math.max(holdUntil, Math.max(t, pacer.nextAllowedNanos(t)));
                String id = "i" + n++;
                pacer.onDispatch(t, id);
                bucket.refill(t);
                if (bucket.level >= 1) {
                    bucket.level -= 1;
                    admitted.add(t);
                    pacer.onAdmitted(id);
                } else {
                    refused++;
                    pacer.onRefused(t + MS, id);
                    holdUntil = t + MS + hold;
                }
            }
        }

        int admittedIn(long from, long to) {
            return (int) admitted.stream().filter(a -> a >= from && a < to).count();
        }
    }

    private static dev.goldsmith.vault.VaultItem item(int i) {
        return new dev.goldsmith.vault.VaultItem("i" + i, "v", dev.goldsmith.vault.ItemType.POWER_PHRASE,
                "Helped with project " + i, dev.goldsmith.vault.QualityTier.BRONZE, List.of(), null, null, null);
    }

    private static BatchSnapshot snapshot(int processed) {
        return new BatchSnapshot("b", "v", dev.goldsmith.ai.Operation.ENHANCE, BatchStatus.PROCESSING, 10_000,
                processed, processed, 0, 0, 0, 0, 0, null, 0, null, Duration.ZERO, 0, 0, java.math.BigDecimal.ZERO,
                List.of(), null, Duration.ZERO, null, null);
    }
}
