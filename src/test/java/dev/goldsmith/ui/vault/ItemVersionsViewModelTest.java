package dev.goldsmith.ui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.Services;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history panel wired to the workspace as in the window, on a real SQLite file, without the FX toolkit. */
class ItemVersionsViewModelTest {

    @TempDir
    Path dir;

    private Services services;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private VaultWorkspaceViewModel workspace;
    private ItemVersionsViewModel versions;

    @BeforeEach
    void wire() {
        services = TestVaults.jordan(dir);
        Messages messages = Messages.load(Locale.ROOT);
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        workspace = new VaultWorkspaceViewModel(services.vaults(), services.items(), executor, dialogs, messages);
        versions = new ItemVersionsViewModel(services.itemVersions(), executor, dialogs, messages,
                workspace::replaceItem, ZoneOffset.UTC);
        versions.itemProperty().bind(workspace.focusedItemProperty());
        VaultItem pp1 = services.items().find(TestVaults.VAULT, "pp-1").orElseThrow();
        services.itemVersions().writeBack(new VaultItem(pp1.id(), pp1.vaultId(), pp1.type(),
                "Led 5 engineers to ship a billing rewrite 3 weeks early", QualityTier.SILVER,
                List.of("leadership", "delivery"), 0.8, null, null), null, ItemVersion.REASON_BATCH);
        workspace.reload();
    }

    @Test
    void focusingAnItemListsItsVersions() {
        assertThat(versions.titleProperty().get()).isEqualTo("History");
        assertThat(versions.canRevertProperty().get()).isFalse();

        workspace.focusedRowProperty().set(workspace.allItems().get(0));

        assertThat(versions.titleProperty().get()).isEqualTo("History of pp-1");
        assertThat(versions.versions()).singleElement().satisfies(v -> {
            assertThat(v.content()).startsWith("Led a team of 5");
            assertThat(versions.headline(v)).isEqualTo("2026-11-28 10:00 · batch · Bronze → Silver");
        });

        workspace.focusedRowProperty().set(workspace.allItems().get(1));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.placeholderTextProperty().get()).isEqualTo("This item has not been changed yet.");
    }

    @Test
    void revertRestoresThePreviousStateInTheStoreAndTheTable() {
        workspace.focusedRowProperty().set(workspace.allItems().get(0));
        workspace.toggle(workspace.allItems().get(0));
        versions.selectedVersionProperty().set(versions.versions().get(0));
        assertThat(versions.canRevertProperty().get()).isTrue();

        versions.revertSelected();

        assertThat(dialogs.questions).singleElement().asString().contains("pp-1", "Bronze");
        VaultItem stored = services.items().find(TestVaults.VAULT, "pp-1").orElseThrow();
        assertThat(stored.content()).isEqualTo("Led a team of 5 engineers to ship the billing rewrite");
        assertThat(stored.tier()).isEqualTo(QualityTier.BRONZE);
        assertThat(workspace.allItems().get(0).item()).isEqualTo(stored);
        assertThat(workspace.allItems().get(0).isSelected()).isTrue();
        assertThat(workspace.tierBadgeProperty(QualityTier.SILVER).get()).isEqualTo("Silver 1");
        assertThat(versions.versions()).extracting(ItemVersion::reason).containsExactly("revert", "batch");
        assertThat(versions.headline(versions.versions().get(0))).contains("revert", "Silver → Bronze");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void declinedRevertChangesNothing() {
        workspace.focusedRowProperty().set(workspace.allItems().get(0));
        versions.selectedVersionProperty().set(versions.versions().get(0));
        dialogs.answer(false);

        versions.revertSelected();

        assertThat(services.items().find(TestVaults.VAULT, "pp-1").orElseThrow().tier()).isEqualTo(QualityTier.SILVER);
        assertThat(versions.versions()).hasSize(1);
    }

    @Test
    void theNewestVersionsChangeShowsAsAWordDiffUntilAnotherIsChosen() {
        assertThat(versions.diffProperty().getValue()).as("no item, no diff").isNull();
        workspace.focusedRowProperty().set(workspace.allItems().get(0));

        var diff = versions.diffProperty().getValue();
        assertThat(diff.before()).isEqualTo("Led a team of 5 engineers to ship the billing rewrite");
        assertThat(diff.after()).isEqualTo("Led 5 engineers to ship a billing rewrite 3 weeks early");
        assertThat(diff.content()).extracting(r -> r.kind() + ":" + r.text().strip())
                .contains("DELETED:a team of", "INSERTED:3 weeks early");
        assertThat(diff.tier()).isEqualTo("Tier: Bronze → Silver");
        assertThat(diff.keywords()).extracting(r -> r.kind() + ":" + r.text())
                .containsExactly("INSERTED:+ delivery", "EQUAL:, ", "DELETED:− billing", "EQUAL:, ", "EQUAL:leadership");
        assertThat(versions.diffTitle().getValue()).isEqualTo("Change of 2026-11-28 10:00:");

        versions.selectedVersionProperty().set(versions.versions().get(0));
        versions.revertSelected();
        assertThat(versions.diffProperty().getValue().after()).as("the revert is the newest now")
                .isEqualTo("Led a team of 5 engineers to ship the billing rewrite");
        versions.selectedVersionProperty().set(versions.versions().get(1));
        assertThat(versions.diffProperty().getValue().after()).as("the chosen one")
                .isEqualTo("Led 5 engineers to ship a billing rewrite 3 weeks early");
    }
}
