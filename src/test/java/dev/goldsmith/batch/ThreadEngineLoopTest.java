package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ThreadEngineLoopTest {

    @Test
    void runsTasksInOrderOnItsThread() throws Exception {
        ThreadEngineLoop loop = new ThreadEngineLoop("loop-test", Clock.systemUTC());
        StringBuilder order = new StringBuilder();
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> order.append('a'));
        loop.execute(() -> order.append('b'));
        loop.schedule(Duration.ZERO, () -> { // due now, so after the tasks queued before it (no race on a clock)
            order.append('c');
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).hasToString("abc");
        loop.shutdown();
    }

    /** A control call racing the end of a batch (e.g. BatchService.close cancelling a batch that just finished). */
    @Test
    void aTaskArrivingAfterShutdownIsDroppedNotThrown() {
        ThreadEngineLoop loop = new ThreadEngineLoop("loop-test", Clock.systemUTC());
        loop.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        assertThatCode(() -> loop.execute(() -> ran.set(true))).doesNotThrowAnyException();
        assertThatCode(() -> loop.schedule(Duration.ZERO, () -> ran.set(true)).cancel()).doesNotThrowAnyException();
        assertThat(ran).isFalse();
    }
}
