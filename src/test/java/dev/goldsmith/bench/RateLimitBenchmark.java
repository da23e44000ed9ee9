package dev.goldsmith.bench;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.Prompts;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.EngineEnvironment;
import dev.goldsmith.batch.Pacing;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The rate-control benchmark (a program, not a test; see docs/benchmarks.md), in real time over loopback: a real
 * HTTP server ({@link LimitedChatServer}) enforcing token buckets on requests and tokens, {@code Retry-After: 1} on
 * its 429s, 100 ms answers, with or without limit headers; Goldsmith through the real {@code openai} provider and
 * the real engine on real threads and SQLite, against a hand-written SDK-style client of the same concurrency
 * ({@link SdkLikeClient}) and the replaced lock-step job ({@link LockStep}).
 *
 * <pre>
 * mvn -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.goldsmith.bench.RateLimitBenchmark -Dexec.args="requests headers tokens"
 * </pre>
 *
 * Arguments: the cases (default all), {@code --items=N} (300), {@code --repeats=N} (Goldsmith rows, default 1).
 */
public final class RateLimitBenchmark {

    static final int CONCURRENCY = 16;
    static final long LATENCY_MS = 100;
    static final double RPM = 600;
    static final double TPM = 360_000;

    private static int items = 300;
    private static volatile String estimates = "none asked for";
    private static int repeats = 1;

    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> cases = new LinkedHashSet<>();
        for (String a : args) {
            for (String p : a.trim().split("[ ,]+")) {
                if (p.startsWith("--items=")) {
                    items = Integer.parseInt(p.substring(8));
                } else if (p.startsWith("--repeats=")) {
                    repeats = Integer.parseInt(p.substring(10));
                } else if (!p.isBlank()) {
                    cases.add(p);
                }
            }
        }
        if (cases.isEmpty()) {
            cases.addAll(List.of("requests", "headers", "tokens"));
        }
        EngineBenchmark.quietLogs();
        System.out.printf(Locale.ROOT, "Goldsmith rate-control benchmark — %d cores, Java %s, load average %s%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load());
        warmUp();
        System.out.println("Token estimates: " + estimates + ".");
        System.out.println();
        System.out.println("| case | client | share of the limit used | 429s (% of requests) | items failed | wall time "
                + "| requests | pacing at the end | load avg |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---|---:|");
        List<String> series = new ArrayList<>();
        if (cases.contains("requests")) {
            var limits = new LimitedChatServer.Limits(RPM, 5, 0, 0, false, "1", LATENCY_MS);
            String c = "600 req/min, burst 5, no headers";
            for (int i = 0; i < repeats; i++) {
                series.add(goldsmith(c, "Goldsmith (no --rpm)", limits, options(0, 0)));
            }
            series.add(sdk(c, limits));
            series.add(lockStep(c, limits));
        }
        if (cases.contains("headers")) {
            var limits = new LimitedChatServer.Limits(RPM, 5, 0, 0, true, "1", LATENCY_MS);
            String c = "600 req/min, burst 5, x-ratelimit-* headers";
            for (int i = 0; i < repeats; i++) {
                series.add(goldsmith(c, "Goldsmith (no --rpm)", limits, options(0, 0)));
            }
            series.add(sdk(c, limits));
        }
        if (cases.contains("tokens")) {
            var announced = new LimitedChatServer.Limits(RPM, 5, TPM, 6_000, true, "1", LATENCY_MS);
            var untold = new LimitedChatServer.Limits(RPM, 5, TPM, 6_000, false, "1", LATENCY_MS);
            String c1 = "360k tokens/min (burst 6k) + 600 req/min, headers";
            String c2 = "360k tokens/min (burst 6k) + 600 req/min, no headers";
            for (int i = 0; i < repeats; i++) {
                series.add(goldsmith(c1, "Goldsmith (no --rpm, no --tpm)", announced, options(0, 0)));
                series.add(goldsmith(c2, "Goldsmith --tpm 360000", untold, options(0, (int) TPM)));
                series.add(goldsmith(c2, "Goldsmith (no --rpm, no --tpm)", untold, options(0, 0)));
            }
            series.add(sdk(c2, untold));
        }
        System.out.println();
        System.out.println("Admitted / refused per 10 s, as the server counted them:");
        System.out.println();
        series.forEach(s -> System.out.println("- " + s));
        System.out.println();
        System.out.printf(Locale.ROOT, "Load average at the end: %s%n", load());
    }

    // --- the three clients ----------------------------------------------------------------------------------------

