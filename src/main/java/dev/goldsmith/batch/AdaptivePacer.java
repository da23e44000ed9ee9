package dev.goldsmith.batch;

import java.util.ArrayDeque;

/**
 * Learns a provider's unannounced rate limit from its 429s (AIMD on the dispatch rate).
 *
 * <ul>
 *   <li>Starts unlimited.</li>
 *   <li>On a 429 for a request sent after the last decrease, the rate drops to 90 % of the rate the provider
 *       actually accepted over the last few seconds — a direct measurement of its limit — so one cut lands near
 *       the limit instead of halving again and again. With too little data for that (under a second, or fewer
 *       than ten answers: a 429 right at the start, or a lone one), it halves the rate it was sending at — or
 *       takes 10 % off when the provider said how long to wait, since that wait is then held anyway.</li>
 *   <li>While the pacer is what holds dispatches back, the rate climbs by 2 % per second, probing for more room;
 *       it never climbs while the window, not the rate, is the bottleneck.</li>
 * </ul>
 */
final class AdaptivePacer implements Pacer {

    static final long WINDOW_NANOS = 3_000_000_000L;
    private static final double DECREASE = 0.9;
    private static final double INCREASE_PER_SECOND = 0.02;
    private static final double MIN_RATE = 0.05;
    private static final int MIN_SAMPLES = 10;
    private static final long MIN_SPAN_NANOS = 50_000_000L;

    private final ArrayDeque<Long> accepted = new ArrayDeque<>();
    private final ArrayDeque<Long> dispatched = new ArrayDeque<>();
    private double rate = Double.POSITIVE_INFINITY;
    private long lastDispatch = Long.MIN_VALUE;
    private long lastDecrease = Long.MIN_VALUE;
    private long lastIncrease = Long.MIN_VALUE;
    private long firstEvent = Long.MIN_VALUE;

    @Override
    public long nextAllowedNanos(long now) {
        if (Double.isInfinite(rate) || lastDispatch == Long.MIN_VALUE) {
            return now;
        }
        return lastDispatch + (long) (1e9 / rate);
    }

    @Override
    public void onDispatch(long now) {
        mark(now);
        dispatched.addLast(now);
        trim(now);
        if (!Double.isInfinite(rate) && lastDispatch != Long.MIN_VALUE) {
            boolean paced = now - lastDispatch <= (long) (1e9 / rate) + 5_000_000L;
            if (paced && lastIncrease != Long.MIN_VALUE) {
                double seconds = (now - lastIncrease) / 1e9;
                rate *= 1 + INCREASE_PER_SECOND * Math.min(seconds, 1.0);
            }
            lastIncrease = now;
        }
        lastDispatch = now;
    }

    @Override
    public void onAccepted(long now) {
        mark(now);
        accepted.addLast(now);
        trim(now);
    }

    @Override
    public void onRateLimited(long now, long dispatchedAt, boolean providerGaveWait) {
        mark(now);
        if (lastDecrease != Long.MIN_VALUE && dispatchedAt < lastDecrease) {
            return; // sent before the last cut: its 429 tells nothing new
        }
        trim(now);
        long span = Math.max(MIN_SPAN_NANOS, Math.min(WINDOW_NANOS, now - firstEvent));
        double sending = dispatched.size() * 1e9 / span;
        double current = Double.isInfinite(rate) ? sending : rate;
        double target = span >= 1_000_000_000L && accepted.size() >= MIN_SAMPLES
                ? accepted.size() * 1e9 / span * DECREASE
                : sending * (providerGaveWait ? DECREASE : 0.5);
        rate = Math.max(MIN_RATE, Math.min(current, target > 0 ? target : current * 0.5));
        lastDecrease = now;
        lastIncrease = now;
    }

    @Override
    public double currentRate() {
        return rate;
    }

    private void mark(long now) {
        if (firstEvent == Long.MIN_VALUE) {
            firstEvent = now;
        }
    }

    private void trim(long now) {
        while (!accepted.isEmpty() && now - accepted.peekFirst() > WINDOW_NANOS) {
            accepted.removeFirst();
        }
        while (!dispatched.isEmpty() && now - dispatched.peekFirst() > WINDOW_NANOS) {
            dispatched.removeFirst();
        }
    }
}
