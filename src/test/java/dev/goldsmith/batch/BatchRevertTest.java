package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.review.ReviewService;
import dev.goldsmith.store.BatchRevert;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.TableSnapshot;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reverting a whole batch at once: every write-back undone in one transaction, items edited since left alone. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class BatchRevertTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void everyWriteBackIsRevertedAndAnItemEditedInBetweenIsReportedAndKept() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(4, QualityTier.BRONZE);
        f.addItems("g", 1, QualityTier.GOLD);
        Map<String, VaultItem> original = items(f);
        f.loop.advance(Duration.ofMinutes(1));
        String batch = f.finish(f.start(List.of("i0", "i1", "i2", "i3", "g0"), EngineFixture.options(2))).batchId();
        f.loop.advance(Duration.ofMinutes(1));
        merge(f, new VaultItem("i2", EngineFixture.VAULT, ItemType.POWER_PHRASE, "Shipped project 2 (edited by hand)",
                QualityTier.SILVER, List.of(), null, null, null));
        f.loop.advance(Duration.ofMinutes(1));

        BatchRevert done = f.service.revert(batch);

        assertThat(done.batchId()).isEqualTo(batch);
        assertThat(done.reverted()).containsExactly("i0", "i1", "i3");
        assertThat(done.skipped()).containsExactly(new BatchRevert.Skipped("i2",
                "it was changed after the batch wrote it (content, keywords)"));
        Map<String, VaultItem> now = items(f);
        for (String id : List.of("i0", "i1", "i3")) {
            VaultItem item = now.get(id);
            VaultItem was = original.get(id);
            assertThat(item.content()).isEqualTo(was.content());
            assertThat(item.tier()).isEqualTo(was.tier());
            assertThat(item.keywords()).isEqualTo(was.keywords());
            assertThat(item.lastUpdatedAt()).as("a revert is a write").isEqualTo(f.clock.instant());
            List<ItemVersion> versions = new ItemVersionRepository(f.db, f.clock).list(EngineFixture.VAULT, id);
            assertThat(versions).extracting(ItemVersion::reason).containsExactly("revert", "batch");
            assertThat(versions.get(0).batchOperationId()).as("as the one-item revert records it").isNull();
            assertThat(versions.get(0).content()).startsWith("Improved: ");
        }
        assertThat(now.get("i2").content()).isEqualTo("Shipped project 2 (edited by hand)");
        assertThat(now.get("g0")).as("skipped by the batch, untouched").isEqualTo(original.get("g0"));
        assertThat(f.service.changes(batch)).as("the batch's own write-backs are still its history").hasSize(4);

        var snapshot = TableSnapshot.of(f.db);
        BatchRevert again = f.service.revert(batch);
        assertThat(again.reverted()).isEmpty();
        assertThat(again.skipped()).extracting(BatchRevert.Skipped::reason).containsExactly(
                "it is already as it was before the batch", "it is already as it was before the batch",
                "it was changed after the batch wrote it (content, keywords)",
                "it is already as it was before the batch");
        assertThat(TableSnapshot.of(f.db)).as("a second revert changes nothing").isEqualTo(snapshot);
    }

    @Test
    void acceptedProposalsAreRevertedPendingOnesAreNotWriteBacks() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(2, QualityTier.BRONZE);
        String batch = f.finish(f.start(List.of("i0", "i1"), ReviewModeTest.review(2))).batchId();
        new ReviewService(f.db, f.clock).accept(batch, List.of("i0"));
        f.loop.advance(Duration.ofSeconds(1));

        BatchRevert done = f.service.revert(batch);

        assertThat(done.reverted()).containsExactly("i0");
        assertThat(done.skipped()).isEmpty();
        assertThat(f.items.find(EngineFixture.VAULT, "i0").orElseThrow().content()).isEqualTo("Helped with project 0");
        assertThat(new ReviewService(f.db, f.clock).pendingItemIdsOfBatch(batch)).containsExactly("i1");
    }

    @Test
    void aRunningOrUnknownBatchIsRefusedAndNothingChanges() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));
        BatchHandle running = f.start(List.of("i0", "i1", "i2"), EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(1500)); // i0 written, i1 in flight
        var snapshot = TableSnapshot.of(f.db);

        assertThatThrownBy(() -> f.service.revert(running.batchId())).isInstanceOf(BatchRequestException.class)
                .hasMessage("Batch " + running.batchId() + " is processing; wait for it to end, or cancel it, before"
                        + " reverting it.");
        assertThatThrownBy(() -> f.service.revert("nope"))
                .hasMessage("No batch with id 'nope'; run 'goldsmith history' to list them.");
        assertThat(TableSnapshot.of(f.db)).isEqualTo(snapshot);
        f.finish(running);
    }

    private static Map<String, VaultItem> items(EngineFixture f) {
        return f.items.list(EngineFixture.VAULT).stream().collect(Collectors.toMap(VaultItem::id, Function.identity()));
    }

    private static void merge(EngineFixture f, VaultItem item) {
        new VaultImporter(f.db, f.clock).importVault(new VaultFile(new Vault(EngineFixture.VAULT, "Test Vault",
                "t@example.com", null, null), List.of(item)), true);
    }
}
