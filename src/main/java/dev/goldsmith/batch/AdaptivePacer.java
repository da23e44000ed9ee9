package dev.goldsmith.batch;

import dev.goldsmith.batch.BucketReplay.Event;
import dev.goldsmith.batch.BucketReplay.Outcome;
import java.util.HashMap;
import java.util.Map;

/**
 * Learns a rate limit the provider does not announce, from which requests it admits and which it refuses with a
 * 429, in real time. Such limits are token buckets: a refill rate {@code r} and a burst {@code B}; a request is
 * admitted when the bucket holds a token and refused when it is empty.
 *
 * <ul>
 *   <li><b>Start.</b> Up to {@link #FREE_AT_START} requests waiting for their answers go at once (the default
 *       window, which then runs exactly as without a pacer). A wider window opens by probes: one request beyond
 *       those, one more for each probe admitted (doubling every round trip, as TCP's slow start), at most one per
 *       2 ms — so it does not pour itself into an empty bucket before the first 429 comes back, however long a
 *       new connection takes. The requests admitted before that 429 measure the burst {@code B}, less what
 *       refilled meanwhile.</li>
 *   <li><b>Each later 429</b> ends a stretch that began with the bucket empty (the 429 before) and ended with it
 *       empty. Replaying the bucket over the recent stretches gives the rates {@code [lo, hi]} consistent with
 *       everything seen: at a lower rate some admitted request would have found the bucket empty, at a higher one
 *       the refused request would have found a token. That is "the rate of recent successes" measured properly:
 *       without the time spent holding after a 429 and without the burst the bucket refilled meanwhile — counting
 *       those is what made the old estimate land 20–35 % low.</li>
 *   <li><b>Pace.</b> After a 429 the rate is {@code lo}, just under the limit; it climbs to {@code hi} over about
 *       3 s when the two are far apart (cheap, precise learning: the next 429, if any, closes the gap), then probes
 *       on by {@value #SLOW_PROBE_PER_SECOND} a second (0.1 %/s). Before the second 429 nothing bounds the rate:
 *       it starts at {@code B} a second and doubles every 0.2 s.</li>
 *   <li>The rate only climbs while it is what holds dispatches back, never while the window is the bottleneck.</li>
 * </ul>
 *
 * Lives on the engine loop (not thread-safe).
 */
