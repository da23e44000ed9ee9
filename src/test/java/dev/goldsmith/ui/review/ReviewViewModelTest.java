package dev.goldsmith.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.review.ReviewCounts;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Review tab's queue, navigation, counts and decisions on real review batches, without the FX toolkit. */
class ReviewViewModelTest {

    @TempDir
    Path dir;

    private ReviewFixture f;
    private String batch;

    @BeforeEach
    void open() throws Exception {
        f = new ReviewFixture(dir);
        batch = f.reviewBatch("pp-1", "pp-2", "pp-3", "pp-4", "pp-5", "pp-7"); // pp-7 is gold: skipped, no proposal
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theQueueHoldsTheBatchsPendingProposalsInItsOrderWithTheFirstFocused() {
        f.review.reload();

        assertThat(f.queueIds()).containsExactly("pp-1", "pp-2", "pp-3", "pp-4", "pp-5");
        assertThat(f.currentId()).isEqualTo("pp-1");
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(5, 0, 0, 0));
        assertThat(f.review.countsText().get()).isEqualTo("5 pending · 0 accepted · 0 rejected · 0 stale");
        assertThat(f.review.tabTitle().get()).isEqualTo("Review (5)");
        assertThat(f.review.batchChoices()).extracting(c -> c.value()).containsExactly(null, batch);
        assertThat(f.review.batchChoices().get(1).label()).startsWith(batch.substring(0, 8) + " · Maya");
        DiffPresentation diff = f.review.diffProperty().getValue();
        assertThat(diff.before()).isEqualTo("Helped with the rollout of a new order management system.");
        assertThat(diff.after()).isEqualTo(f.services.reviews().find(batch, "pp-1").orElseThrow().after().content());
        assertThat(diff.tier()).isEqualTo("Tier: Assumed → Bronze");
        assertThat(f.review.canAcceptProperty().get()).isTrue();
        assertThat(f.review.noteProperty().get()).isEmpty();
    }

    @Test
    void nextAndPreviousWalkTheQueueAndStopAtItsEnds() {
        f.review.reload();

        f.review.previous();
        assertThat(f.currentId()).as("already first").isEqualTo("pp-1");
        f.review.next();
        f.review.next();
        assertThat(f.currentId()).isEqualTo("pp-3");
        f.review.previous();
        assertThat(f.currentId()).isEqualTo("pp-2");
        for (int i = 0; i < 10; i++) {
            f.review.next();
        }
        assertThat(f.currentId()).as("stays on the last").isEqualTo("pp-5");
    }

    @Test
    void acceptWritesTheProposalToItsItemAndFocusesTheNextPendingOne() {
        f.review.reload();
        Proposal proposal = f.services.reviews().find(batch, "pp-1").orElseThrow();

        f.review.accept();

        VaultItem item = f.item("pp-1");
        assertThat(item.content()).isEqualTo(proposal.after().content());
        assertThat(item.tier()).isEqualTo(proposal.after().tier());
        assertThat(f.services.itemVersions().list(ReviewFixture.VAULT, "pp-1")).extracting(ItemVersion::batchOperationId)
                .containsExactly(batch);
        assertThat(f.currentId()).isEqualTo("pp-2");
        assertThat(f.queueIds()).as("a decided one stays in the queue until it is loaded again").hasSize(5);
        assertThat(f.review.queue().get(0).proposal().status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(4, 1, 0, 0));
        assertThat(f.review.feedbackProperty().get()).isEqualTo("pp-1 accepted: written to the item.");
        assertThat(f.review.tabTitle().get()).isEqualTo("Review (4)");
        assertThat(f.itemsChanged).as("the workspace is told").isEqualTo(1);

        f.review.previous();
        assertThat(f.review.canAcceptProperty().get()).as("decided already").isFalse();
        assertThat(f.review.canRejectProperty().get()).isFalse();
        assertThat(f.review.noteProperty().get()).startsWith("Accepted 2026-11-28 10:01: written to the item.");
        f.review.accept();
        assertThat(f.services.itemVersions().list(ReviewFixture.VAULT, "pp-1")).as("not written twice").hasSize(1);

        f.review.reload();
        assertThat(f.queueIds()).as("loaded again: only the pending ones").containsExactly("pp-2", "pp-3", "pp-4", "pp-5");
        f.review.showDecidedProperty().set(true);
        assertThat(f.queueIds()).containsExactly("pp-1", "pp-2", "pp-3", "pp-4", "pp-5");
    }

