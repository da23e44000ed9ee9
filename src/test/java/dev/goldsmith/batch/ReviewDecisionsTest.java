package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.review.Decision;
import dev.goldsmith.review.ReviewCounts;
import dev.goldsmith.review.ReviewRequestException;
import dev.goldsmith.review.ReviewService;
import dev.goldsmith.store.ItemVersionRepository;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ProposalStatus;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deciding proposals made by a real review batch: accept, reject, accept with edits, stale ones, whole batches. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ReviewDecisionsTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    EngineFixture f;
    ReviewService reviews;
    String batch;

    @BeforeEach
    void runAReviewBatch() {
        f = new EngineFixture(dir, store);
        f.addItems(3, QualityTier.BRONZE);
        reviews = new ReviewService(f.db, f.clock);
        f.loop.advance(Duration.ofMinutes(1));
        batch = f.finish(f.start(List.of("i0", "i1", "i2"), ReviewModeTest.review(3))).batchId();
        f.loop.advance(Duration.ofMinutes(1)); // decisions come later than the proposals
    }

    @Test
    void anAcceptWritesTheProposalBackWithItsVersionRowAsADirectWriteBackWould() {
        VaultItem before = item("i1");

        Decision d = reviews.accept(batch, List.of("i1"));

        assertThat(d).isEqualTo(new Decision(batch, List.of("i1"), List.of(), List.of()));
        VaultItem after = item("i1");
        assertThat(after.content()).isEqualTo("Improved: Helped with project 1");
        assertThat(after.tier()).isEqualTo(QualityTier.SILVER);
        assertThat(after.keywords()).containsExactly("kw-i1");
        assertThat(after.confidenceScore()).isEqualTo(0.9);
        assertThat(after.lastUpdatedAt()).isEqualTo(f.clock.instant());
        List<ItemVersion> versions = new ItemVersionRepository(f.db, f.clock).list(EngineFixture.VAULT, "i1");
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.batchOperationId()).as("the batch id is kept").isEqualTo(batch);
            assertThat(v.reason()).isEqualTo(ItemVersion.REASON_BATCH);
            assertThat(v.content()).isEqualTo(before.content());
            assertThat(v.newContent()).isEqualTo(after.content());
        });
        assertThat(f.service.changes(batch)).extracting(ItemChange::itemId).containsExactly("i1");
        assertThat(f.service.changedItemIds(batch)).containsExactly("i1");
        Proposal p = reviews.find(batch, "i1").orElseThrow();
        assertThat(p.status()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(p.decidedAt()).isEqualTo(f.clock.instant());
        assertThat(f.versions("i0")).as("the others are still waiting").isZero();
        assertThat(reviews.pendingItemIdsOfBatch(batch)).containsExactly("i0", "i2");
        assertThat(reviews.pendingItemIds(EngineFixture.VAULT)).containsExactly("i0", "i2");
        assertThat(reviews.counts(ProposalQuery.ofBatch(batch))).isEqualTo(new ReviewCounts(2, 1, 0, 0));
    }

    @Test
    void aRejectKeepsTheItemAndCannotBeDecidedTwice() {
        VaultItem before = item("i0");

        Decision d = reviews.reject(batch, List.of("i0"));

        assertThat(d.rejected()).containsExactly("i0");
        assertThat(item("i0")).isEqualTo(before);
        assertThat(f.versions("i0")).isZero();
        assertThat(reviews.find(batch, "i0").orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThatThrownBy(() -> reviews.accept(batch, List.of("i0"))).isInstanceOf(ReviewRequestException.class)
                .hasMessage("The proposal for item 'i0' of batch " + batch + " is rejected already; nothing was accepted.");
        assertThat(item("i0")).isEqualTo(before);
    }

    @Test
    void anEditorsTextIsAcceptedInsteadOfTheProposedOneAndRecordedInTheVersion() {
        Decision d = reviews.acceptEdited(batch, "i2", "  Led project 2 from pilot to launch \n");

        assertThat(d.accepted()).containsExactly("i2");
        VaultItem after = item("i2");
        assertThat(after.content()).isEqualTo("Led project 2 from pilot to launch");
        assertThat(after.tier()).as("tier and keywords as proposed").isEqualTo(QualityTier.SILVER);
        assertThat(after.keywords()).containsExactly("kw-i2");
        assertThat(new ItemVersionRepository(f.db, f.clock).list(EngineFixture.VAULT, "i2")).singleElement()
                .satisfies(v -> assertThat(v.newContent()).isEqualTo("Led project 2 from pilot to launch"));
        Proposal p = reviews.find(batch, "i2").orElseThrow();
        assertThat(p.after().content()).as("the proposal as it was made").isEqualTo("Improved: Helped with project 2");
        assertThat(p.written().content()).isEqualTo("Led project 2 from pilot to launch");
    }

    @Test
    void anEditedTextIsCheckedLikeAnAnswerAndARefusedOneChangesNothing() {
        var snapshot = TableSnapshot.of(f.db);

        assertThatThrownBy(() -> reviews.acceptEdited(batch, "i2", " \n ")).isInstanceOf(ReviewRequestException.class)
                .hasMessage("The edited text for item 'i2' is empty; write the text to accept, or reject the proposal.");
        assertThatThrownBy(() -> reviews.acceptEdited(batch, "i2", "x".repeat(4001)))
                .hasMessage("The edited text for item 'i2' has 4001 characters, more than the 4000 allowed.");
        assertThatThrownBy(() -> reviews.acceptEdited(batch, "i2", "Led \uD800 the team"))
                .hasMessageContaining("a lone surrogate at position 5");

        assertThat(TableSnapshot.of(f.db)).isEqualTo(snapshot);
        assertThat(reviews.acceptEdited(batch, "i2", "😀".repeat(4000)).accepted()).as("4,000 characters, not chars")
                .containsExactly("i2");
    }

    @Test
    void acceptingNamedItemsIsAllOrNothingAStaleOneRefusesTheWholeCall() {
        merge(new VaultItem("i1", EngineFixture.VAULT, ItemType.POWER_PHRASE, "Ran project 1 (edited)",
                QualityTier.BRONZE, List.of(), null, null, null));
        var snapshot = TableSnapshot.of(f.db);

        assertThatThrownBy(() -> reviews.accept(batch, List.of("i0", "i1"))).isInstanceOf(ReviewRequestException.class)
                .hasMessage("Item 'i1' was changed after its proposal was made (content), so the proposal is stale;"
                        + " nothing was accepted.");
        assertThatThrownBy(() -> reviews.accept(batch, List.of("i0", "nope")))
                .hasMessage("Batch " + batch + " has no proposal for item 'nope'; nothing was accepted.");
        assertThatThrownBy(() -> reviews.accept("no-such-batch", List.of("i0")))
                .hasMessage("No batch with id 'no-such-batch'; run 'goldsmith history' to list them.");

        assertThat(TableSnapshot.of(f.db)).as("nothing changed, i0 included").isEqualTo(snapshot);
        assertThat(reviews.find(batch, "i1").orElseThrow().status()).as("it reads stale").isEqualTo(ProposalStatus.STALE);
        assertThat(reviews.find(batch, "i1").orElseThrow().changedSince()).containsExactly("content");
        assertThat(reviews.counts(ProposalQuery.ofBatch(batch))).isEqualTo(new ReviewCounts(2, 0, 0, 1));
        assertThat(reviews.pendingItemIdsOfBatch(batch)).containsExactly("i0", "i2");
    }

    @Test
    void acceptingAWholeBatchSkipsTheStaleOnesMarksAndReportsThem() {
        merge(new VaultItem("i1", EngineFixture.VAULT, ItemType.POWER_PHRASE, "Ran project 1 (edited)",
                QualityTier.BRONZE, List.of(), null, null, null));

        Decision d = reviews.accept(batch, List.of());

        assertThat(d).isEqualTo(new Decision(batch, List.of("i0", "i2"), List.of(), List.of("i1")));
        assertThat(item("i1").content()).as("the edit is never overwritten").isEqualTo("Ran project 1 (edited)");
        assertThat(item("i0").content()).isEqualTo("Improved: Helped with project 0");
        Proposal stale = reviews.find(batch, "i1").orElseThrow();
        assertThat(stale.status()).isEqualTo(ProposalStatus.STALE);
        assertThat(stale.decidedAt()).as("marked stale, in the table too").isEqualTo(f.clock.instant());
        assertThat(reviews.list(new ProposalQuery(batch, null, ProposalStatus.STALE))).extracting(Proposal::itemId)
                .containsExactly("i1");

        Decision again = reviews.accept(batch, List.of());
        assertThat(again).as("nothing left to accept").isEqualTo(new Decision(batch, List.of(), List.of(), List.of("i1")));
    }

    @Test
    void rejectingAWholeBatchKeepsEveryItem() {
        Map<String, VaultItem> before = Map.of("i0", item("i0"), "i1", item("i1"), "i2", item("i2"));

        Decision d = reviews.reject(batch, List.of());

        assertThat(d.rejected()).containsExactly("i0", "i1", "i2");
        before.forEach((id, item) -> assertThat(item(id)).isEqualTo(item));
        assertThat(reviews.counts(ProposalQuery.ofBatch(batch))).isEqualTo(new ReviewCounts(0, 0, 3, 0));
    }

    @Test
    void acceptingAnotherBatchsProposalOrARevertMakesAProposalForTheSameItemStale() {
        String second = f.finish(f.start(List.of("i0", "i1"), ReviewModeTest.review(2))).batchId();
        assertThat(reviews.pendingItemIds(EngineFixture.VAULT)).containsExactly("i0", "i1", "i2");

        reviews.accept(second, List.of("i0"));
        assertThat(reviews.find(batch, "i0").orElseThrow().status()).isEqualTo(ProposalStatus.STALE);
        assertThatThrownBy(() -> reviews.accept(batch, List.of("i0"))).hasMessageContaining("is stale");

        // accepted, then reverted by hand: the item reads as before, but it is not the state the proposal found
        reviews.accept(second, List.of("i1"));
        ItemVersionRepository versions = new ItemVersionRepository(f.db, f.clock);
        f.loop.advance(Duration.ofSeconds(1));
        versions.revert(versions.list(EngineFixture.VAULT, "i1").get(0).id());
        assertThat(item("i1").content()).isEqualTo("Helped with project 1");
        assertThat(reviews.find(batch, "i1").orElseThrow().status()).isEqualTo(ProposalStatus.STALE);
        assertThat(reviews.find(batch, "i1").orElseThrow().changedSince()).singleElement().asString()
                .startsWith("updated at ");
    }

    private VaultItem item(String id) {
        return f.items.find(EngineFixture.VAULT, id).orElseThrow();
    }

    private void merge(VaultItem item) {
        new VaultImporter(f.db, f.clock).importVault(new VaultFile(new Vault(EngineFixture.VAULT, "Test Vault",
                "t@example.com", null, null), List.of(item)), true);
    }
}
