package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A burst of progress snapshots costs a bounded number of UI updates, and the newest one wins. */
class FrameCoalescerTest {

    private final ManualUi ui = new ManualUi();
    private final List<Integer> applied = new ArrayList<>();
    private final FrameCoalescer<Integer> coalescer = new FrameCoalescer<>(ui, applied::add);

    @Test
    void aBurstOfTenThousandWaitsAsOneUpdateThatAppliesTheNewest() {
        for (int i = 1; i <= 10_000; i++) {
            coalescer.offer(i);
            assertThat(ui.pending()).isEqualTo(1);
        }

        assertThat(ui.runPending()).isEqualTo(1);
        assertThat(applied).containsExactly(10_000);
        assertThat(coalescer.isScheduled()).isFalse();
    }

    @Test
    void aValueOfferedAfterAnUpdateRanSchedulesTheNextOne() {
        coalescer.offer(1);
        ui.runPending();
        coalescer.offer(2);
        coalescer.offer(3);

        assertThat(ui.runPending()).isEqualTo(1);
        assertThat(applied).containsExactly(1, 3);
    }

    @Test
    void burstsFromSeveralThreadsNeverQueueMoreThanOneUpdate() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int t = 0; t < 4; t++) {
                threads.execute(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    for (int i = 0; i < 2_500; i++) {
                        coalescer.offer(i);
                    }
                });
            }
            go.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }

        assertThat(ui.pending()).isEqualTo(1);
        coalescer.offer(99_999);
        assertThat(ui.runPending()).isEqualTo(1);
        assertThat(applied).containsExactly(99_999);
    }
}
