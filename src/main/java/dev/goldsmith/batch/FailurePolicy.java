package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.FailureKind;
import java.time.Duration;

/**
 * What a run does with each failed attempt, and when failures stop it: a 429 puts the item back uncharged and holds
 * the whole window ({@code Retry-After}, or a growing pause), a retryable failure waits its backoff while attempts
 * remain, a permanent one fails the item, a fatal one stops the run. The run also stops by itself, resumable, when
 * the server cannot be reached and nothing has succeeded ({@link #UNREACHABLE_STREAK} failures in a row, or on an
 * item's last attempt), and when only 429s have come back for {@link #RATE_LIMITED_STRETCH}.
 *
 * Lives on the engine loop (not thread-safe).
 */
final class FailurePolicy {

    /** Consecutive "could not be reached" failures, with nothing succeeded in the run, that stop it. */
    static final int UNREACHABLE_STREAK = 5;
    /** Only 429s for this long, with no other answer, stop the run. */
    static final Duration RATE_LIMITED_STRETCH = Duration.ofMinutes(10);

    /** What to do with the item whose attempt failed. */
    enum Action {
        /** Back to the front of the queue, its attempts unchanged (a 429). */
        PUT_BACK,
        /** Tried again at {@link Decision#readyAt}. */
        RETRY_LATER,
        /** Recorded failed with {@link Decision#error}. */
        FAIL,
        /** The run stops for {@link Decision#stop}; the item stays pending (back in the queue). */
        STOP_RUN,
        /** The run stops for {@link Decision#stop}; the provider refused for good (the item stays pending). */
        STOP_FATAL
    }

    record Decision(Action action, long readyAt, String error, StopReason stop) {

        static Decision of(Action action) {
            return new Decision(action, 0, null, null);
        }
    }

    private final BatchOptions options;
    private final Backoff backoff;
    private long holdUntil = Long.MIN_VALUE;
    private int consecutiveRateLimits;
    /** Any item written back or found unchanged in this run: the server answers. */
    private boolean succeededInRun;
    private int unreachableStreak;
    /** When the current run of nothing but 429s began; {@code Long.MIN_VALUE} when the last answer was not a 429. */
    private long rateLimitedSince = Long.MIN_VALUE;

    FailurePolicy(BatchOptions options, Backoff backoff) {
        this.options = options;
        this.backoff = backoff;
    }

    /** A valid answer: the server answers, and the streaks of failures end. */
    void onSuccess() {
        succeededInRun = true;
        unreachableStreak = 0;
        rateLimitedSince = Long.MIN_VALUE;
        consecutiveRateLimits = 0;
    }

    /** Decides what happens to {@code work} after {@code failure} at {@code now}; adjusts its counters. */
    Decision onFailure(Work work, Failure failure, long now) {
        StopReason stop = stopsTheRun(work, failure, now);
        if (stop != null) {
            if (failure.kind() == FailureKind.RATE_LIMITED) {
                work.attempts--; // a 429 does not use up the item's attempts, here either
            }
            return new Decision(Action.STOP_RUN, 0, null, stop);
        }
        return switch (failure.kind()) { // exhaustive: a new kind of failure must be decided here
            case RATE_LIMITED -> rateLimited(work, failure, now);
            case RETRYABLE, UNREACHABLE -> {
                consecutiveRateLimits = 0;
                yield work.attempts < options.maxAttempts()
                        ? new Decision(Action.RETRY_LATER,
                        Backoff.later(now, backoff.delay(work.attempts, failure.retryAfter())), null, null)
                        : new Decision(Action.FAIL, 0, failure.message(), null);
            }
            case PERMANENT -> {
                consecutiveRateLimits = 0;
                yield new Decision(Action.FAIL, 0, failure.message(), null);
            }
            case FATAL -> new Decision(Action.STOP_FATAL, 0, null, StopReason.providerFatal(failure.message()));
        };
    }

    private Decision rateLimited(Work work, Failure failure, long now) {
        work.attempts--; // a 429 does not use up the item's attempts
        work.rateLimitWaits++;
        consecutiveRateLimits++;
        holdUntil = Math.max(holdUntil, Backoff.later(now,
                backoff.holdAfter429(failure.retryAfter(), options.rpm() > 0, consecutiveRateLimits)));
        return work.rateLimitWaits > options.maxRateLimitWaits()
                ? new Decision(Action.FAIL, 0, "Rate limited " + work.rateLimitWaits + " times: " + failure.message(), null)
                : Decision.of(Action.PUT_BACK);
    }

    private StopReason stopsTheRun(Work work, Failure failure, long now) {
        boolean rateLimited = failure.kind() == FailureKind.RATE_LIMITED;
        if (!rateLimited) {
            rateLimitedSince = Long.MIN_VALUE;
        } else if (rateLimitedSince == Long.MIN_VALUE) {
            rateLimitedSince = now;
        }
        unreachableStreak = failure.kind() == FailureKind.UNREACHABLE ? unreachableStreak + 1 : 0;
        if (failure.kind() == FailureKind.UNREACHABLE && !succeededInRun
                && (unreachableStreak >= UNREACHABLE_STREAK || work.attempts >= options.maxAttempts())) {
            return StopReason.unreachable(failure.message());
        }
        if (rateLimited && now - rateLimitedSince >= RATE_LIMITED_STRETCH.toNanos()) {
            return StopReason.rateLimitedTooLong(RATE_LIMITED_STRETCH);
        }
        return null;
    }

    /** Until when the whole window holds after a 429 ({@code Long.MIN_VALUE}: never held). */
    long holdUntil() {
        return holdUntil;
    }
}
