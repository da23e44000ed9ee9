package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class PacingTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theAdaptivePacerCutsToWhatTheProviderAcceptedOnTheFirst429() {
        AdaptivePacer pacer = new AdaptivePacer();
        assertThat(pacer.currentRate()).isInfinite();
        // 20 accepted in the first second, then a 429
        for (int i = 0; i < 20; i++) {
            pacer.onDispatch(i * SECOND / 40);
            pacer.onAccepted(i * SECOND / 40);
        }
        pacer.onRateLimited(SECOND, SECOND - 1, false);
        assertThat(pacer.currentRate()).isCloseTo(18.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(pacer.nextAllowedNanos(SECOND)).isGreaterThan(SECOND / 2);
    }

    @Test
    void a429ForARequestSentBeforeTheLastCutDoesNotCutAgain() {
        AdaptivePacer pacer = new AdaptivePacer();
        for (int i = 0; i < 10; i++) {
            pacer.onAccepted(i * SECOND / 10);
        }
        pacer.onRateLimited(SECOND, SECOND - 5, false);
        double afterFirst = pacer.currentRate();
        pacer.onRateLimited(SECOND + 10, SECOND - 3, false); // was already in flight
        assertThat(pacer.currentRate()).isEqualTo(afterFirst);
    }

    @Test
    void theAdaptiveRateClimbsBackWhilePacedWithout429s() {
        AdaptivePacer pacer = new AdaptivePacer();
        for (int i = 0; i < 10; i++) {
            pacer.onAccepted(i * SECOND / 10);
        }
        pacer.onRateLimited(SECOND, SECOND, false);
        double cut = pacer.currentRate();
        long t = SECOND;
        for (int i = 0; i < 200; i++) {
            t = Math.max(t, pacer.nextAllowedNanos(t));
            pacer.onDispatch(t);
            pacer.onAccepted(t);
        }
        assertThat(pacer.currentRate()).isGreaterThan(cut * 1.1);
    }

    @Test
    void aFixedPacerSpacesDispatchesByTheInterval() {
        Pacer pacer = Pacer.forRpm(120);
        assertThat(pacer.nextAllowedNanos(0)).isZero();
        pacer.onDispatch(0);
        assertThat(pacer.nextAllowedNanos(0)).isEqualTo(SECOND / 2);
        pacer.onRateLimited(1, 0, false);
        assertThat(pacer.currentRate()).isEqualTo(2.0);
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

    private static BatchSnapshot snapshot(int processed) {
        return new BatchSnapshot("b", "v", dev.goldsmith.ai.Operation.ENHANCE, BatchStatus.PROCESSING, 10_000,
                processed, processed, 0, 0, 0, 0, 0, null, 0, null, Duration.ZERO, 0, 0, java.math.BigDecimal.ZERO,
                List.of(), null, Duration.ZERO, null, null);
    }
}
