package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An edit that lands while an item's call is in flight is never overwritten: a real {@code import --merge} lands
 * between send and answer (virtual time makes that exact), and the answer is kept as stale instead.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class StaleWriteBackTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void anItemEditedWhileItsCallIsInFlightKeepsTheEditAndFailsWithTheAnswerKept() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).then("i1", Duration.ofSeconds(10), f.provider::success);

        BatchHandle batch = f.start(ids, EngineFixture.options(3));
        f.loop.advance(Duration.ofSeconds(5)); // i1 was sent with its old text and has not been answered yet
        merge(f, item("i1", "Led the project 1 rollout (edited by hand)", QualityTier.BRONZE));
        BatchSnapshot end = f.finish(batch);

        VaultItem i1 = f.items.find(EngineFixture.VAULT, "i1").orElseThrow();
        assertThat(i1.content()).as("the edit survives").isEqualTo("Led the project 1 rollout (edited by hand)");
        assertThat(f.versions("i1")).as("only the import's version: nothing was written over it").isEqualTo(1);
        BatchItemRecord row = f.item(batch.batchId(), "i1");
        assertThat(row.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("Not written: item i1 was changed while its call was in flight (content);"
                + " the answer was kept, and retry-failed sends the item again.");
        assertThat(end.failed()).isEqualTo(1);
        assertThat(end.succeeded()).isEqualTo(2);
        assertThat(f.record(batch.batchId()).failedItems()).isEqualTo(1);
        assertThat(end.recent()).filteredOn(o -> o.itemId().equals("i1")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(ItemStatus.FAILED));

        assertThat(f.service.staleAnswers(batch.batchId())).singleElement().satisfies(kept -> {
            assertThat(kept.itemId()).isEqualTo("i1");
            assertThat(kept.beforeContent()).as("the item as it was sent").isEqualTo("Helped with project 1");
            assertThat(kept.afterContent()).isEqualTo("Improved: Helped with project 1");
            assertThat(kept.afterTier()).isEqualTo(QualityTier.SILVER);
        });

        BatchSnapshot retry = f.finish(f.service.retryFailed(batch.batchId(), UnaryOperator.identity()));
        assertThat(retry.succeeded()).isEqualTo(1);
        assertThat(f.items.find(EngineFixture.VAULT, "i1").orElseThrow().content())
                .as("sent again, from the edited text").isEqualTo("Improved: Led the project 1 rollout (edited by hand)");
    }

    @Test
    void anAnswerNeverLowersATierRaisedMeanwhile() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(10));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofSeconds(5));
        merge(f, item("i0", "Helped with project 0", QualityTier.GOLD));
        f.finish(batch);

        assertThat(f.items.find(EngineFixture.VAULT, "i0").orElseThrow().tier()).isEqualTo(QualityTier.GOLD);
        assertThat(f.item(batch.batchId(), "i0").lastError()).contains("(tier bronze → gold)");
    }

    private static VaultItem item(String id, String content, QualityTier tier) {
        return new VaultItem(id, EngineFixture.VAULT, ItemType.POWER_PHRASE, content, tier, List.of(), null, null, null);
    }

    /** What {@code goldsmith import FILE --merge} does with a file holding this one item. */
    private static void merge(EngineFixture f, VaultItem item) {
        new VaultImporter(f.db, f.clock).importVault(new VaultFile(new Vault(EngineFixture.VAULT, "Test Vault",
                "t@example.com", null, null), List.of(item)), true);
    }
}
