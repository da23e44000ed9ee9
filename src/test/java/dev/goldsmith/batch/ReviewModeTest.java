package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ProposalRepository;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch run with review changes nothing in the vault: each answer becomes a proposal (with the item as it was),
 * written in the same transaction as the item's batch row, and the batch completes as usual.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ReviewModeTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    static BatchOptions review(int concurrency) {
        return EngineFixture.options(concurrency).withReview(true);
    }

    @Test
    void answersBecomeProposalsAndNothingIsWrittenToTheItems() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.addItems("g", 1, QualityTier.GOLD);
        Map<String, VaultItem> before = items(f);
        f.loop.advance(Duration.ofMinutes(1)); // proposals are made later than the items' last update

        BatchHandle batch = f.start(List.of("i0", "i1", "i2", "g0"), review(2));
        BatchSnapshot end = f.finish(batch);

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(3);
        assertThat(end.skipped()).isEqualTo(1);
        assertThat(items(f)).as("no item was written").isEqualTo(before);
        ids.forEach(id -> assertThat(f.versions(id)).as("no version of %s", id).isZero());
        assertThat(f.service.changes(batch.batchId())).isEmpty();
        ids.forEach(id -> assertThat(f.item(batch.batchId(), id).status()).isEqualTo(ItemStatus.SUCCEEDED));
        assertThat(BatchSettings.fromMetadata(f.record(batch.batchId()).metadata()).options().review())
                .as("kept in metadata (jsonb on PostgreSQL: compared as JSON, not as text)").isTrue();

        List<Proposal> proposals = new ProposalRepository(f.db).list(ProposalQuery.ofBatch(batch.batchId()));
        assertThat(proposals).extracting(Proposal::itemId).containsExactly("i0", "i1", "i2");
        Proposal p = proposals.get(1);
        assertThat(p.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(p.before()).isEqualTo(ItemState.of(before.get("i1")));
        assertThat(p.beforeUpdatedAt()).isEqualTo(before.get("i1").lastUpdatedAt());
        assertThat(p.after()).isEqualTo(new ItemState("Improved: Helped with project 1", QualityTier.SILVER,
                List.of("kw-i1"), 0.9));
        assertThat(p.createdAt()).isEqualTo(EngineFixture.EPOCH.plus(Duration.ofMinutes(1)));
        assertThat(p.decidedAt()).isNull();
    }

    @Test
    void anAnswerIdenticalToItsItemStaysUnchangedWithoutAProposal() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(2, QualityTier.BRONZE);
        f.provider.then("i0", Duration.ZERO, i -> new EnhanceResult.Success(i.content(), i.tier(), i.keywords(), null,
                "scripted", Usage.NONE, Duration.ZERO));

        BatchHandle batch = f.start(List.of("i0", "i1"), review(1));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.item(batch.batchId(), "i0").status()).isEqualTo(ItemStatus.UNCHANGED);
        assertThat(end.unchanged()).isEqualTo(1);
        assertThat(new ProposalRepository(f.db).list(ProposalQuery.ofBatch(batch.batchId())))
                .extracting(Proposal::itemId).containsExactly("i1");
    }

    @Test
    void anItemEditedWhileItsCallIsInFlightGetsAStaleProposalAndKeepsTheEdit() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(2, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).then("i1", Duration.ofSeconds(10), f.provider::success);

        BatchHandle batch = f.start(ids, review(2));
        f.loop.advance(Duration.ofSeconds(5));
        merge(f, new VaultItem("i1", EngineFixture.VAULT, ItemType.POWER_PHRASE, "Ran project 1 (edited)",
                QualityTier.BRONZE, List.of(), null, null, null));
        f.finish(batch);

        assertThat(f.items.find(EngineFixture.VAULT, "i1").orElseThrow().content()).isEqualTo("Ran project 1 (edited)");
        BatchItemRecord row = f.item(batch.batchId(), "i1");
        assertThat(row.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(row.lastError()).isEqualTo("Not written: item i1 was changed while its call was in flight (content);"
                + " the answer was kept as a stale proposal, and retry-failed sends the item again.");
        Proposal stale = new ProposalRepository(f.db).find(batch.batchId(), "i1").orElseThrow();
        assertThat(stale.status()).isEqualTo(ProposalStatus.STALE);
        assertThat(stale.before().content()).as("the item as it was sent").isEqualTo("Helped with project 1");
        assertThat(stale.after().content()).isEqualTo("Improved: Helped with project 1");
        assertThat(stale.decidedAt()).isNotNull();
        assertThat(new ProposalRepository(f.db).find(batch.batchId(), "i0").orElseThrow().status())
                .isEqualTo(ProposalStatus.PROPOSED);
    }

    @Test
    void aResumedBatchKeepsReviewModeAndRetryFailedInheritsIt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).fail("i3", dev.goldsmith.ai.FailureKind.PERMANENT, 400, null);
        BatchHandle batch = f.start(ids, review(1));
        f.loop.advance(Duration.ofMillis(1500)); // i0 answered, i1 in flight
        batch.cancel();
        f.finish(batch);

        // resumed with the settings the batch started with: the caller does not repeat --review
        f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));

        assertThat(proposalIds(f, batch.batchId())).containsExactly("i0", "i1", "i2");
        ids.forEach(id -> assertThat(f.versions(id)).isZero());

        BatchHandle retry = f.service.retryFailed(batch.batchId(), UnaryOperator.identity());
        f.finish(retry);
        assertThat(proposalIds(f, retry.batchId())).as("the retry is a review batch too").containsExactly("i3");
        assertThat(f.versions("i3")).isZero();
    }

    @Test
    void resumeCanTurnReviewModeOnForTheItemsLeftAndRecordsIt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));
        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(1500));
        batch.cancel();
        f.finish(batch);
        assertThat(f.versions("i0")).as("written before review was turned on").isEqualTo(1);

        f.finish(f.service.resume(batch.batchId(), s -> s.withOptions(s.options().withReview(true))));

        assertThat(proposalIds(f, batch.batchId())).containsExactly("i1", "i2");
        assertThat(f.versions("i1")).isZero();
        assertThat(BatchSettings.fromMetadata(f.record(batch.batchId()).metadata()).options().review())
                .as("a later resume keeps it").isTrue();
    }

    private static List<String> proposalIds(EngineFixture f, String batchId) {
        return new ProposalRepository(f.db).list(ProposalQuery.ofBatch(batchId)).stream().map(Proposal::itemId).toList();
    }

    private static Map<String, VaultItem> items(EngineFixture f) {
        return f.items.list(EngineFixture.VAULT).stream().collect(Collectors.toMap(VaultItem::id, i -> i));
    }

    private static void merge(EngineFixture f, VaultItem item) {
        new VaultImporter(f.db, f.clock).importVault(new VaultFile(new Vault(EngineFixture.VAULT, "Test Vault",
                "t@example.com", null, null), List.of(item)), true);
    }
}
