package dev.goldsmith.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AdaptivePacer} learns from: every request sent, whether the provider admitted or refused it, and the
 * refusals that end a stretch. Replaying a token bucket at a trial rate over the recent stretches tells which rates
 * fit everything seen — at a lower one some admitted request would have found the bucket empty, at a higher one a
 * refused request would have found a token — so {@link #consistentBounds} brackets the provider's refill rate.
 *
 * Lives on the engine loop (not thread-safe).
 */
final class BucketReplay {

    static final double MAX_RATE = 1e5;
    /** Timing noise between our clock and the provider's, in seconds of refill. */
    private static final double JITTER_SECONDS = 0.005;
    static final int STRETCHES = 6;
    private static final long HISTORY_NANOS = 180_000_000_000L;

    enum Outcome { PENDING, ADMITTED, REFUSED, LOST }

    static final class Event {
        final long seq;
        final long sent;
        final boolean probe;
        Outcome outcome = Outcome.PENDING;

        Event(long seq, long sent, boolean probe) {
            this.seq = seq;
            this.sent = sent;
            this.probe = probe;
        }
    }

    private final List<Event> events = new ArrayList<>();
    /** The refusals that ended a stretch, oldest first. */
    private final List<Event> boundaries = new ArrayList<>();
    /** The burst the replays assume (set by each {@link #consistentBounds}). */
    private double burst = 1;
    /** Whether the last {@link #consistentBounds} had to drop stretches that contradicted each other. */
    private boolean contradicted;

    void add(Event e) {
        events.add(e);
    }

    /** A refusal that ends a stretch (and begins the next). */
    void addBoundary(Event e) {
        boundaries.add(e);
    }

    int boundaries() {
        return boundaries.size();
    }

    boolean contradicted() {
        return contradicted;
    }

    /** {lo, hi} over the stretches from boundary {@code from} on; older ones are dropped if they contradict. */
    double[] consistentBounds(int from, double burst) {
        this.burst = burst;
        int first = from;
        contradicted = false;
        while (true) {
            double low = lowest(first);
            double high = highest(first);
            if (low <= high) {
                return new double[] {low, high};
            }
            contradicted = true;
            if (first >= boundaries.size() - 2) {
                return new double[] {Math.min(low, high), Math.max(low, high)};
            }
            first++; // the limit moved: forget the oldest stretch
        }
    }

    /** The lowest rate at which every admitted request of the stretches found a token. */
    private double lowest(int from) {
        double low = AdaptivePacer.MIN_RATE / 10;
        double high = MAX_RATE;
        if (admittedFit(low, from)) {
            return low;
        }
        for (int i = 0; i < 50; i++) {
            double mid = Math.sqrt(low * high);
            if (admittedFit(mid, from)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /** The highest rate at which every refused request of the stretches found the bucket empty. */
    private double highest(int from) {
        double low = AdaptivePacer.MIN_RATE / 10;
        double high = MAX_RATE;
        if (refusedFit(high, from)) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 50; i++) {
            double mid = Math.sqrt(low * high);
            if (refusedFit(mid, from)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private boolean admittedFit(double r, int from) {
        for (int b = from; b + 1 < boundaries.size(); b++) {
            if (!replay(r, boundaries.get(b), boundaries.get(b + 1), true)) {
                return false;
            }
        }
        return true;
    }

    private boolean refusedFit(double r, int from) {
        for (int b = from; b + 1 < boundaries.size(); b++) {
            if (!replay(r, boundaries.get(b), boundaries.get(b + 1), false)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Replays the bucket at rate {@code r} over one stretch, which starts just after a refusal (the bucket held
     * less than a token: the most generous start for admissions, the least for refusals) and ends with one.
     */
    private boolean replay(double r, Event start, Event end, boolean admissions) {
        double tolerance = 0.02 + JITTER_SECONDS * r;
        double level = admissions ? 1 - 1e-9 : 0;
        long last = start.sent;
        for (int i = indexOf(start) + 1; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.seq > end.seq) {
                break;
            }
            if (e.outcome == Outcome.LOST) {
                continue;
            }
            level = Math.min(burst, level + (e.sent - last) / 1e9 * r);
            last = e.sent;
            if (e.outcome == Outcome.REFUSED) {
                if (!admissions && (level >= 1 + tolerance || level >= burst - 1e-9)) {
                    return false;
                }
            } else {
                if (admissions && level < 1 - tolerance) {
                    return false;
                }
                level -= 1;
            }
        }
        return true;
    }

    private int indexOf(Event e) {
        int low = 0;
        int high = events.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long s = events.get(mid).seq;
            if (s < e.seq) {
                low = mid + 1;
            } else if (s > e.seq) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return low - 1;
    }

    /**
     * Forgets what no replay needs: before the first 429, everything answered; after it, the stretches beyond the
     * last {@value #STRETCHES} and those older than a few minutes.
     */
    void trim(long now, long oldestInFlight) {
        if (events.size() < 1024) {
            return;
        }
        long keepFrom;
        if (boundaries.isEmpty()) {
            keepFrom = oldestInFlight;
        } else {
            while (boundaries.size() > 1 && (boundaries.size() > STRETCHES + 1
                    || now - boundaries.get(1).sent > HISTORY_NANOS)) {
                boundaries.remove(0);
            }
            keepFrom = boundaries.get(0).seq;
        }
        int cut = 0;
        while (cut < events.size() && events.get(cut).seq < keepFrom) {
            cut++;
        }
        events.subList(0, cut).clear();
    }
}
