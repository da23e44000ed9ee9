package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ItemVersionRepositoryTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private ItemRepository items;
    private ItemVersionRepository versions;

    @BeforeEach
    void openStore() {
        db = store.fresh(dir, "g.db").open();
        items = new ItemRepository(db, clock);
        versions = new ItemVersionRepository(db, clock);
        new VaultRepository(db, clock).save(new Vault("v1", "Jordan", null, null, null));
        items.saveAll("v1", List.of(new VaultItem("a", "v1", ItemType.POWER_PHRASE, "Helped with sales",
                QualityTier.BRONZE, List.of("sales"), 0.4, null, null)));
        db.inTransaction(c -> c.createStatement().executeUpdate(
                "INSERT INTO batch_operations (id, vault_id, operation_type, status, created_at, updated_at)"
                        + " VALUES ('batch-1', 'v1', 'enhance', 'completed', '2026-11-28T09:00Z', '2026-11-28T09:00Z')"));
    }

    @Test
    void aWriteBackKeepsThePreviousAndNewState() {
        VaultItem stored = versions.writeBack(enhanced(), "batch-1", ItemVersion.REASON_BATCH);

        assertThat(stored.content()).isEqualTo("Grew regional sales 18% in two quarters");
        List<ItemVersion> history = versions.list("v1", "a");
        assertThat(history).singleElement().satisfies(v -> {
            assertThat(v.batchOperationId()).isEqualTo("batch-1");
            assertThat(v.content()).isEqualTo("Helped with sales");
            assertThat(v.tier()).isEqualTo(QualityTier.BRONZE);
            assertThat(v.keywords()).containsExactly("sales");
            assertThat(v.newTier()).isEqualTo(QualityTier.SILVER);
            assertThat(v.newKeywords()).containsExactly("sales", "growth");
            assertThat(v.reason()).isEqualTo("batch");
            assertThat(v.createdAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void revertRestoresThePreviousStateAndRecordsTheRevert() {
        versions.writeBack(enhanced(), "batch-1", ItemVersion.REASON_BATCH);
        long batchVersion = versions.list("v1", "a").get(0).id();

        VaultItem restored = versions.revert(batchVersion);

        assertThat(restored.content()).isEqualTo("Helped with sales");
        assertThat(restored.tier()).isEqualTo(QualityTier.BRONZE);
        assertThat(restored.keywords()).containsExactly("sales");
        assertThat(restored.confidenceScore()).isEqualTo(0.4);
        assertThat(items.find("v1", "a")).contains(restored);
        List<ItemVersion> history = versions.list("v1", "a");
        assertThat(history).extracting(ItemVersion::reason).containsExactly("revert", "batch");
        ItemVersion revert = history.get(0);
        assertThat(revert.batchOperationId()).isNull();
        assertThat(revert.content()).isEqualTo("Grew regional sales 18% in two quarters");
        assertThat(revert.newContent()).isEqualTo("Helped with sales");
        assertThat(revert.newTier()).isEqualTo(QualityTier.BRONZE);
    }

    @Test
    void revertOfAMissingVersionChangesNothing() {
        assertThatThrownBy(() -> versions.revert(999)).isInstanceOf(StoreException.class).hasMessageContaining("999");
        assertThat(versions.list("v1", "a")).isEmpty();
        assertThat(items.find("v1", "a")).map(VaultItem::content).contains("Helped with sales");
    }

    private static VaultItem enhanced() {
        return new VaultItem("a", "v1", ItemType.POWER_PHRASE, "Grew regional sales 18% in two quarters",
                QualityTier.SILVER, List.of("sales", "growth"), 0.8, null, null);
    }
}
