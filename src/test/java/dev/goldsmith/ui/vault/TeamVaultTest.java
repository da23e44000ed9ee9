package dev.goldsmith.ui.vault;

import static dev.goldsmith.ui.TwoConsoles.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TwoConsoles;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two consoles on one store (a shared PostgreSQL database, or one SQLite file): the vault open in one shows, on its
 * next quiet check, the write-backs and items the other made — in place, the editor's checkboxes kept.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TeamVaultTest {

    @Parameter
    StoreKind store;

    @TempDir
    Path dir;

    private TwoConsoles consoles;
    private Services colleague;
    private VaultWorkspaceViewModel vm;

    @BeforeEach
    void twoConsoles() {
        consoles = new TwoConsoles(store, dir, item("a", "Helped with the rollout"), item("b", "Worked on the budget"));
        colleague = consoles.colleague;
        vm = new VaultWorkspaceViewModel(consoles.mine.vaults(), consoles.mine.items(), new SameThreadTaskExecutor(),
                new RecordingDialogService(), Messages.load(Locale.ROOT));
        vm.reload();
    }

    @AfterEach
    void close() {
        consoles.close();
    }

    private ItemRow row(String id) {
        return vm.allItems().stream().filter(r -> r.item().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aWriteBackByAnotherConsoleShowsInPlaceOnTheNextCheck() throws Exception {
        ItemRow b = row("b");
        b.selectedProperty().set(true);
        VaultItem before = row("a").item();

        colleague.batches().start("v1", List.of("a"), new BatchSettings(BatchOptions.defaults(Operation.ENHANCE),
                ProviderSettings.rules())).completion().get(30, TimeUnit.SECONDS);
        assertThat(row("a").item()).as("nothing moves before the check").isEqualTo(before);

        vm.refreshIfChanged();

        VaultItem after = colleague.items().find("v1", "a").orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(row("a").item()).isEqualTo(after);
        assertThat(row("b")).as("the same row, still checked").isSameAs(b);
        assertThat(b.isSelected()).isTrue();
        assertThat(vm.loadingProperty().get()).as("quietly").isFalse();
    }

    @Test
    void anItemThatBecameGoldIsUncheckedWhenItsRowIsReplaced() {
        ItemRow a = row("a");
        ItemRow b = row("b");
        a.selectedProperty().set(true);
        b.selectedProperty().set(true);
        VaultItem now = a.item();
        colleague.items().saveAll("v1", List.of(new VaultItem(now.id(), now.vaultId(), now.type(), "Led the rollout",
                QualityTier.GOLD, now.keywords(), null, null, null), b.item()));

        vm.refreshIfChanged(); // a live write-back (replaceItem) takes the same road

        assertThat(row("a").item().tier()).isEqualTo(QualityTier.GOLD);
        assertThat(a.isSelected()).as("gold now: starting again would only skip it").isFalse();
        assertThat(b.isSelected()).isTrue();
        assertThat(vm.selectedCountProperty().get()).isEqualTo(1);
    }

    @Test
    void anItemAnotherConsoleAddedAppearsAndNothingIsReadAgainWhenNothingChanged() {
        colleague.items().saveAll("v1", List.of(item("a", "Helped with the rollout"), item("b", "Worked on the budget"),
                item("c", "Ran the vendor review")));

        vm.refreshIfChanged();

        assertThat(vm.allItems()).extracting(r -> r.item().id()).containsExactly("a", "b", "c");
        ItemRow c = row("c");
        vm.refreshIfChanged();
        assertThat(row("c")).as("no change: the rows are left as they are").isSameAs(c);
    }
}
