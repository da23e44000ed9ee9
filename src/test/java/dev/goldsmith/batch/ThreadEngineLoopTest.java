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
    void aControlArrivingAfterTheBatchEndedIsDroppedNotThrown() throws InterruptedException {
        ThreadEngineLoop loop = new ThreadEngineLoop("test-loop", Clock.systemUTC());
        CountDownLatch ran = new CountDownLatch(1);
        loop.execute(ran::countDown);
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        loop.shutdown();

        AtomicBoolean late = new AtomicBoolean();
        assertThatCode(() -> loop.execute(() -> late.set(true))).doesNotThrowAnyException();
        assertThatCode(() -> loop.schedule(Duration.ofMillis(1), () -> late.set(true)).cancel())
                .doesNotThrowAnyException();
        assertThat(late).isFalse();
    }
}
