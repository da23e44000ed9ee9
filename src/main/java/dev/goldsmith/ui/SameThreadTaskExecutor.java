package dev.goldsmith.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work and its callbacks at once on the caller's thread. For view-model tests without the FX toolkit,
 * and for nothing else: on the FX thread it would block the window.
 */
public final class SameThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Handle submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return DONE;
        }
        onSuccess.accept(result);
        return DONE;
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void close() {
        // nothing to stop
    }

    private static final Handle DONE = new Handle() {
        @Override
        public void cancel() {
            // already done
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
