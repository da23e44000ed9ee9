package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class DemoVaultTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theBundledFileHasAboutSixtyItemsOfEveryTypeAndTier() {
        VaultFile demo = DemoVault.load();
        assertThat(demo.items()).hasSizeBetween(55, 65);
        assertThat(demo.items()).extracting(VaultItem::type).contains(ItemType.values());
        assertThat(demo.items()).extracting(VaultItem::tier).contains(QualityTier.values());
        assertThat(demo.items().stream().filter(i -> i.tier() == QualityTier.GOLD).count()).isGreaterThanOrEqualTo(5);
        assertThat(demo.items().stream().filter(i -> i.tier().compareTo(QualityTier.BRONZE) <= 0).count())
                .isGreaterThan(demo.items().size() / 2);
    }

    @Test
    void seedsAnEmptyDatabaseOnceOnly() {
        Database db = store.fresh(dir, "g.db").open();
        assertThat(DemoVault.seedIfEmpty(db, clock)).isTrue();
        var after = TableSnapshot.of(db);
        assertThat(DemoVault.seedIfEmpty(db, clock)).isFalse();
        assertThat(TableSnapshot.of(db)).isEqualTo(after);

        List<VaultSummary> vaults = new VaultRepository(db, clock).summaries();
        assertThat(vaults).singleElement().satisfies(s -> {
            assertThat(s.itemCount()).isEqualTo(DemoVault.load().items().size());
            for (QualityTier tier : QualityTier.values()) {
                assertThat(s.count(tier)).isPositive();
            }
            for (ItemType type : ItemType.values()) {
                assertThat(s.count(type)).isPositive();
            }
        });
    }

    @Test
    void leavesADatabaseThatHoldsAnyVaultAlone() {
        Database db = store.fresh(dir, "g.db").open();
        new VaultRepository(db, clock).save(new Vault("mine", "Mine", null, null, null));
        var before = TableSnapshot.of(db);
        assertThat(DemoVault.seedIfEmpty(db, clock)).isFalse();
        assertThat(TableSnapshot.of(db)).isEqualTo(before);
    }
}
