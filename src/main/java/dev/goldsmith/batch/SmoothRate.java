package dev.goldsmith.batch;

/**
 * Spreads units (requests, or tokens) evenly at a rate — the generic cell rate algorithm: every unit spent pushes
 * the time the spending is paid off ({@code paidAt}) forward by {@code 1/rate}; the next dispatch may go once that
 * time has come. Idle time is not saved up, so there is never a burst after a pause; but a dispatch that went up to
 * 10 ms late (a timer firing late) is charged from when it should have gone, so lateness is not lost either.
 * Lives on the engine loop (not thread-safe).
 */
final class SmoothRate {

    private static final long MAX_CATCH_UP_NANOS = 10_000_000L;
    private static final long DAY_NANOS = 86_400_000_000_000L;

    private double perSecond;
    private long paidAt = Long.MIN_VALUE;

    /** @param perSecond units a second; 0 (or less) is off: nothing is held back */
    SmoothRate(double perSecond) {
        this.perSecond = perSecond;
    }

    boolean isOn() {
        return perSecond > 0 && Double.isFinite(perSecond);
    }

    double perSecond() {
        return perSecond;
    }

    /** A new rate; what was spent is paid off at the new rate from now on. */
    void setRate(double value) {
        perSecond = value;
    }

    /** The earliest monotonic time the next dispatch may go. */
    long earliest(long now) {
        if (!isOn() || paidAt == Long.MIN_VALUE) {
            return now;
        }
        return paidAt;
    }

    void spend(long now, double units) {
        if (!isOn()) {
            return;
        }
        long base = paidAt == Long.MIN_VALUE ? now : Math.max(paidAt, now - MAX_CATCH_UP_NANOS);
        paidAt = base + nanos(units);
    }

    /** Corrects what an earlier dispatch was charged: {@code units} more (or, negative, fewer). */
    void adjust(double units) {
        if (!isOn() || paidAt == Long.MIN_VALUE) {
            return;
        }
        paidAt += units >= 0 ? nanos(units) : -nanos(-units);
    }

    /** The next dispatch may go no sooner than one unit after {@code now}, whatever was spent before. */
    void restartAt(long now) {
        paidAt = now + (isOn() ? nanos(1) : 0);
    }

    private long nanos(double units) {
        double n = units / perSecond * 1e9;
        return n >= DAY_NANOS ? DAY_NANOS : Math.round(n);
    }
}
