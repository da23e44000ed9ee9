package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** On the real toolkit: a burst of snapshots from a worker reaches the FX thread a handful of times, newest last. */
class NextPulseFxTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void tenThousandOffersFromAWorkerCostOnlyAFewFxUpdatesAndTheNewestWins() throws Exception {
        AtomicInteger updates = new AtomicInteger();
        AtomicReference<Integer> shown = new AtomicReference<>();
        AtomicReference<Boolean> onFxThread = new AtomicReference<>(true);
        FrameCoalescer<Integer> coalescer = new FrameCoalescer<>(new NextPulse(), value -> {
            updates.incrementAndGet();
            onFxThread.compareAndSet(true, Platform.isFxApplicationThread());
            shown.set(value);
        });

        Thread worker = new Thread(() -> {
            for (int i = 1; i <= 10_000; i++) {
                coalescer.offer(i);
            }
        });
        worker.start();
        worker.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Integer.valueOf(10_000).equals(shown.get()));

        assertThat(updates.get()).as("FX updates for 10,000 snapshots").isBetween(1, 20);
        assertThat(onFxThread.get()).isTrue();
    }
}
