package dev.goldsmith.ui;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Carries values from any thread to the UI thread, keeping only the newest: however many arrive, at most one
 * update is waiting on the UI thread at a time, and it applies the newest value when it runs. So a burst of
 * progress snapshots costs one UI update per frame at most — never one {@code runLater} per snapshot.
 *
 * <p>The "run on the UI thread" function is injected: {@link NextPulse} in the window (the update runs at the next
 * animation pulse, so at most once per frame), a hand-driven queue in tests.
 */
public final class FrameCoalescer<T> {

    private final Executor ui;
    private final Consumer<? super T> apply;
    private final AtomicReference<T> newest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public FrameCoalescer(Executor ui, Consumer<? super T> apply) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    /** Keeps {@code value} as the newest; schedules one UI update unless one is already waiting. Any thread. */
    public void offer(T value) {
        newest.set(Objects.requireNonNull(value, "value"));
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::flush);
        }
    }

    /** Whether an update is waiting to run on the UI thread. */
    public boolean isScheduled() {
        return scheduled.get();
    }

    private void flush() {
        scheduled.set(false); // before taking the value: a value offered from now on schedules a new update
        T value = newest.getAndSet(null);
        if (value != null) {
            apply.accept(value);
        }
    }
}
