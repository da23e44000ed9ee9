package dev.goldsmith.bench;

import java.util.Random;

/**
 * A seeded sequence of log-normal latencies, one per item index: {@code median × exp(σ × Z)}. Every strategy
 * of a benchmark part (engine, lock-step, ideal) sees the same latency for the same item.
 */
final class Latencies {

    private final long[] nanos;

    Latencies(int count, double medianMs, double sigma, long seed) {
        Random random = new Random(seed);
        nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = Math.round(medianMs * 1e6 * Math.exp(sigma * random.nextGaussian()));
        }
    }

    static Latencies constant(int count, double ms) {
        return new Latencies(count, ms, 0, 1);
    }

    long nanos(int item) {
        return nanos[item];
    }

    int count() {
        return nanos.length;
    }

    long sumNanos() {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return sum;
    }

    /** The ideal bound: Σ latency / concurrency (no wall time can be lower with {@code concurrency} slots). */
    double idealSeconds(int concurrency) {
        return sumNanos() / 1e9 / concurrency;
    }

    double medianMs() {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    double meanMs() {
        return sumNanos() / 1e6 / nanos.length;
    }

    double maxMs() {
        long max = 0;
        for (long n : nanos) {
            max = Math.max(max, n);
        }
        return max / 1e6;
    }

    /**
     * The makespan of a perfect sliding window with zero overhead: items in index order, each started the instant
     * a slot frees. Above the ideal bound only by the tail (the last calls finishing unevenly).
     */
    double windowSeconds(int concurrency) {
        java.util.PriorityQueue<Long> slots = new java.util.PriorityQueue<>();
        for (int i = 0; i < concurrency; i++) {
            slots.add(0L);
        }
        long end = 0;
        for (long n : nanos) {
            long finish = slots.poll() + n;
            end = Math.max(end, finish);
            slots.add(finish);
        }
        return end / 1e9;
    }
}
