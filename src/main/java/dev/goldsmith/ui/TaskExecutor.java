package dev.goldsmith.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one road off the FX thread. Work runs in the background; its result (or failure) is delivered on the
 * UI thread. View models take this interface, so tests swap in {@link SameThreadTaskExecutor}.
 */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Runs {@code work} in the background and hands its result to {@code onSuccess} (or its exception to
     * {@code onFailure}) on the UI thread — unless the returned handle was cancelled first.
     */
    <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** A new latest-wins line of loads on this executor ({@link LatestWins}): one per thing a view model loads. */
    default LatestWins latestWins() {
        return new LatestWins(this);
    }

    /** Runs {@code action} on the UI thread (later, on the FX thread; at once in tests). */
    void runOnUi(Runnable action);

    /** Stops taking work and waits briefly for what was queued (e.g. saving settings on exit). */
    @Override
    void close();

    /** A submitted piece of work. */
    interface Handle {
        /** The callbacks will not run after this; the work itself is interrupted if it is still running. */
        void cancel();

        boolean isCancelled();
    }
}
