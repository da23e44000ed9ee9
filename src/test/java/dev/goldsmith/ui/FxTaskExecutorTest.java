package dev.goldsmith.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The background road of the window. */
class FxTaskExecutorTest {

    @Test
    void workHandedInAfterCloseIsDroppedNotThrown() {
        FxTaskExecutor executor = new FxTaskExecutor(1);
        executor.close();
        AtomicBoolean ran = new AtomicBoolean();

        TaskExecutor.Handle handle = executor.submit(() -> {
            ran.set(true);
            return null;
        }, ok -> ran.set(true), failure -> ran.set(true));

        assertThat(handle.isCancelled()).isTrue();
        assertThat(ran).isFalse();
    }
}
