package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One batch, one owner: a live owner is never declared dead on its own host, and a run that lost it stops writing. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class OwnershipTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void aLiveOwnerOnThisHostIsNotDeclaredDeadThoughItsHeartbeatIsOld() {
        EngineFixture a = new EngineFixture(dir, store);
        a.provider.latency(Duration.ofSeconds(10));
        BatchHandle run = a.start(a.addItems(2, QualityTier.BRONZE), EngineFixture.options(2));
        a.loop.runUntilIdle();

        BatchService other = serviceAt(a, EngineFixture.EPOCH.plusSeconds(120)); // its clock two minutes later

        assertThat(other.find(run.batchId()).orElseThrow().status()).isEqualTo(BatchStatus.PROCESSING);
        a.finish(run);
    }

    @Test
    void aRunThatLostItsBatchToAnotherProcessStopsAndWritesNothingMore() {
        EngineFixture a = new EngineFixture(dir, store);
        a.provider.latency(Duration.ofSeconds(1));
        List<String> ids = a.addItems(4, QualityTier.BRONZE);
        BatchHandle run = a.start(ids, EngineFixture.options(1));
        a.loop.advance(Duration.ofMillis(1500)); // i0 committed, i1 in flight
        a.db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_operations SET owner_id = '1@elsewhere#other' WHERE id = ?")) {
                ps.setString(1, run.batchId());
                return ps.executeUpdate();
            }
        });

        BatchSnapshot end = a.finish(run);

        assertThat(end.errorMessage()).startsWith("Another Goldsmith process took batch");
        BatchRecord stored = a.record(run.batchId());
        assertThat(stored.status()).as("left to the new owner").isEqualTo(BatchStatus.PROCESSING);
        assertThat(stored.processedItems()).isEqualTo(1);
        assertThat(a.store.itemIds(run.batchId(), ItemStatus.PENDING)).containsExactly("i1", "i2", "i3");
        assertThat(a.versions("i1")).isZero();
    }

    private static BatchService serviceAt(EngineFixture f, Instant now) {
        VirtualLoop loop = new VirtualLoop(now);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new BatchService(f.db, p -> f.provider, new EngineEnvironment(clock, n -> loop, Runnable::run,
                Runnable::run, () -> 1.0, Duration.ofSeconds(5), Duration.ofSeconds(30), () -> { }), "test");
    }
}
