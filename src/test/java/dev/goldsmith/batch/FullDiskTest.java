package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real (SQLite's {@code max_page_count} on the engine's connections makes it answer SQLITE_FULL):
 * the batch says so, naming the database, and stays resumable; a batch that cannot even be recorded leaves nothing
 * behind that would hold its items.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aFullDiskMidBatchSaysSoAndTheBatchResumesOnceThereIsRoom() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).answerAll(FullDiskTest::longAnswer);

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(1500)); // i0 is saved
        f.fillDisk();
        BatchSnapshot end = f.finish(batch);

        String message = "The disk is full: item i1 could not be saved (database " + f.db.file()
                + "); free some space, then resume the batch.";
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo(message);
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(record.errorMessage()).isEqualTo(message);
        assertThat(record.processedItems()).isEqualTo(1);
        assertThat(record.canResume()).isTrue();
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i1", "i2", "i3", "i4", "i5");
        assertThat(f.versions("i1")).as("nothing of the failed save was kept").isZero();

        f.freeDisk();
        BatchSnapshot resumed = f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ids).allSatisfy(id -> assertThat(f.versions(id)).as("versions of %s", id).isEqualTo(1));
    }

    @Test
    void aBatchThatCannotBeRecordedLeavesNothingThatHoldsItsItems() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(800, QualityTier.BRONZE);
        f.fillDisk();

        assertThatThrownBy(() -> f.start(ids, EngineFixture.options(4)))
                .isInstanceOf(StoreException.class)
                .hasMessage("The disk is full: the batch could not be recorded (database " + f.db.file()
                        + "); free some space and try again.");
        assertThat(count(f, "SELECT COUNT(*) FROM batch_operations")).isZero();
        assertThat(count(f, "SELECT COUNT(*) FROM batch_items")).isZero();

        f.freeDisk();
        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(4)));
        assertThat(end.status()).as("the items were not held").isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(800);
    }

    private static EnhanceResult longAnswer(dev.goldsmith.vault.VaultItem item) {
        return new EnhanceResult.Success("Led " + item.id() + " " + "end to end ".repeat(360), item.tier().next(),
                List.of("delivery"), 0.9, "scripted", new dev.goldsmith.ai.Usage(100, 50), Duration.ZERO);
    }

    private static int count(EngineFixture f, String sql) {
        return f.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
