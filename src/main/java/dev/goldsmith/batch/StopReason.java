package dev.goldsmith.batch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a run stops before its items are done, with the message a person reads (in the live panel, the batch's
 * {@code error_message} and the command line). A run holds one: a reason that {@link #outranks} the one it has takes
 * its place, an equal or lower one is dropped — so the message shown while the run winds down is the one it ends
 * with. Which status the run ends in is the reason's {@link Kind#endsAs()}.
 *
 * @param message {@code null} for a cancel asked for (the status says it all)
 */
record StopReason(Kind kind, String message) {

    /** The reasons, each with the status a run stopped by it ends in. */
    enum Kind {
        /** Another process took the batch over: it goes on there. */
        OWNERSHIP_LOST,
        /** An {@link Error} or a bug in Goldsmith. */
        INTERNAL_ERROR,
        /** The database refused a write (a full disk, a broken file). */
        STORE_FAILURE,
        /** The provider refused for good (a wrong key, no such model). */
        PROVIDER_FATAL,
        /** The server could not be reached, again and again, with nothing succeeded. */
        UNREACHABLE,
        /** Only 429s came back for too long. */
        RATE_LIMITED_TOO_LONG,
        /** The user cancelled. */
        CANCELLED,
        /** The spending limit was reached. */
        BUDGET;

        /** The status a run stopped for this reason ends in (a cancelled one may still have completed its items). */
        BatchStatus endsAs() {
            return switch (this) {
                case OWNERSHIP_LOST -> BatchStatus.INTERRUPTED; // as this process sees it
                case INTERNAL_ERROR, STORE_FAILURE, PROVIDER_FATAL, UNREACHABLE, RATE_LIMITED_TOO_LONG -> BatchStatus.FAILED;
                case CANCELLED, BUDGET -> BatchStatus.CANCELLED;
            };
        }

        /** Lower comes first: what the run ends with when reasons meet. */
        private int precedence() {
            return switch (this) {
                case OWNERSHIP_LOST -> 0;
                case INTERNAL_ERROR -> 1;
                case STORE_FAILURE -> 2;
                case PROVIDER_FATAL, UNREACHABLE, RATE_LIMITED_TOO_LONG -> 3; // the provider's: the first one stays
                case CANCELLED -> 4;
                case BUDGET -> 5;
            };
        }
    }

    StopReason {
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this reason takes the place of {@code other}: it comes strictly before it. */
    boolean outranks(StopReason other) {
        return other == null || kind.precedence() < other.kind.precedence();
    }

    static StopReason cancelled() {
        return new StopReason(Kind.CANCELLED, null);
    }

    static StopReason budget(BigDecimal budget, BigDecimal spent) {
        return new StopReason(Kind.BUDGET, "Stopped: the budget of $" + budget.toPlainString() + " was reached ($"
                + spent.setScale(4, RoundingMode.HALF_UP).toPlainString() + " spent).");
    }

    /** {@code message}: the provider's own sentence (a wrong key, an unknown model). */
    static StopReason providerFatal(String message) {
        return new StopReason(Kind.PROVIDER_FATAL, message);
    }

    /** {@code message}: the last "could not be reached" failure's sentence. */
    static StopReason unreachable(String message) {
        return new StopReason(Kind.UNREACHABLE, message);
    }

    static StopReason rateLimitedTooLong(Duration stretch) {
        return new StopReason(Kind.RATE_LIMITED_TOO_LONG, "The provider kept us rate limited for " + stretch.toMinutes()
                + " minutes without an answer (429 every time); resume the batch later.");
    }

    /** {@code message}: the store's sentence (it names the database and what to do). */
    static StopReason storeFailure(String message) {
        return new StopReason(Kind.STORE_FAILURE, message);
    }

    /** {@code message}: who took the batch over. */
    static StopReason ownershipLost(String message) {
        return new StopReason(Kind.OWNERSHIP_LOST, message);
    }

    static StopReason internalError(Throwable error) {
        return new StopReason(Kind.INTERNAL_ERROR, error instanceof OutOfMemoryError
                ? "Goldsmith ran out of memory and stopped the batch; its unsent items are pending, resume it"
                + " (details in the log)."
                : "Goldsmith hit an internal error (" + error.getClass().getSimpleName() + ") and stopped the batch;"
                + " its unsent items are pending, resume it (details in the log).");
    }
}