    @Test
    void rejectKeepsTheItemAndAfterTheLastDecisionFocusGoesBackToAnEarlierPendingOne() {
        f.review.reload();
        VaultItem before = f.item("pp-5");
        for (int i = 0; i < 4; i++) {
            f.review.next();
        }
        assertThat(f.currentId()).isEqualTo("pp-5");

        f.review.reject();

        assertThat(f.item("pp-5")).isEqualTo(before);
        assertThat(f.services.itemVersions().list(ReviewFixture.VAULT, "pp-5")).isEmpty();
        assertThat(f.services.reviews().find(batch, "pp-5").orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(f.currentId()).as("none after it: the first pending one").isEqualTo("pp-1");
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(4, 0, 1, 0));
        assertThat(f.review.feedbackProperty().get()).isEqualTo("pp-5 rejected: the item stays as it was.");
        assertThat(f.itemsChanged).isZero();
    }

    @Test
    void theKeyboardAloneDecidesAWholeQueueAndSaysWhenItIsDone() {
        f.review.reload();

        f.review.accept();   // pp-1
        f.review.reject();   // pp-2
        f.review.accept();   // pp-3
        f.review.accept();   // pp-4
        f.review.accept();   // pp-5

        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(0, 4, 1, 0));
        assertThat(f.review.feedbackProperty().get())
                .isEqualTo("pp-5 accepted: written to the item. Every proposal here is decided.");
        assertThat(f.currentId()).as("stays on the last decided").isEqualTo("pp-5");
        assertThat(f.review.canAcceptAllProperty().get()).isFalse();
        f.review.reload();
        assertThat(f.review.queue()).isEmpty();
        assertThat(f.review.placeholderText().get()).startsWith("Every proposal here is decided.");
        assertThat(f.review.tabTitle().get()).isEqualTo("Review");
    }

    @Test
    void aStaleProposalSaysWhyCannotBeAcceptedAndIsSetAsideByReject() {
        f.editItem("pp-2", "Ran weekly reporting for the leadership team.");
        f.review.reload();
        f.review.next();
        assertThat(f.currentId()).isEqualTo("pp-2");
        assertThat(f.review.currentProperty().get().proposal().status()).isEqualTo(ProposalStatus.STALE);

        assertThat(f.review.noteProperty().get()).isEqualTo("Stale: pp-2 was changed after this proposal was made"
                + " (content). It cannot be accepted; R sets it aside.");
        assertThat(f.review.canAcceptProperty().get()).isFalse();
        assertThat(f.review.canEditProperty().get()).isFalse();
        assertThat(f.review.canRejectProperty().get()).isTrue();
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(4, 0, 0, 1));
        f.review.accept();
        assertThat(f.item("pp-2").content()).as("never applied").isEqualTo("Ran weekly reporting for the leadership team.");
        assertThat(f.currentId()).isEqualTo("pp-2");

        f.review.reject();

        assertThat(f.item("pp-2").content()).isEqualTo("Ran weekly reporting for the leadership team.");
        assertThat(f.review.feedbackProperty().get()).isEqualTo("pp-2 is stale (its item changed since): set aside, nothing written.");
        assertThat(f.currentId()).isEqualTo("pp-3");
        f.review.reload();
        assertThat(f.queueIds()).as("set aside: no longer waiting").containsExactly("pp-1", "pp-3", "pp-4", "pp-5");
    }

    @Test
    void anAcceptTheStoreRefusesBecauseTheItemChangedMeanwhileComesBackStaleWithTheReason() {
        f.review.reload();
        f.editItem("pp-1", "Rolled out a new order management system."); // after the queue was loaded

        f.review.accept();

        assertThat(f.item("pp-1").content()).isEqualTo("Rolled out a new order management system.");
        ProposalRow row = f.review.queue().get(0);
        assertThat(row.proposal().status()).isEqualTo(ProposalStatus.STALE);
        assertThat(row.isDeciding()).isFalse();
        assertThat(f.review.feedbackProperty().get()).startsWith("Item 'pp-1' was changed after its proposal was made")
                .endsWith("nothing was accepted.");
        assertThat(f.dialogs.errors).as("a refusal is not an error box").isEmpty();
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(4, 0, 0, 1));
    }

    @Test
    void editAcceptsTheEditorsTextWithTheProposedTierAndARefusedTextKeepsTheEditorOpen() {
        f.review.reload();
        f.review.next(); // pp-2
        Proposal proposal = f.services.reviews().find(batch, "pp-2").orElseThrow();

        f.review.edit();
        assertThat(f.review.editingProperty().get()).isTrue();
        assertThat(f.review.editTextProperty().get()).isEqualTo(proposal.after().content());
        assertThat(f.review.canAcceptProperty().get()).as("not while editing").isFalse();
        f.review.next();
        assertThat(f.currentId()).as("the keys do not move away while editing").isEqualTo("pp-2");

        f.review.editTextProperty().set("   ");
        f.review.acceptEdit();
        assertThat(f.review.editingProperty().get()).isTrue();
        assertThat(f.review.editErrorProperty().get()).startsWith("The edited text for item 'pp-2' is empty");
        assertThat(f.services.itemVersions().list(ReviewFixture.VAULT, "pp-2")).isEmpty();

        f.review.editTextProperty().set("Owned weekly reporting to the leadership team.");
        f.review.acceptEdit();

        assertThat(f.review.editingProperty().get()).isFalse();
        VaultItem item = f.item("pp-2");
        assertThat(item.content()).isEqualTo("Owned weekly reporting to the leadership team.");
        assertThat(item.tier()).isEqualTo(proposal.after().tier());
        assertThat(f.services.reviews().find(batch, "pp-2").orElseThrow().editedContent())
                .isEqualTo("Owned weekly reporting to the leadership team.");
        assertThat(f.review.feedbackProperty().get()).isEqualTo("pp-2 accepted with your text.");
        assertThat(f.currentId()).isEqualTo("pp-3");

        f.review.edit();
        f.review.cancelEdit();
        assertThat(f.review.editingProperty().get()).isFalse();
        assertThat(f.services.reviews().find(batch, "pp-3").orElseThrow().status()).isEqualTo(ProposalStatus.PROPOSED);
        f.review.previous();
        assertThat(f.review.diffProperty().getValue().after()).as("the diff shows what was written")
                .isEqualTo("Owned weekly reporting to the leadership team.");
    }

    @Test
    void acceptAllAsksFirstThenSkipsAndReportsTheStaleOnes() {
        f.editItem("pp-4", "Led vendor negotiations for warehouse software.");
        f.review.reload();

        f.dialogs.answer(false);
        f.review.acceptAll();
        assertThat(f.dialogs.questions).singleElement().asString().isEqualTo("Accept all pending proposals?: All 4 pending"
                + " proposals of 1 batch will be written to their items."
                + " Proposals whose item changed since are skipped and listed.");
        assertThat(f.services.itemVersions().list(ReviewFixture.VAULT, "pp-1")).as("said no").isEmpty();

        f.review.acceptAll();

        assertThat(f.dialogs.infos).singleElement().asString().isEqualTo("Proposals accepted: 4 proposals were accepted."
                + " 1 stale proposal was skipped, because its item changed after it was made: pp-4.");
        for (String id : List.of("pp-1", "pp-2", "pp-3", "pp-5")) {
            assertThat(f.services.reviews().find(batch, id).orElseThrow().status()).as(id).isEqualTo(ProposalStatus.ACCEPTED);
        }
        assertThat(f.item("pp-4").content()).isEqualTo("Led vendor negotiations for warehouse software.");
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(0, 4, 0, 1));
        assertThat(f.review.queue()).as("loaded again: nothing waits").isEmpty();
        assertThat(f.itemsChanged).isEqualTo(1);
    }

    @Test
    void theBatchChooserScopesTheQueueAndItsCountsWhileTheTabCountsEveryBatch() throws Exception {
        String second = f.reviewBatch("pp-8", "pp-9");
        f.review.reload();
        assertThat(f.queueIds()).as("all batches, oldest first").containsExactly("pp-1", "pp-2", "pp-3", "pp-4", "pp-5",
                "pp-8", "pp-9");
        assertThat(f.review.batchChoices()).extracting(c -> c.value()).containsExactly(null, second, batch);

        f.review.chooseBatch(second);

        assertThat(f.queueIds()).containsExactly("pp-8", "pp-9");
        assertThat(f.currentId()).isEqualTo("pp-8");
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(2, 0, 0, 0));
        f.review.acceptAll();
        assertThat(f.dialogs.questions).singleElement().asString().contains("All 2 pending proposals of batch "
                + second.substring(0, 8));
        assertThat(f.services.reviews().find(batch, "pp-1").orElseThrow().status()).as("the other batch is untouched")
                .isEqualTo(ProposalStatus.PROPOSED);
        assertThat(f.review.batchProperty().get().value()).as("kept after the reload").isEqualTo(second);
        assertThat(f.review.tabTitle().get()).isEqualTo("Review (5)");
        f.review.chooseBatch(null);
        assertThat(f.review.countsProperty().get()).isEqualTo(new ReviewCounts(5, 2, 0, 0));
    }
}
