package dev.goldsmith.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Latest wins: of the loads a view model sends off the FX thread for one thing (the items of the chosen vault, the
 * versions of the focused item), only the newest one's result — or failure — is shown; an older one that finishes
 * later is dropped, so a slow answer never overwrites a newer one. Made by {@link TaskExecutor#latestWins()}; used on
 * the UI thread only (where the executor delivers the callbacks).
 */
public final class LatestWins {

    /** One load's place in line: still the newest, or superseded. */
    @FunctionalInterface
    public interface Turn {
        boolean isLatest();
    }

    private final TaskExecutor executor;
    private long turns;

    LatestWins(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code work} in the background, superseding every earlier load; its result goes to {@code onSuccess} (or
     * its failure to {@code onFailure}) only if no newer load began meanwhile.
     */
    public <T> TaskExecutor.Handle submit(Callable<T> work, Consumer<? super T> onSuccess,
                                          Consumer<? super Throwable> onFailure) {
        Turn turn = next();
        return executor.submit(work, result -> {
            if (turn.isLatest()) {
                onSuccess.accept(result);
            }
        }, failure -> {
            if (turn.isLatest()) {
                onFailure.accept(failure);
            }
        });
    }

    /** Begins a new turn without a load (nothing left to show): the loads under way are dropped when they finish. */
    public Turn next() {
        long mine = ++turns;
        return () -> mine == turns;
    }

    /**
     * The turn as it stands, superseding nothing: for a quiet refresh that must give way to a load begun after it,
     * yet not drop the one under way.
     */
    public Turn current() {
        long mine = turns;
        return () -> mine == turns;
    }
}
