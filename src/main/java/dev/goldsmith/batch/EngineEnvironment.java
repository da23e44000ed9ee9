package dev.goldsmith.batch;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The threads and clocks the engine runs on. Production uses real threads; tests use a virtual-time loop and
 * same-thread executors, so every run is deterministic and nothing sleeps.
 *
 * @param loops      a new loop for a batch, given a thread name
 * @param writer     the single writer of checkpoints (one thread for every batch of the process)
 * @param delivery   where snapshot listeners are called
 * @param heartbeat  how often a running batch refreshes its heartbeat
 * @param staleAfter how old a heartbeat may be before its batch reads as interrupted
 */
public record EngineEnvironment(Clock clock, Function<String, EngineLoop> loops, java.util.concurrent.Executor writer,
                                java.util.concurrent.Executor delivery, DoubleSupplier random, Duration heartbeat,
                                Duration staleAfter, AutoCloseable resources) {

    public static final Duration HEARTBEAT = Duration.ofSeconds(5);
    public static final Duration STALE_AFTER = Duration.ofSeconds(30);

    /** Real threads: a loop thread per batch, one writer thread, one delivery thread. */
    public static EngineEnvironment threads(Clock clock) {
        ExecutorService writer = Executors.newSingleThreadExecutor(daemon("goldsmith-writer"));
        ExecutorService delivery = Executors.newSingleThreadExecutor(daemon("goldsmith-progress"));
        Random random = new Random();
        return new EngineEnvironment(clock, name -> new ThreadEngineLoop(name, clock), writer, delivery,
                random::nextDouble, HEARTBEAT, STALE_AFTER, () -> {
                    writer.shutdown();
                    delivery.shutdown();
                });
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
