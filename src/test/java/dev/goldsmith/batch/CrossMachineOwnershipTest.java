package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.StoreKind;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners on other machines, on the team store (PostgreSQL): a pid means nothing there, so the heartbeat decides — by
 * the database's clock, whatever this machine's clock says — and a batch or its items are taken by one machine only,
 * however many try at the same moment (read committed isolation, real concurrent transactions).
 */
class CrossMachineOwnershipTest {

    static final String ELSEWHERE = "4242@other-machine#abcd";

    @TempDir
    Path dir;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A batch of three items claimed by a process on another machine. */
    private String foreignBatch(EngineFixture f) {
        f.addItems(3, QualityTier.BRONZE);
        BatchRecord record = f.store.create(new NewBatch("b-far", "someone", EngineFixture.VAULT,
                dev.goldsmith.ai.Operation.ENHANCE, EngineFixture.settings(EngineFixture.options(2)).toMetadata("t"),
                null, f.items.list(EngineFixture.VAULT)), EngineFixture.EPOCH);
        assertThat(f.store.claim(record.id(), Set.of(BatchStatus.PENDING), ELSEWHERE, EngineFixture.EPOCH)).isTrue();
        return record.id();
    }

    /** A service whose machine's clock reads {@code now}. */
    private static BatchService serviceWithClock(EngineFixture f, Instant now) {
        VirtualLoop loop = new VirtualLoop(now);
        return new BatchService(f.db, p -> f.provider, new EngineEnvironment(Clock.fixed(now, ZoneOffset.UTC), n -> loop,
                Runnable::run, Runnable::run, () -> 1.0, Duration.ofSeconds(5), Duration.ofSeconds(30), () -> { }), "test");
    }

    @Test
    void aLiveOwnerElsewhereIsNotDeclaredDeadByAMachineWhoseClockIsAheadOrBehind() {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        String id = foreignBatch(f); // its heartbeat: the database's now()
        Instant real = f.store.heartbeatClock(Clock.systemUTC());

        for (Duration skew : List.of(Duration.ofMinutes(10), Duration.ofMinutes(-10), Duration.ofDays(3))) {
            BatchService skewed = serviceWithClock(f, real.plus(skew));
            assertThat(skewed.find(id).orElseThrow().status()).as("clock off by %s", skew).isEqualTo(BatchStatus.PROCESSING);
        }
    }

    @Test
    void aSilentOwnerElsewhereIsInterruptedByTheDatabasesClockThoughThisClockSaysItJustBeatAndItResumesHere() {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        String id = foreignBatch(f);
        f.heartbeatAgo(id, Duration.ofSeconds(31)); // the other machine died half a minute ago
        Instant real = f.store.heartbeatClock(Clock.systemUTC());
        BatchService behind = serviceWithClock(f, real.minus(Duration.ofMinutes(10))); // to it, the beat is in the future

        assertThat(behind.find(id).orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        BatchSnapshot end = f.finish(f.service.resume(id, s -> s));
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(f.provider.calls()).hasSize(3);
    }

    @Test
    void aHeartbeatWithinTheLimitKeepsTheOwner() {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        String id = foreignBatch(f);
        f.heartbeatAgo(id, Duration.ofSeconds(25));
        assertThat(serviceWithClock(f, Instant.parse("2100-01-01T00:00:00Z")).find(id).orElseThrow().status())
                .isEqualTo(BatchStatus.PROCESSING);
    }

    @Test
    void ofMachinesClaimingOneInterruptedBatchAtOnceExactlyOneGetsIt() throws Exception {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        f.addItems(3, QualityTier.BRONZE);
        for (int round = 0; round < 10; round++) {
            String id = "b-" + round;
            f.store.create(new NewBatch(id, "someone", EngineFixture.VAULT, dev.goldsmith.ai.Operation.KEYWORD_SUGGEST,
                    "{}", null, List.of()), EngineFixture.EPOCH);
            f.store.claim(id, Set.of(BatchStatus.PENDING), ELSEWHERE, EngineFixture.EPOCH);
            assertThat(f.store.markInterrupted(id, ELSEWHERE, EngineFixture.EPOCH)).isTrue();
            List<Boolean> won = race(8, n -> f.store.claim(id, Set.of(BatchStatus.INTERRUPTED), n + "@machine-" + n + "#x",
                    EngineFixture.EPOCH));
            assertThat(won).as("round %d", round).containsOnlyOnce(true);
        }
    }

    @Test
    void ofMachinesStartingBatchesOverTheSameItemsAtOnceExactlyOneTakesThem() throws Exception {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        List<String> ids = f.addItems(5, QualityTier.BRONZE);
        List<VaultItem> items = f.items.list(EngineFixture.VAULT);
        for (int round = 0; round < 10; round++) {
            int r = round;
            List<Boolean> took = race(8, n -> {
                try {
                    f.store.create(new NewBatch("r" + r + "-" + n, "someone", EngineFixture.VAULT,
                            dev.goldsmith.ai.Operation.ENHANCE, "{}", null, items), n + "@machine-" + n + "#x",
                            EngineFixture.EPOCH);
                    return true;
                } catch (BatchRequestException e) {
                    assertThat(e.getMessage()).contains("already in running batch");
                    return false;
                }
            });
            assertThat(took).as("round %d", round).containsOnlyOnce(true);
            // the winner finishes: its items are free for the next round
            f.db.inTransaction(c -> c.createStatement().executeUpdate(
                    "UPDATE batch_operations SET status = 'completed' WHERE status = 'processing'"));
        }
        assertThat(ids).hasSize(5);
    }

    /** Runs {@code n} calls released together by a latch, on threads of their own (each a machine), and their results. */
    private <T> List<T> race(int n, java.util.function.IntFunction<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int which = i;
            Callable<T> task = () -> {
                ready.countDown();
                go.await();
                return call.apply(which);
            };
            futures.add(threads.submit(task));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
