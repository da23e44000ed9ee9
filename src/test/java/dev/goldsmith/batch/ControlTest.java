package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ControlTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void pauseLetsCallsInFlightFinishAndDispatchesNothingUntilResumed() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        f.loop.runUntilIdle();
        batch.pause();
        f.loop.advance(Duration.ofSeconds(10));

        assertThat(batch.latest().status()).isEqualTo(BatchStatus.PAUSED);
        assertThat(batch.latest().processed()).isEqualTo(2);
        assertThat(f.provider.calls()).hasSize(2);
        assertThat(f.record(batch.batchId()).status()).isEqualTo(BatchStatus.PAUSED);

        batch.resume();
        BatchSnapshot end = f.finish(batch);
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(6);
    }

    @Test
    void cancelAbortsCallsInFlightWhichStayPendingAndResumeFinishesEachItemExactlyOnce() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(8, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));

        BatchHandle batch = f.start(ids, EngineFixture.options(3));
        f.loop.advance(Duration.ofMillis(1500)); // 3 done, 3 in flight
        batch.cancel();
        BatchSnapshot cancelled = f.finish(batch);

        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(cancelled.succeeded()).isEqualTo(3);
        assertThat(f.provider.calls().subList(3, 6)).allSatisfy(c -> assertThat(c.future()).isCancelled());
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).hasSize(5);
        assertThat(f.record(batch.batchId()).status()).isEqualTo(BatchStatus.CANCELLED);

        BatchHandle resumed = f.service.resume(batch.batchId(), UnaryOperator.identity());
        BatchSnapshot end = f.finish(resumed);

        assertThat(resumed.batchId()).isEqualTo(batch.batchId());
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.processed()).isEqualTo(8);
        assertThat(end.succeeded()).isEqualTo(8);
        for (String id : ids) {
            assertThat(f.versions(id)).as("versions of %s", id).isEqualTo(1);
        }
        assertThat(f.items.find(EngineFixture.VAULT, "i7").orElseThrow().content())
                .isEqualTo("Improved: Helped with project 7");
    }

    @Test
    void aCancelledBatchKeepsTheAttemptsOfItsAbortedAndWaitingItems() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1))
                .fail("i0", FailureKind.RETRYABLE, 503, Duration.ZERO); // then waits its backoff to be tried again

        BatchHandle batch = f.start(ids, EngineFixture.options(3));
        f.loop.advance(Duration.ofMillis(1500)); // i0 failed once and waits; i1, i2 answered; i3 in flight
        batch.cancel();
        BatchSnapshot cancelled = f.finish(batch);

        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(f.item(batch.batchId(), "i0").status()).isEqualTo(ItemStatus.PENDING);
        assertThat(f.item(batch.batchId(), "i0").attempts()).as("the failed attempt of the item waiting").isEqualTo(1);
        assertThat(f.item(batch.batchId(), "i3").status()).isEqualTo(ItemStatus.PENDING);
        assertThat(f.item(batch.batchId(), "i3").attempts()).as("the aborted call was sent").isEqualTo(1);
        assertThat(f.item(batch.batchId(), "i1").attempts()).isEqualTo(1);

        BatchSnapshot end = f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));
        assertThat(end.succeeded()).isEqualTo(4);
        assertThat(f.item(batch.batchId(), "i3").attempts()).as("the resumed run's own count").isEqualTo(1);
    }

    @Test
    void onResumeAnItemThatBecameGoldMeanwhileIsSkippedNotEnhancedAgain() {
        EngineFixture f = new EngineFixture(dir, store);
        f.provider.latency(Duration.ofSeconds(1));
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(1500));
        batch.cancel();
        f.finish(batch);
        var i3 = f.items.find(EngineFixture.VAULT, "i3").orElseThrow();
        f.items.saveAll(EngineFixture.VAULT, List.of(new dev.goldsmith.vault.VaultItem(i3.id(), i3.vaultId(), i3.type(),
                "Edited by hand to gold", QualityTier.GOLD, i3.keywords(), null, null, null)));

        BatchSnapshot end = f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.skipped()).isEqualTo(1);
        assertThat(end.processed()).isEqualTo(end.succeeded() + end.failed() + end.skipped()).isEqualTo(4);
        assertThat(f.item(batch.batchId(), "i3").status()).isEqualTo(ItemStatus.SKIPPED);
        assertThat(f.provider.callsOf("i3")).isEmpty();
        assertThat(f.record(batch.batchId()).skippedItems()).isEqualTo(1);
    }

    @Test
    void resumeRefusesABatchThatCompleted() {
        EngineFixture f = new EngineFixture(dir, store);
        BatchHandle batch = f.start(f.addItems(1, QualityTier.BRONZE), EngineFixture.options(1));
        f.finish(batch);
        assertThatThrownBy(() -> f.service.resume(batch.batchId(), UnaryOperator.identity()))
                .isInstanceOf(BatchRequestException.class)
                .hasMessage("Batch " + batch.batchId() + " is completed; only cancelled, interrupted or failed batches with"
                        + " pending items can be resumed.");
        assertThatThrownBy(() -> f.service.resume("nope", UnaryOperator.identity()))
                .hasMessageContaining("No batch with id 'nope'");
    }

    @Test
    void retryFailedStartsANewBatchOfTheFailedItemsOnly() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.fail("i1", FailureKind.PERMANENT, 400, null).fail("i3", FailureKind.PERMANENT, 422, null);
        BatchHandle first = f.start(ids, EngineFixture.options(2));
        f.finish(first);

        BatchHandle retry = f.service.retryFailed(first.batchId(), UnaryOperator.identity());
        BatchSnapshot end = f.finish(retry);

        assertThat(retry.batchId()).isNotEqualTo(first.batchId());
        assertThat(end.total()).isEqualTo(2);
        assertThat(end.succeeded()).isEqualTo(2);
        assertThat(f.record(retry.batchId()).parentBatchId()).isEqualTo(first.batchId());
        assertThat(f.service.items(retry.batchId())).extracting(BatchItemRecord::itemId).containsExactly("i1", "i3");
    }

    @Test
    void retryFailedTwiceSendsOnlyWhatTheFirstRetryDidNotFix() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.fail("i1", FailureKind.PERMANENT, 400, null).fail("i2", FailureKind.PERMANENT, 400, null)
                .fail("i2", FailureKind.PERMANENT, 400, null);
        BatchHandle first = f.start(ids, EngineFixture.options(1));
        f.finish(first);

        f.finish(f.service.retryFailed(first.batchId(), UnaryOperator.identity())); // fixes i1, not i2
        BatchHandle second = f.service.retryFailed(first.batchId(), UnaryOperator.identity());
        f.finish(second);

        assertThat(f.service.items(second.batchId())).extracting(BatchItemRecord::itemId).containsExactly("i2");
        assertThat(f.versions("i1")).as("i1 written once").isEqualTo(1);
        assertThatThrownBy(() -> f.service.retryFailed(first.batchId(), UnaryOperator.identity()))
                .hasMessage("Batch " + first.batchId() + " has no failed items left to retry (its retries already succeeded).");
    }

    @Test
    void aSecondBatchCannotTakeItemsARunningOneStillHasToSend() {
        EngineFixture f = new EngineFixture(dir, store);
        f.provider.latency(Duration.ofSeconds(1));
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        BatchHandle running = f.start(ids, EngineFixture.options(1));
        f.loop.runUntilIdle();

        assertThatThrownBy(() -> f.start(List.of("i2"), EngineFixture.options(1)))
                .isInstanceOf(BatchRequestException.class)
                .hasMessage("Item i2 is already in running batch " + running.batchId() + "; wait for it, or cancel it first.");
        f.finish(running);
        BatchSnapshot after = f.finish(f.start(List.of("i2"), EngineFixture.options(1)));
        assertThat(after.succeeded()).as("allowed once the first batch is done").isEqualTo(1);
    }

    @Test
    void resumeCannotTakeBackItemsThatARunningBatchTookMeanwhile() {
        EngineFixture f = new EngineFixture(dir, store);
        f.provider.latency(Duration.ofSeconds(1));
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        BatchHandle first = f.start(ids, EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(500));
        first.cancel();
        f.finish(first);
        BatchHandle second = f.start(List.of("i1"), EngineFixture.options(1));
        f.loop.runUntilIdle();

        assertThatThrownBy(() -> f.service.resume(first.batchId(), UnaryOperator.identity()))
                .isInstanceOf(BatchRequestException.class)
                .hasMessage("Item i1 is already in running batch " + second.batchId() + "; wait for it, or cancel it first.");
        assertThat(f.record(first.batchId()).status()).as("left as it was").isEqualTo(BatchStatus.CANCELLED);
        f.finish(second);
        assertThat(f.finish(f.service.resume(first.batchId(), UnaryOperator.identity())).status())
                .isEqualTo(BatchStatus.COMPLETED);
        assertThat(ids).allSatisfy(id -> assertThat(f.versions(id)).as("versions of %s", id)
                .isEqualTo(id.equals("i1") ? 2 : 1)); // i1: once by each batch, one after the other
    }

    @Test
    void resumeKeepsTheBatchsOperation() {
        EngineFixture f = new EngineFixture(dir, store);
        f.provider.latency(Duration.ofSeconds(1));
        BatchHandle batch = f.start(f.addItems(3, QualityTier.BRONZE), EngineFixture.options(1));
        f.loop.advance(Duration.ofMillis(500));
        batch.cancel();
        f.finish(batch);

        assertThatThrownBy(() -> f.service.resume(batch.batchId(), s -> s.withOptions(
                s.options().withOperation(dev.goldsmith.ai.Operation.KEYWORD_SUGGEST))))
                .isInstanceOf(BatchRequestException.class).hasMessageContaining("resume keeps a batch's operation");
        assertThat(f.record(batch.batchId()).status()).isEqualTo(BatchStatus.CANCELLED);
    }

    @Test
    void aBatchStoppedByARefusedKeyResumesOnceTheKeyIsFixed() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.then("i1", Duration.ZERO, item -> ScriptedEnhancer.failure(FailureKind.FATAL, "The API key was refused (401).", 401));
        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot stopped = f.finish(batch);
        assertThat(stopped.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(stopped.canResume()).isTrue();

        BatchSnapshot end = f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(4);
        assertThat(f.record(batch.batchId()).errorMessage()).isNull();
    }

    @Test
    void aLiveBatchWhoseHeartbeatIsStaleReadsAsInterruptedAndCanBeResumed() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        BatchRecord record = f.store.create(new NewBatch("b-dead", "someone", EngineFixture.VAULT,
                dev.goldsmith.ai.Operation.ENHANCE, EngineFixture.settings(EngineFixture.options(2)).toMetadata("old"),
                null, f.items.list(EngineFixture.VAULT)), EngineFixture.EPOCH.minusSeconds(120));
        f.store.claim(record.id(), java.util.Set.of(BatchStatus.PENDING), "4242@elsewhere#abcd", EngineFixture.EPOCH.minusSeconds(60));
        f.heartbeatAgo(record.id(), Duration.ofSeconds(60)); // its owner on another machine fell silent a minute ago
        f.db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_items SET status = 'succeeded' WHERE item_id = 'i0'");
                 PreparedStatement counts = c.prepareStatement(
                         "UPDATE batch_operations SET processed_items = 1, successful_items = 1 WHERE id = 'b-dead'")) {
                return ps.executeUpdate() + counts.executeUpdate();
            }
        });

        assertThat(f.service.find("b-dead").orElseThrow().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(f.service.interrupted()).extracting(BatchRecord::id).containsExactly("b-dead");

        BatchSnapshot end = f.finish(f.service.resume("b-dead", UnaryOperator.identity()));
        assertThat(f.provider.calls()).extracting(ScriptedEnhancer.Call::itemId).containsExactly("i1", "i2");
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        BatchRecord done = f.record("b-dead");
        assertThat(done.processedItems()).isEqualTo(3);
        assertThat(done.successfulItems()).isEqualTo(3);
        assertThat(ids).allSatisfy(id -> assertThat(f.versions(id)).as("versions of %s", id)
                .isEqualTo(id.equals("i0") ? 0 : 1)); // i0 was marked done by hand, never written
        assertThat(done.ownerId()).isNotEqualTo("4242@elsewhere#abcd");
    }

    @Test
    void aRunningBatchKeepsItsHeartbeatFresh() {
        EngineFixture f = new EngineFixture(dir, store);
        f.provider.latency(Duration.ofSeconds(60));
        BatchHandle batch = f.start(f.addItems(1, QualityTier.BRONZE), EngineFixture.options(1));
        f.loop.advance(Duration.ofSeconds(59));
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.heartbeatAt()).isAfterOrEqualTo(EngineFixture.EPOCH.plusSeconds(55));
        assertThat(f.service.find(batch.batchId()).orElseThrow().status()).isEqualTo(BatchStatus.PROCESSING);
        f.finish(batch);
    }
}
