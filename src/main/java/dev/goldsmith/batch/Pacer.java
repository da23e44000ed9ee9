package dev.goldsmith.batch;

/**
 * Decides when the next request may be sent, to respect a rate: a fixed requests-per-minute cap spread
 * smoothly, an adaptive rate learnt from the provider's 429s, or none. Lives on the engine loop (not thread-safe).
 */
interface Pacer {

    /** The earliest monotonic time the next dispatch may happen; {@code now} or earlier means at once. */
    long nextAllowedNanos(long now);

    void onDispatch(long now);

    /** A call answered with anything but a 429. */
    default void onAccepted(long now) {
    }

    /** A call sent at {@code dispatchedAt} met a 429; {@code providerGaveWait} when it said how long to wait. */
    default void onRateLimited(long now, long dispatchedAt, boolean providerGaveWait) {
    }

    /** Requests per second currently allowed; infinite when unlimited. */
    double currentRate();

    static Pacer forRpm(int rpm) {
        return rpm > 0 ? new FixedPacer(rpm / 60.0) : new AdaptivePacer();
    }

    /** A fixed rate, one request every {@code 1/rate} seconds. */
    final class FixedPacer implements Pacer {
        private final long intervalNanos;
        private long next = Long.MIN_VALUE;

        FixedPacer(double perSecond) {
            this.intervalNanos = Math.round(1e9 / perSecond);
        }

        @Override
        public long nextAllowedNanos(long now) {
            return next == Long.MIN_VALUE ? now : next;
        }

        @Override
        public void onDispatch(long now) {
            long base = next == Long.MIN_VALUE ? now : Math.max(now, next);
            next = base + intervalNanos;
        }

        @Override
        public double currentRate() {
            return 1e9 / intervalNanos;
        }
    }
}
