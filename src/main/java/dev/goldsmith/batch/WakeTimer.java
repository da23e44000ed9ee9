package dev.goldsmith.batch;

import java.time.Duration;

/** One pending wake-up of the dispatcher on the engine loop: the earliest asked for wins. */
final class WakeTimer {

    private final EngineLoop loop;
    private final Runnable action;
    private EngineLoop.Cancellable pending;
    private long at;

    WakeTimer(EngineLoop loop, Runnable action) {
        this.loop = loop;
        this.action = action;
    }

    /** Runs the action at {@code when} (monotonic nanos), unless an earlier wake-up is already pending. */
    void wakeAt(long when) {
        long now = loop.nanoTime();
        if (pending != null && at <= when && at > now) {
            return;
        }
        cancel();
        at = when;
        pending = loop.schedule(Duration.ofNanos(Math.max(0, when - now)), () -> {
            pending = null;
            action.run();
        });
    }

    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
