package dev.goldsmith.batch;

import dev.goldsmith.ai.RateLimits.Budget;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One budget a provider announces in its rate-limit headers (requests, tokens, or Anthropic's input or output
 * tokens), and the pace it allows. Two rules:
 *
 * <ul>
 *   <li><b>Just under the announced rate.</b> A limit per minute is spread evenly at {@value #PACE} of it. A budget
 *       that refills more slowly than over a minute (a daily quota: {@code (limit − remaining) / reset} says so) is
 *       not spread: it is a quota, not a rate.</li>
 *   <li><b>Never the last of what remains before its reset.</b> The newest answer says what remained when the
 *       provider admitted its request; the requests sent after that one are taken off (the provider had not seen
 *       them), what refilled since is added back (at the announced rate, or slower when the answers show the
 *       budget refilling more slowly: another client spends it too), and a request goes only if it leaves at least
 *       the reserve (one request; for tokens, the request must fit). Otherwise it waits for the refill, or for the
 *       reset.</li>
 * </ul>
 *
 * Missing parts are simply not used: a budget with only {@code remaining} is guarded but not spread.
 * Lives on the engine loop.
 */
final class AnnouncedBudget {

    static final double PACE = 0.98;
    private static final double WINDOW_SECONDS = 60;
    /** A budget whose whole refill takes longer than this is a quota, not a per-minute rate. */
    private static final double LONGEST_RATE_WINDOW_SECONDS = 120;
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final long OBSERVE_MIN_NANOS = 2_000_000_000L;
    private static final long OBSERVE_MAX_NANOS = 20_000_000_000L;

    private final long reserve;
    private final SmoothRate spread = new SmoothRate(0);
    private long limit = -1;
    private boolean quota;

    private boolean known;
    private long asOfSeq = Long.MIN_VALUE;
    private long asOfNanos;
    private long remaining;
    private long resetAt = Long.MIN_VALUE;
    private double refillPerSecond;
    /** {seq, cost} of every dispatch after the one the snapshot came from. */
    private final ArrayDeque<long[]> sentSince = new ArrayDeque<>();
    private long sentSinceTotal;
    /** {seq, all we spent up to and with it}, for the refill actually seen. */
    private final ArrayDeque<long[]> spentUpTo = new ArrayDeque<>();
    private long spentTotal;
    /** {asOfNanos, remaining, spent up to its request} of the recent answers. */
    private final ArrayDeque<long[]> seen = new ArrayDeque<>();
    private long mostSeen;
    private double observedRefill = -1;

    /** @param reserve what a dispatch must leave of the remaining budget (1 for requests, 0 for tokens) */
    AnnouncedBudget(long reserve) {
        this.reserve = reserve;
    }

    /**
     * What an answer announced, for the request dispatched as number {@code seq} at {@code sentAt}. An answer to
     * a request sent before the one the current snapshot came from is older news and only fills in the limit.
     */
    void update(long now, long seq, long sentAt, Budget budget) {
        budget.limit().ifPresent(l -> {
            if (l > 0) {
                limit = l;
            }
        });
        if (budget.remaining().isEmpty() || seq < asOfSeq) {
            respread();
            return;
        }
        known = true;
        asOfSeq = seq;
        asOfNanos = sentAt;
        remaining = Math.max(0, budget.remaining().getAsLong());
        resetAt = budget.resetIn().map(d -> Backoff.later(now, d)).orElse(Long.MIN_VALUE);
        while (!sentSince.isEmpty() && sentSince.peekFirst()[0] <= seq) {
            sentSinceTotal -= sentSince.removeFirst()[1];
        }
        observeRefill(seq, sentAt);
        refillPerSecond = refill(budget.resetIn().orElse(null));
        if (observedRefill >= 0) {
            refillPerSecond = Math.min(refillPerSecond > 0 ? refillPerSecond : Double.MAX_VALUE, observedRefill);
        }
        respread();
    }

    /**
     * How fast the budget really refills for us, from two answers some seconds apart: what remained then and now,
     * and what we spent between. Slower than announced when another client spends the same budget. Skipped while
     * the budget looked full (what it refilled beyond that is not seen).
     */
    private void observeRefill(long seq, long sentAt) {
        while (!spentUpTo.isEmpty() && spentUpTo.peekFirst()[0] < seq) {
            spentUpTo.removeFirst();
        }
        long spent = !spentUpTo.isEmpty() && spentUpTo.peekFirst()[0] == seq ? spentUpTo.peekFirst()[1] : spentTotal;
        while (!seen.isEmpty() && sentAt - seen.peekFirst()[0] > OBSERVE_MAX_NANOS) {
            seen.removeFirst();
        }
        long[] base = seen.peekFirst();
        if (base != null && sentAt - base[0] >= OBSERVE_MIN_NANOS && base[1] < mostSeen && remaining < mostSeen) {
            double perSecond = (remaining - base[1] + spent - base[2]) / ((sentAt - base[0]) / 1e9);
            observedRefill = Math.max(0, observedRefill < 0 ? perSecond : 0.7 * observedRefill + 0.3 * perSecond);
        }
        mostSeen = Math.max(mostSeen, remaining);
        seen.addLast(new long[] {sentAt, remaining, spent});
    }

    private double refill(Duration resetIn) {
        double perLimit = limit > 0 ? limit / WINDOW_SECONDS : 0;
        quota = false;
        if (limit > 0 && remaining < limit && resetIn != null && !resetIn.isZero()) {
            double seconds = resetIn.toNanos() / 1e9;
            double whole = seconds * limit / (double) (limit - remaining);
            quota = whole > LONGEST_RATE_WINDOW_SECONDS;
            return Math.min(perLimit, (limit - remaining) / seconds);
        }
        return perLimit;
    }

    private void respread() {
        spread.setRate(limit > 0 && !quota ? PACE * limit / WINDOW_SECONDS : 0);
    }

    /** The earliest time a request costing {@code cost} may go. */
    long earliest(long now, long cost) {
        long at = spread.earliest(now);
        if (!known || cost <= 0) {
            return at;
        }
        long need = Math.min(cost, limit > 0 ? Math.max(1, limit - reserve) : cost) + reserve;
        double left = estimateLeft(now);
        if (left >= need) {
            return at;
        }
        long wait = Long.MAX_VALUE;
        if (refillPerSecond > 0) {
            wait = Math.round((need - left) / refillPerSecond * 1e9);
        }
        if (resetAt != Long.MIN_VALUE && resetAt > now) {
            wait = Math.min(wait, resetAt - now);
        }
        if (wait == Long.MAX_VALUE) {
            wait = RECHECK_NANOS; // nothing says when it refills: look again in a second
        }
        return Math.max(at, now + Math.max(1, wait));
    }

    /** What is left now, as far as the newest answer and the requests sent since tell. */
    double estimateLeft(long now) {
        if (!known) {
            return Double.POSITIVE_INFINITY;
        }
        if (resetAt != Long.MIN_VALUE && now >= resetAt && limit > 0) {
            return limit - sentSinceTotal; // whole again since the reset
        }
        double left = remaining + refillPerSecond * Math.max(0, now - asOfNanos) / 1e9;
        if (limit > 0) {
            left = Math.min(limit, left);
        }
        return left - sentSinceTotal;
    }

    void spend(long now, long seq, long cost) {
        if (cost <= 0) {
            return;
        }
        spentTotal += cost;
        spentUpTo.addLast(new long[] {seq, spentTotal});
        while (spentUpTo.size() > 100_000) {
            spentUpTo.removeFirst();
        }
        spread.spend(now, cost);
        if (known) {
            sentSince.addLast(new long[] {seq, cost});
            sentSinceTotal += cost;
        }
    }

    /** The announced limit per minute, or 0 when none was announced or it is a longer quota. */
    double limitPerMinute() {
        return limit > 0 && !quota ? limit * 60 / WINDOW_SECONDS : 0;
    }

    boolean isKnown() {
        return known || limit > 0;
    }
}