final class AdaptivePacer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdaptivePacer.class);

    /** Before the first 429, this many requests may wait for their answers before the start pace applies. */
    static final int FREE_AT_START = BatchOptions.DEFAULT_CONCURRENCY;
    static final double START_PER_SECOND = 500;
    /** How long to wait for a probe's answer before sending more anyway. */
    static final long ANSWER_WAIT_NANOS = 30_000_000_000L;
    private static final int MAX_PROBES = 64;
    static final double START_DOUBLING_SECONDS = 0.05;
    static final double RAMP_DOUBLING_SECONDS = 0.2;
    static final double TRAVERSE_SECONDS = 3;
    static final double SLOW_PROBE_PER_SECOND = 0.001;
    static final double MAX_PROBE_PER_SECOND = 0.3;
    static final double NARROW = 0.03;
    static final double MARGIN = 0.01;
    static final double MIN_RATE = 0.05;
    private static final long BINDING_SLACK_NANOS = 5_000_000L;

    private final BucketReplay replay = new BucketReplay();
    private final Map<String, Event> inFlight = new HashMap<>();
    private final SmoothRate pace;
    private boolean started;
    /** Before the first 429: how many requests beyond the first few may wait for answers; one more per admission. */
    private int probes = 1;
    private int extraInFlight;
    private long seq;
    private long firstSent = Long.MIN_VALUE;
    private long lastSent = Long.MIN_VALUE;
    private long lastCut = Long.MIN_VALUE;
    private double rate;
    private double lo;
    private double hi = Double.POSITIVE_INFINITY;
    private double probe;
    private double burst = 1;
    private int admittedBeforeFirst = -1;
    private long lostBeforeFirst;
    private double firstStretchSeconds;

    /** Learns from scratch. */
    AdaptivePacer() {
        this.rate = START_PER_SECOND;
        this.pace = new SmoothRate(rate);
    }

    /** Resumes at a rate learned before (per second): it paces at once, and a 429 corrects it. */
    AdaptivePacer(double learnedPerSecond) {
        this.rate = Math.max(MIN_RATE, learnedPerSecond);
        this.pace = new SmoothRate(rate);
        this.started = true;
        this.lo = rate;
        this.hi = rate;
        this.probe = SLOW_PROBE_PER_SECOND;
        this.burst = Math.max(1, Math.floor(rate * 0.5));
    }

    long nextAllowedNanos(long now) {
        if (!started && inFlight.size() < FREE_AT_START) {
            return now; // before the first 429, the first few requests waiting for an answer go at once
        }
        if (!started && extraInFlight >= probes) {
            return now + ANSWER_WAIT_NANOS; // the probes out must be answered first (an answer wakes the engine)
        }
        return pace.earliest(now);
    }

    void onDispatch(long now, String itemId) {
        boolean free = !started && inFlight.size() < FREE_AT_START;
        long allowed = pace.earliest(now);
        if (!free && lastSent != Long.MIN_VALUE && now - allowed <= BINDING_SLACK_NANOS) {
            grow(Math.min(now - lastSent, 1_000_000_000L) / 1e9);
        }
        lastSent = now;
        if (firstSent == Long.MIN_VALUE) {
            firstSent = now;
        }
        if (free) {
            pace.restartAt(now);
        } else {
            pace.spend(now, 1);
        }
        Event e = new Event(seq++, now, !started && !free);
        if (e.probe) {
            extraInFlight++;
        }
        replay.add(e);
        Event old = inFlight.put(itemId, e);
        if (old != null && old.outcome == Outcome.PENDING) {
            answer(old);
            lose(old);
        }
        replay.trim(now, oldestInFlight());
    }

    private void grow(double seconds) {
        if (!started) {
            rate *= Math.pow(2, seconds / START_DOUBLING_SECONDS);
        } else {
            // past hi without a 429 the bounds were wrong (the burst misjudged): go on at the same speed
            rate *= Math.exp(probe * seconds);
        }
        rate = Math.min(BucketReplay.MAX_RATE, rate);
        pace.setRate(rate);
    }

    /** The provider admitted the item's request (it answered anything but a 429). */
    void onAdmitted(String itemId) {
        Event e = inFlight.remove(itemId);
        if (e != null) {
            answer(e);
            e.outcome = Outcome.ADMITTED;
            if (e.probe && !started) {
                probes = Math.min(MAX_PROBES, probes + 1);
            }
        }
    }

    private void answer(Event e) {
        if (e.probe && e.outcome == Outcome.PENDING) {
            extraInFlight--;
        }
    }

    /** The call got no answer from the provider (connection failure): it tells nothing about the limit. */
    void onLost(String itemId) {
        Event e = inFlight.remove(itemId);
        if (e != null) {
            answer(e);
            lose(e);
        }
    }

    private void lose(Event e) {
        e.outcome = Outcome.LOST;
        if (!started) {
            lostBeforeFirst++;
        }
    }

    /** The provider refused the item's request with a 429. */
    void onRefused(long now, String itemId) {
        Event e = inFlight.remove(itemId);
        if (e == null) {
            return;
        }
        answer(e);
        e.outcome = Outcome.REFUSED;
        if (lastCut != Long.MIN_VALUE && e.sent <= lastCut) {
            return; // sent before the last cut took effect: it tells nothing new
        }
        if (!started) {
            startLearning(e);
        } else if (replay.boundaries() == 0) {
            replay.addBoundary(e); // resumed at a learned rate that proved too high
            hi = rate;
            lo = Math.max(MIN_RATE, rate * 0.9);
            rate = lo;
            probe = rampBetween(lo, hi);
        } else {
            replay.addBoundary(e);
            relearn();
        }
        lastCut = now;
        pace.setRate(rate);
        pace.restartAt(now);
        LOG.debug("429 at {} ms: limit about {} a second (burst {}); pacing at {} a second", now / 1_000_000,
                estimatedLimit(), burst, rate);
    }

    private void startLearning(Event first) {
        started = true;
        int admitted = (int) Math.max(0, first.seq - lostBeforeFirst);
        admittedBeforeFirst = admitted;
        firstStretchSeconds = (first.sent - firstSent) / 1e9;
        burst = Math.max(1, admitted);
        replay.addBoundary(first);
        lo = 0;
        hi = Double.POSITIVE_INFINITY;
        rate = Math.max(MIN_RATE, burst);
        probe = Math.log(2) / RAMP_DOUBLING_SECONDS;
    }

    private void relearn() {
        int from = Math.max(0, replay.boundaries() - 1 - BucketReplay.STRETCHES);
        double[] bounds = replay.consistentBounds(from, burst);
        if (admittedBeforeFirst >= 0 && Double.isFinite(bounds[1])) {
            bounds = fitBurst(from, bounds);
        }
        lo = bounds[0];
        hi = bounds[1];
        rate = Math.max(MIN_RATE, Double.isFinite(hi) ? Math.max(lo, hi / 4) : lo);
        if (Double.isInfinite(hi)) {
            probe = Math.log(2) / RAMP_DOUBLING_SECONDS;
        } else if (Math.log(hi / rate) < NARROW) {
            // known closely: hold just under it, so the bucket the 429 emptied fills a little before the slow probe
            rate = Math.max(MIN_RATE, lo * (1 - MARGIN));
            probe = SLOW_PROBE_PER_SECOND;
        } else {
            probe = rampBetween(rate, hi);
        }
    }

    /**
     * The first stretch admitted the burst plus what refilled during it, so the burst and the rate are found
     * together: of the whole bursts between {@code admitted − hi × duration} and {@code admitted − lo × duration}
     * (one, when the first 429 came quickly), the one that fits every stretch with the most room to spare (the
     * widest consistent interval) is taken.
     */
    private double[] fitBurst(int from, double[] bounds) {
        double best = burst;
        double[] bestBounds = bounds;
        double bestWidth = width(bounds);
        // the whole bursts the first stretch allows: admitted − refilled, the refill between lo and hi times its length
        double top = Math.max(1, Math.ceil(admittedBeforeFirst - bounds[0] * firstStretchSeconds - 1e-9));
        double bottom = Math.max(1, Math.max(top - 3, Math.ceil(admittedBeforeFirst - bounds[1] * firstStretchSeconds - 1e-9)));
        for (double b = top; b >= bottom; b--) {
            if (b == burst) {
                continue;
            }
            burst = b;
            double[] candidate = replay.consistentBounds(from, burst);
            double w = width(candidate);
            if (w > bestWidth) {
                best = b;
                bestBounds = candidate;
                bestWidth = w;
            }
        }
        burst = best;
        return bestBounds;
    }

    private double width(double[] bounds) {
        if (!(bounds[0] <= bounds[1]) || replay.contradicted()) {
            return Double.NEGATIVE_INFINITY;
        }
        return Double.isInfinite(bounds[1]) ? Double.POSITIVE_INFINITY : Math.log(bounds[1] / Math.max(bounds[0], 1e-9));
    }

    /** The oldest request still waiting for its answer: what the replay must keep before the first 429. */
    private long oldestInFlight() {
        long oldest = seq;
        for (Event e : inFlight.values()) {
            oldest = Math.min(oldest, e.seq);
        }
        return oldest;
    }

    private static double rampBetween(double from, double to) {
        return Math.min(MAX_PROBE_PER_SECOND, Math.max(SLOW_PROBE_PER_SECOND, Math.log(to / from) / TRAVERSE_SECONDS));
    }

    /** Requests a second allowed now. */
    double rate() {
        return rate;
    }

    /** Whether a 429 has been seen, so the rate is a learned one. */
    boolean isLearning() {
        return started;
    }

    /** The highest rate known to be safe (per second), 0 before it is known. */
    double learnedRate() {
        return started && lo > MIN_RATE / 10 + 1e-12 ? lo : 0;
    }

    /** The provider's limit as best known (per second): between {@code lo} and {@code hi}; 0 before it is known. */
    double estimatedLimit() {
        double low = learnedRate();
        if (low == 0) {
            return 0;
        }
        return Double.isFinite(hi) ? Math.sqrt(low * hi) : low;
    }

    double burst() {
        return burst;
    }
}
