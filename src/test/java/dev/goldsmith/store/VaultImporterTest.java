package dev.goldsmith.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.vault.ItemField;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class VaultImporterTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private VaultImporter importer;
    private ItemRepository items;

    @BeforeEach
    void open() {
        db = store.fresh(dir, "g.db").open();
        importer = new VaultImporter(db, clock);
        items = new ItemRepository(db, clock);
    }

    static VaultItem item(String id, String content, QualityTier tier, Double score) {
        return new VaultItem(id, "v1", ItemType.POWER_PHRASE, content, tier, List.of("k-" + id), score, null, null);
    }

    static VaultFile file(String name, VaultItem... items) {
        return new VaultFile(new Vault("v1", name, "owner@example.com", null, null), List.of(items));
    }

    @Test
    void importsANewVaultInFileOrder() {
        ImportResult result = importer.importVault(file("Jordan", item("c", "C", QualityTier.GOLD, 0.9),
                item("a", "A", QualityTier.ASSUMED, null), item("b", "B", QualityTier.BRONZE, 0.5)), false);
        assertThat(result).isEqualTo(new ImportResult("v1", "Jordan", true, 3, 0, 0));
        assertThat(items.list("v1")).extracting(VaultItem::id).containsExactly("c", "a", "b");
        assertThat(items.find("v1", "a")).get().satisfies(i -> {
            assertThat(i.createdAt()).isEqualTo(clock.instant());
            assertThat(i.lastUpdatedAt()).isEqualTo(clock.instant());
            assertThat(i.keywords()).containsExactly("k-a");
        });
    }

    @Test
    void refusesAnExistingVaultWithoutMergeAndChangesNothing() {
        importer.importVault(file("Jordan", item("a", "A", QualityTier.BRONZE, 0.5)), false);
        var before = TableSnapshot.of(db);
        assertThatThrownBy(() -> importer.importVault(file("Other", item("b", "B", QualityTier.GOLD, null)), false))
                .isInstanceOf(VaultExistsException.class)
                .hasMessage("A vault with id 'v1' already exists; merge into it to update its items, or import under another id.");
        assertThat(TableSnapshot.of(db)).isEqualTo(before);
    }

    @Test
    void mergeUpsertsByIdKeepsOthersAndRecordsPreviousVersions() {
        importer.importVault(file("Jordan", item("a", "A", QualityTier.BRONZE, 0.5),
                item("b", "B", QualityTier.ASSUMED, 0.3), item("c", "C", QualityTier.SILVER, null)), false);
        ImportResult result = importer.importVault(file("Jordan Lee", item("d", "D new", QualityTier.GOLD, 1.0),
                item("b", "B better", QualityTier.SILVER, 0.8), item("a", "A", QualityTier.BRONZE, 0.5)), true);
        assertThat(result).isEqualTo(new ImportResult("v1", "Jordan Lee", false, 1, 1, 1));
        assertThat(new VaultRepository(db, clock).find("v1")).map(Vault::name).contains("Jordan Lee");
        assertThat(items.list("v1")).extracting(VaultItem::id, VaultItem::content)
                .containsExactly(tuple("a", "A"), tuple("b", "B better"), tuple("c", "C"), tuple("d", "D new"));
        List<List<Object>> versions = TableSnapshot.of(db).get("item_versions");
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0)).contains("b", "B", "assumed", "B better", "silver", "import");
    }

    @Test
    void mergeKeepsTheStoredScoreWhenTheFileHasNone() {
        importer.importVault(file("Jordan", item("a", "A", QualityTier.BRONZE, 0.5)), false);
        ImportResult result = importer.importVault(file("Jordan", item("a", "A", QualityTier.BRONZE, null)), true);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(items.find("v1", "a")).get().extracting(VaultItem::confidenceScore).isEqualTo(0.5);
    }

    @Test
    void mergeKeepsTheTierAndKeywordsAFileLeavesOutAndNewItemsTakeTheDefaults() {
        importer.importVault(file("Jordan", item("a", "A", QualityTier.GOLD, 0.9), item("b", "B", QualityTier.SILVER, 0.4)),
                false);
        VaultItem a = new VaultItem("a", "v1", ItemType.POWER_PHRASE, "A better", QualityTier.ASSUMED, List.of(), null,
                null, null);
        VaultItem b = new VaultItem("b", "v1", ItemType.POWER_PHRASE, "B", QualityTier.ASSUMED, List.of("new"), null,
                null, null);
        VaultItem n = new VaultItem("n", "v1", ItemType.POWER_PHRASE, "N", QualityTier.ASSUMED, List.of(), null,
                null, null);
        Map<String, Set<ItemField>> leftOut = Map.of("a", Set.of(ItemField.QUALITY_TIER, ItemField.KEYWORDS),
                "b", Set.of(ItemField.QUALITY_TIER), "n", Set.of(ItemField.QUALITY_TIER, ItemField.KEYWORDS));
        ImportResult result = importer.importVault(new VaultFile(new Vault("v1", "Jordan", null, null, null),
                List.of(a, b, n), leftOut), true);

        assertThat(result).isEqualTo(new ImportResult("v1", "Jordan", false, 1, 2, 0));
        assertThat(items.list("v1")).extracting(VaultItem::id, VaultItem::content, VaultItem::tier, VaultItem::keywords,
                        VaultItem::confidenceScore)
                .containsExactly(tuple("a", "A better", QualityTier.GOLD, List.of("k-a"), 0.9),
                        tuple("b", "B", QualityTier.SILVER, List.of("new"), 0.4),
                        tuple("n", "N", QualityTier.ASSUMED, List.of(), null));
    }

    @Test
    void aFailureInTheMiddleOfAMergeRollsEverythingBack() throws Exception {
        importer.importVault(file("Jordan", item("a", "A", QualityTier.BRONZE, 0.5), item("b", "B", QualityTier.ASSUMED, null)),
                false);
        db.read(c -> {
            try (Statement s = c.createStatement()) {
                if (store == StoreKind.POSTGRESQL) {
                    s.execute("CREATE FUNCTION refuse_z() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                            + " IF NEW.id = 'z' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$");
                    s.execute("CREATE TRIGGER refuse_z BEFORE INSERT ON vault_items FOR EACH ROW EXECUTE FUNCTION refuse_z()");
                } else {
                    s.execute("CREATE TRIGGER refuse_z BEFORE INSERT ON vault_items WHEN NEW.id = 'z' "
                            + "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
                }
            }
            return null;
        });
        var before = TableSnapshot.of(db);
        List<VaultItem> many = new ArrayList<>();
        many.add(item("a", "A changed", QualityTier.GOLD, 0.9));
        for (int i = 0; i < 50; i++) {
            many.add(item("n" + i, "New " + i, QualityTier.ASSUMED, null));
        }
        many.add(item("z", "Refused", QualityTier.ASSUMED, null));
        VaultFile merge = new VaultFile(new Vault("v1", "Renamed", null, null, null), many);
        assertThatThrownBy(() -> importer.importVault(merge, true)).isInstanceOf(StoreException.class)
                .hasMessageContaining("refused by test");
        assertThat(TableSnapshot.of(db)).isEqualTo(before);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
