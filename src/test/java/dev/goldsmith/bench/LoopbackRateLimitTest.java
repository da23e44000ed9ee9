package dev.goldsmith.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Enhancers;
import dev.goldsmith.batch.BatchService;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.EngineEnvironment;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real engine, the real {@code openai} provider and SQLite on real threads against a real HTTP server on
 * loopback that enforces a token bucket: every item succeeds and few requests meet a 429. Counts, not timings
 * (the benchmark measures the shares): each run takes a few seconds.
 */
class LoopbackRateLimitTest {

    @Test
    void aLimitNobodyToldIsLearnedWithFew429s() throws Exception {
        // 1,200 requests a minute, burst 5, Retry-After: 1, no headers; 60 items, 16 at a time
        var limits = new LimitedChatServer.Limits(1_200, 5, 0, 0, false, "1", 20);
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(60)) {
            BatchSnapshot end = run(server, data, 0, 16);

            assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(end.succeeded()).isEqualTo(60);
            // learning takes a few (the pacer before this one met 15 here): at most one request in ten
            assertThat(server.limited()).as("429s of %d requests", server.requests()).isLessThanOrEqualTo(6);
        }
    }

    @Test
    void announcedLimitsAreKeptToWithAtMostTheProbe429AndOneOfJitter() throws Exception {
        // the same limit announced in x-ratelimit-* headers, tokens limited too, Retry-After: 1
        var limits = new LimitedChatServer.Limits(1_200, 5, 600_000, 10_000, true, "1", 20);
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(40)) {
            BatchSnapshot end = run(server, data, 0, 8);

            assertThat(end.succeeded()).isEqualTo(40);
            // the start's probe, and at most one more when a loaded machine delays the server's threads so that two
            // requests reach its bucket together (seen once in a full build at load 6); learning from 429s alone
            // meets the limit several times more
            assertThat(server.limited()).as("429s of %d requests", server.requests()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aTokenLimitGivenWithTpmIsKeptTo() throws Exception {
        // 300,000 tokens a minute (about 5 requests a second here), burst of 5,000; the limit told with --tpm
        var limits = new LimitedChatServer.Limits(0, 0, 300_000, 5_000, false, "1", 20);
        try (LimitedChatServer server = new LimitedChatServer(limits); BenchItems data = new BenchItems(12)) {
            BatchSnapshot end = run(server, data, 300_000, 8);

            assertThat(end.succeeded()).isEqualTo(12);
            assertThat(server.limited()).as("429s of %d requests", server.requests()).isLessThanOrEqualTo(1);
        }
    }

    private static BatchSnapshot run(LimitedChatServer server, BenchItems data, int tpm, int concurrency)
            throws Exception {
        EngineEnvironment env = EngineEnvironment.threads(Clock.systemUTC());
        try (BatchService service = new BatchService(data.db,
                p -> RateLimitBenchmark.withEstimates(Enhancers.create(p)), env, "test")) {
            var options = RateLimitBenchmark.options(0, tpm).withConcurrency(concurrency);
            return service.start(BenchItems.VAULT, List.of(), new BatchSettings(options, RateLimitBenchmark.http(server)))
                    .completion().get(2, TimeUnit.MINUTES);
        }
    }
}