    static String goldsmith(String label, String client, LimitedChatServer.Limits limits, BatchOptions options)
            throws Exception {
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(items);
             Sampler sampler = new Sampler(server)) {
            EngineEnvironment env = EngineEnvironment.threads(Clock.systemUTC());
            AtomicReference<BatchSnapshot> lastLive = new AtomicReference<>();
            BatchSnapshot end;
            long wall;
            try (BatchService service = new BatchService(data.db, p -> withEstimates(Enhancers.create(p)), env, "bench")) {
                long t0 = System.nanoTime();
                BatchHandle handle = service.start(BenchItems.VAULT, List.of(), new BatchSettings(options, http(server)));
                handle.subscribe(s -> {
                    if (!s.isFinished()) {
                        lastLive.set(s);
                    }
                });
                end = handle.completion().get(15, TimeUnit.MINUTES);
                wall = System.nanoTime() - t0;
            }
            row(label, client, server, items - end.succeeded(), wall, lastLive.get() == null ? Pacing.NONE : lastLive.get().pacing());
            return client + ", " + label + ":" + sampler.series();
        }
    }

    static String sdk(String label, LimitedChatServer.Limits limits) throws Exception {
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(items);
             Sampler sampler = new Sampler(server)) {
            SdkLikeClient.Result r = SdkLikeClient.run(server.baseUrl(), data.items, CONCURRENCY, 42);
            String client = "SDK-style client, " + CONCURRENCY + " workers, " + SdkLikeClient.MAX_RETRIES + " retries";
            row(label, client, server, r.failed(), r.wallNanos(), null);
            return client + ", " + label + ":" + sampler.series();
        }
    }

    static String lockStep(String label, LimitedChatServer.Limits limits) throws Exception {
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(items);
             Enhancer enhancer = Enhancers.create(http(server)); Sampler sampler = new Sampler(server)) {
            int[] ok = new int[1];
            long wall = LockStep.runWithRetries(enhancer, data.items, 5, ok);
            String client = "replaced lock-step job (5 at a time, 500 ms pauses, 1/2/4 s retries)";
            row(label, client, server, items - ok[0], wall, null);
            return client + ", " + label + ":" + sampler.series();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void row(String label, String client, LimitedChatServer server, int failed, long wallNanos,
                            Pacing pacing) {
        double seconds = wallNanos / 1e9;
        LimitedChatServer.Limits l = server.limits();
        double share = l.tokensPerMinute() > 0
                ? server.admittedTokens() / (l.tokensPerMinute() / 60 * seconds)
                : server.admitted() / (l.requestsPerMinute() / 60 * seconds);
        System.out.printf(Locale.ROOT, "| %s | %s | %.1f %% | %d (%.1f %%) | %d | %.1f s | %d | %s | %s |%n", label, client,
                100 * share, server.limited(), 100.0 * server.limited() / Math.max(1, server.requests()), failed,
                seconds, server.requests(), pacing == null ? "—" : describe(pacing), load());
    }

    private static String describe(Pacing p) {
        if (!p.isPaced()) {
            return "not paced";
        }
        String unit = p.reason() == Pacing.Reason.PROVIDER_TOKENS || p.reason() == Pacing.Reason.TPM_SETTING
                ? " tokens/min" : "/min";
        return String.format(Locale.ROOT, "%s %.0f/min (limit %,.0f%s)", p.reason().name().toLowerCase(Locale.ROOT),
                p.requestsPerMinute(), p.limitPerMinute(), unit);
    }

    static BatchOptions options(int rpm, int tpm) {
        return BatchOptions.defaults(Operation.ENHANCE).withConcurrency(CONCURRENCY).withRpm(rpm).withTpm(tpm);
    }

    static ProviderSettings http(LimitedChatServer server) {
        return new ProviderSettings(dev.goldsmith.ai.ProviderKind.OPENAI, server.baseUrl(), "bench", null, 0.7, 500,
                Duration.ofSeconds(30), CONCURRENCY, Pricing.FREE);
    }

    /**
     * The provider's own token estimate; should a build's provider not estimate yet (0), about four characters a
     * token of the messages it sends plus max_tokens — the estimate the provider documents for unknown models.
     */
    static Enhancer withEstimates(Enhancer real) {
        return new Enhancer() {
            @Override
            public String providerName() {
                return real.providerName();
            }

            @Override
            public String model() {
                return real.model();
            }

            @Override
            public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
                return real.enhance(item, operation);
            }

            @Override
            public long estimateTokens(VaultItem item, Operation operation) {
                long own = real.estimateTokens(item, operation);
                if (own > 0) {
                    estimates = "the provider's own (" + own + " tokens for one item's request)";
                    return own;
                }
                Prompts.Messages m = Prompts.forItem(item, operation);
                long fallback = (m.system().length() + m.user().length()) / 4 + 8 + 500;
                estimates = "the provider has none yet: the benchmark's ~4 characters a token + max_tokens (" + fallback
                        + " tokens for one item's request)";
                return fallback;
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    /** A short run first, so class loading and the first JIT tier are not measured. */
    private static void warmUp() throws Exception {
        int saved = items;
        items = 60;
        try (LimitedChatServer server = new LimitedChatServer(new LimitedChatServer.Limits(0, 0, 0, 0, true, null, 1));
             BenchItems data = new BenchItems(items)) {
            EngineEnvironment env = EngineEnvironment.threads(Clock.systemUTC());
            try (BatchService service = new BatchService(data.db, p -> withEstimates(Enhancers.create(p)), env, "bench")) {
                service.start(BenchItems.VAULT, List.of(), new BatchSettings(options(0, 0), http(server)))
                        .completion().get(5, TimeUnit.MINUTES);
            }
            SdkLikeClient.run(server.baseUrl(), data.items, CONCURRENCY, 1);
        } finally {
            items = saved;
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    /** Samples the server's counters every 10 s: admitted/refused per 10-s window. */
    private static final class Sampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-sampler");
            t.setDaemon(true);
            return t;
        });
        private final StringBuilder out = new StringBuilder();
        private final Supplier<long[]> counters;
        private long[] previous = {0, 0};

        Sampler(LimitedChatServer server) {
            counters = () -> new long[] {server.admitted(), server.limited()};
            timer.scheduleAtFixedRate(this::sample, 10, 10, TimeUnit.SECONDS);
        }

        private synchronized void sample() {
            long[] now = counters.get();
            out.append(String.format(Locale.ROOT, " %d/%d", now[0] - previous[0], now[1] - previous[1]));
            previous = now;
        }

        synchronized String series() {
            long[] now = counters.get();
            return out + String.format(Locale.ROOT, " (+%d/%d in the last part)", now[0] - previous[0], now[1] - previous[1]);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
