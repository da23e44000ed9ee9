package dev.goldsmith.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's view model on a real SQLite file, without the FX toolkit. */
class VaultWorkspaceViewModelTest {

    @TempDir
    Path dir;

    private Services services;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private VaultWorkspaceViewModel vm;

    @BeforeEach
    void load() {
        services = TestVaults.jordan(dir);
        vm = new VaultWorkspaceViewModel(services.vaults(), services.items(), new SameThreadTaskExecutor(), dialogs,
                Messages.load(Locale.ROOT));
        vm.reload();
    }

    @Test
    void showsTheFirstVaultWithItsItemsAndCounts() {
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.vaults()).extracting(s -> s.vault().name()).containsExactly("Jordan Lee", "Zed Empty");
        assertThat(vm.selectedVaultProperty().get().vault().id()).isEqualTo(TestVaults.VAULT);
        assertThat(visibleIds()).containsExactly("pp-1", "pp-2", "pp-3", "ts-1", "ts-2", "hc-1");
        assertThat(vm.tierBadgeProperty(QualityTier.GOLD).get()).isEqualTo("Gold 2");
        assertThat(vm.tierBadgeProperty(QualityTier.SILVER).get()).isEqualTo("Silver 1");
        assertThat(vm.typeSummaryProperty().get()).contains("Power phrase 3", "Transferable skill 2", "Hidden competency 1");
        assertThat(vm.shownTextProperty().get()).startsWith("Showing 6 of 6 items");
        assertThat(vm.selectionTextProperty().get()).isEqualTo("0 selected");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void searchMatchesContentAndKeywordsIgnoringCase() {
        vm.filters().searchTextProperty().set("PYTHON");
        assertThat(visibleIds()).containsExactly("pp-3", "ts-2");

        vm.filters().searchTextProperty().set("  team   billing ");
        assertThat(visibleIds()).containsExactly("pp-1");

        vm.filters().searchTextProperty().set("nothing like this");
        assertThat(visibleIds()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("No items match the search and filters.");
        assertThat(vm.shownTextProperty().get()).startsWith("Showing 0 of 6 items");
    }

    @Test
    void typeAndTierFiltersCombineWithTheSearch() {
        vm.filters().filterByType(ItemType.POWER_PHRASE);
        assertThat(visibleIds()).containsExactly("pp-1", "pp-2", "pp-3");

        vm.filters().filterByTier(QualityTier.GOLD);
        assertThat(visibleIds()).containsExactly("pp-2");

        vm.filters().filterByType(null);
        assertThat(visibleIds()).containsExactly("pp-2", "ts-2");

        vm.filters().searchTextProperty().set("mentor");
        assertThat(visibleIds()).containsExactly("ts-2");
        assertThat(vm.filters().typeProperty().get().label()).isEqualTo("All types");
    }

    @Test
    void checkingRowsDoesNotChurnASortedTableButTheCountFollows() {
        javafx.collections.transformation.SortedList<ItemRow> sorted = new javafx.collections.transformation.SortedList<>(
                vm.visibleItems(), java.util.Comparator.comparing((ItemRow r) -> r.item().content()));
        int[] changes = new int[1];
        sorted.addListener((javafx.collections.ListChangeListener<ItemRow>) c -> changes[0]++);

        vm.selectAllNotGold();
        vm.toggle(sorted.get(0));

        assertThat(changes[0]).as("list updates from checkboxes").isZero();
        assertThat(vm.selectedCountProperty().get()).isEqualTo(3);
    }

    @Test
    void selectAllNotGoldChecksTheVisibleItemsBelowGold() {
        vm.allItems().get(1).selectedProperty().set(true); // pp-2, gold

        vm.selectAllNotGold();

        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("pp-1", "pp-3", "ts-1", "hc-1");
        assertThat(vm.selectionProperty().get().vaultId()).isEqualTo(TestVaults.VAULT);
        assertThat(vm.selectedCountProperty().get()).isEqualTo(4);
        assertThat(vm.selectionTextProperty().get()).isEqualTo("4 selected");
    }

    @Test
    void selectAllNotGoldLeavesHiddenRowsAlone() {
        vm.filters().filterByType(ItemType.TRANSFERABLE_SKILL);
        vm.selectAllNotGold();
        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("ts-1");

        vm.filters().filterByType(ItemType.HIDDEN_COMPETENCY);
        vm.selectAllVisible();
        vm.filters().filterByType(null);
        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("ts-1", "hc-1");

        vm.clearSelection();
        assertThat(vm.selectionProperty().get().isEmpty()).isTrue();
        assertThat(vm.selectionTextProperty().get()).isEqualTo("0 selected");
    }

    @Test
    void toggleAndCheckboxesKeepTheCountLive() {
        ItemRow first = vm.visibleItems().get(0);
        vm.toggle(first);
        vm.visibleItems().get(3).selectedProperty().set(true);
        assertThat(vm.selectionTextProperty().get()).isEqualTo("2 selected");

        vm.toggle(first);
        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("ts-1");
    }

    @Test
    void reloadKeepsTheVaultAndItsCheckedItems() {
        vm.toggle(vm.visibleItems().get(0));
        services.items().saveAll(TestVaults.VAULT, List.of(new VaultItem("pp-4", TestVaults.VAULT,
                ItemType.POWER_PHRASE, "Wrote the on-call handbook", QualityTier.SILVER, List.of(), null, null, null)));

        vm.reload();

        assertThat(vm.allItems()).hasSize(7);
        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("pp-1");
    }

    @Test
    void afterABatchTheItemsNowGoldAreNoLongerChecked() {
        vm.selectAllNotGold(); // pp-1, pp-3, ts-1, hc-1
        VaultItem ts1 = services.items().find(TestVaults.VAULT, "ts-1").orElseThrow();
        VaultItem pp1 = services.items().find(TestVaults.VAULT, "pp-1").orElseThrow();
        services.items().saveAll(TestVaults.VAULT, List.of(
                new VaultItem(ts1.id(), ts1.vaultId(), ts1.type(), "Led stakeholder communication", QualityTier.GOLD,
                        ts1.keywords(), 0.9, ts1.createdAt(), null),
                new VaultItem(pp1.id(), pp1.vaultId(), pp1.type(), "Led 5 engineers", QualityTier.SILVER,
                        pp1.keywords(), 0.8, pp1.createdAt(), null)));
        vm.toggle(vm.allItems().get(1)); // pp-2, gold already: checked on purpose, it stays checked

        vm.reload(); // what the window does when a batch ended

        assertThat(vm.selectionProperty().get().itemIds()).containsExactly("pp-1", "pp-2", "pp-3", "hc-1");
        assertThat(vm.selectionTextProperty().get()).isEqualTo("4 selected");
    }

    @Test
    void aRestartOpensTheVaultThatWasOpenAndHearsWhichIsOpened() {
        List<String> opened = new java.util.ArrayList<>();
        VaultWorkspaceViewModel again = new VaultWorkspaceViewModel(services.vaults(), services.items(),
                new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT));
        again.rememberVault("v-empty", opened::add);

        again.reload();

        assertThat(again.selectedVaultProperty().get().vault().id()).isEqualTo("v-empty");
        again.selectedVaultProperty().set(again.vaults().get(0));
        assertThat(opened).containsExactly("v-empty", TestVaults.VAULT);

        VaultWorkspaceViewModel gone = new VaultWorkspaceViewModel(services.vaults(), services.items(),
                new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT));
        gone.rememberVault("v-deleted", id -> { });
        gone.reload();
        assertThat(gone.selectedVaultProperty().get().vault().id()).as("a vault that is gone: the first")
                .isEqualTo(TestVaults.VAULT);
    }

    @Test
    void choosingAnotherVaultShowsItsItemsAndDropsTheSelection() {
        vm.selectAllNotGold();

        vm.selectedVaultProperty().set(vm.vaults().get(1));

        assertThat(vm.allItems()).isEmpty();
        assertThat(vm.selectionProperty().get().vaultId()).isEqualTo("v-empty");
        assertThat(vm.selectionProperty().get().isEmpty()).isTrue();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("This vault has no items.");
        assertThat(vm.tierBadgeProperty(QualityTier.GOLD).get()).isEqualTo("Gold 0");
    }

    @Test
    void replacingAnItemUpdatesItsRowAndTheCountsAndUnchecksItOnceGold() {
        VaultItem pp1 = vm.allItems().get(0).item();
        vm.toggle(vm.allItems().get(0));

        vm.replaceItem(new VaultItem(pp1.id(), pp1.vaultId(), pp1.type(), "Led 5 engineers", QualityTier.GOLD,
                pp1.keywords(), 0.9, pp1.createdAt(), pp1.lastUpdatedAt()));

        assertThat(vm.allItems().get(0).item().content()).isEqualTo("Led 5 engineers");
        assertThat(vm.allItems().get(0).isSelected()).as("gold now: starting again would only skip it").isFalse();
        assertThat(vm.tierBadgeProperty(QualityTier.GOLD).get()).isEqualTo("Gold 3");

        VaultItem pp2 = vm.allItems().get(1).item();
        vm.toggle(vm.allItems().get(1));
        vm.replaceItem(new VaultItem(pp2.id(), pp2.vaultId(), pp2.type(), "Ran weekly reporting", QualityTier.SILVER,
                pp2.keywords(), 0.9, pp2.createdAt(), pp2.lastUpdatedAt()));
        assertThat(vm.allItems().get(1).isSelected()).as("a row below gold keeps its checkbox").isTrue();
    }

    @Test
    void changedByABatchAndPendingReviewNarrowTheTableToWhatTheBatchesDid() throws Exception {
        services.vaultImporter().importVault(dev.goldsmith.store.DemoVault.load(), false);
        run("v-maya", false, "pp-1", "pp-2");
        String review = run("v-maya", true, "pp-3", "pp-4");
        vm = new VaultWorkspaceViewModel(services.vaults(), services.items(),
                id -> ItemMarks.read(services.batches(), services.reviews(), id), new SameThreadTaskExecutor(), dialogs,
                Messages.load(Locale.ROOT));
        vm.reload();
        vm.selectedVaultProperty().set(vm.vaults().stream().filter(v -> v.vault().id().equals("v-maya")).findFirst()
                .orElseThrow());
        int all = vm.visibleItems().size();
        assertThat(vm.filters().markChoices()).extracting(Object::toString)
                .containsExactly("Any state", "Changed", "Pending review");

        vm.filters().filterByMark(ItemMarks.Mark.CHANGED);
        assertThat(visibleIds()).containsExactly("pp-1", "pp-2");
        vm.filters().filterByMark(ItemMarks.Mark.PENDING_REVIEW);
        assertThat(visibleIds()).containsExactly("pp-3", "pp-4");
        vm.filters().searchTextProperty().set(services.items().find("v-maya", "pp-4").orElseThrow().content());
        assertThat(visibleIds()).as("with the search too").containsExactly("pp-4");
        vm.filters().searchTextProperty().set("");

        services.reviews().accept(review, List.of("pp-3"));
        vm.reload();
        assertThat(visibleIds()).as("read again with the items").containsExactly("pp-4");
        vm.filters().filterByMark(ItemMarks.Mark.CHANGED);
        assertThat(visibleIds()).containsExactly("pp-1", "pp-2", "pp-3");
        vm.filters().filterByMark(null);
        assertThat(vm.visibleItems()).hasSize(all);
    }

    private String run(String vault, boolean review, String... ids) throws Exception {
        var settings = new dev.goldsmith.batch.BatchSettings(dev.goldsmith.batch.BatchOptions
                .defaults(dev.goldsmith.ai.Operation.ENHANCE).withReview(review), dev.goldsmith.ai.ProviderSettings.rules());
        var handle = services.batches().start(vault, List.of(ids), settings);
        handle.completion().get(20, java.util.concurrent.TimeUnit.SECONDS);
        return handle.batchId();
    }

    private List<String> visibleIds() {
        return vm.visibleItems().stream().map(r -> r.item().id()).toList();
    }
}
