package dev.goldsmith.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/** A single-threaded {@link EngineLoop} on virtual time: tasks run when the test advances the clock. */
final class VirtualLoop implements EngineLoop {

    private record Task(long at, long seq, Runnable body, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Instant epoch;
    private long now;
    private long seq;

    VirtualLoop(Instant epoch) {
        this.epoch = epoch;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(new Task(now, seq++, task, new boolean[1]));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        tasks.add(new Task(now + Math.max(0, delay.toNanos()), seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Instant now() {
        return epoch.plusNanos(now);
    }

    @Override
    public void shutdown() {
    }

    Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** Runs every task due now, including those they queue. */
    void runUntilIdle() {
        while (!tasks.isEmpty() && tasks.peek().at <= now) {
            Task t = tasks.poll();
            if (!t.cancelled[0]) {
                t.body.run();
            }
        }
    }

    /** Moves the clock forward, running each task at its time. */
    void advance(Duration d) {
        long target = now + d.toNanos();
        runUntilIdle();
        while (!tasks.isEmpty() && tasks.peek().at <= target) {
            now = Math.max(now, tasks.peek().at);
            runUntilIdle();
        }
        now = target;
        runUntilIdle();
    }

    /** Runs until the condition holds, jumping the clock to each next task; fails if nothing is left to run. */
    void runUntil(BooleanSupplier done) {
        runUntilIdle();
        while (!done.getAsBoolean()) {
            Task next = tasks.peek();
            while (next != null && next.cancelled[0]) {
                tasks.poll();
                next = tasks.peek();
            }
            if (next == null) {
                throw new AssertionError("the loop went idle before the condition held");
            }
            now = Math.max(now, next.at);
            runUntilIdle();
        }
    }
}
