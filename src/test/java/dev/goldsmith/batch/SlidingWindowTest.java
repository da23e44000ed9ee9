package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class SlidingWindowTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void theWindowIsNeverExceededAndAlwaysFull() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(20, QualityTier.BRONZE);
        f.provider.latency(Duration.ofMillis(100));

        BatchHandle batch = f.start(ids, EngineFixture.options(4));
        f.loop.runUntilIdle();
        assertThat(f.provider.inFlight()).as("window filled at once").isEqualTo(4);

        BatchSnapshot end = f.finish(batch);
        assertThat(f.provider.maxInFlight()).isEqualTo(4);
        assertThat(f.loop.elapsed()).as("20 items, 4 at a time, 100 ms each").isEqualTo(Duration.ofMillis(500));
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(20);
    }

    @Test
    void anAnswerOverHttpRecordsItsStatusAndTheOfflineEngineNone() {
        EngineFixture http = new EngineFixture(dir.resolve("http"), store);
        BatchSnapshot sent = http.finish(http.start(http.addItems(1, QualityTier.BRONZE), EngineFixture.options(1)));
        assertThat(http.item(sent.batchId(), "i0").httpStatus()).isEqualTo(200);

        EngineFixture offline = new EngineFixture(dir.resolve("offline"), store);
        offline.provider.offline();
        BatchSnapshot done = offline.finish(offline.start(offline.addItems(1, QualityTier.BRONZE), EngineFixture.options(1)));
        assertThat(offline.item(done.batchId(), "i0").status()).isEqualTo(ItemStatus.SUCCEEDED);
        assertThat(offline.item(done.batchId(), "i0").httpStatus()).as("no HTTP call was made").isNull();
        assertThat(new dev.goldsmith.ai.RulesEnhancer().answersOverHttp()).as("the offline engine").isFalse();
    }

    @Test
    void aSlowItemDoesNotHoldTheOthersBack() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(11, QualityTier.BRONZE);
        f.provider.latency(Duration.ofMillis(100)).then("i0", Duration.ofSeconds(10), f.provider::success);

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        f.loop.advance(Duration.ofMillis(1000));
        assertThat(batch.latest().processed()).as("the other slot kept sliding").isEqualTo(10);
        assertThat(batch.latest().inFlight()).isEqualTo(1);

        f.finish(batch);
        assertThat(f.loop.elapsed()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void goldItemsAreSkippedUpFrontAndProgressReaches100() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = Stream.concat(f.addItems("b", 3, QualityTier.BRONZE).stream(),
                f.addItems("g", 2, QualityTier.GOLD).stream()).toList();

        List<BatchSnapshot> seen = new ArrayList<>();
        BatchHandle batch = f.start(ids, EngineFixture.options(5));
        batch.subscribe(seen::add);
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.calls()).extracting(ScriptedEnhancer.Call::itemId).containsExactlyInAnyOrder("b0", "b1", "b2");
        assertThat(end.skipped()).isEqualTo(2);
        assertThat(end.progress()).isEqualTo(100.0);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.processed()).isEqualTo(s.succeeded() + s.failed() + s.skipped());
            assertThat(s.progress()).isBetween(0.0, 100.0);
        });
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.processedItems()).isEqualTo(5);
        assertThat(record.skippedItems()).isEqualTo(2);
        assertThat(record.progress()).isEqualTo(100.0);
        assertThat(f.item(batch.batchId(), "g0").status()).isEqualTo(ItemStatus.SKIPPED);
    }

    @Test
    void keywordSuggestDoesNotSkipGoldAndLeavesContentAlone() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems("g", 2, QualityTier.GOLD);
        f.provider.then("g0", Duration.ZERO, item -> new dev.goldsmith.ai.EnhanceResult.Success(null, null,
                List.of("sql", "python"), null, "scripted", dev.goldsmith.ai.Usage.NONE, Duration.ZERO));

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(2).withOperation(Operation.KEYWORD_SUGGEST)));

        assertThat(end.skipped()).isZero();
        assertThat(end.succeeded()).isEqualTo(2);
        var g0 = f.items.find(EngineFixture.VAULT, "g0").orElseThrow();
        assertThat(g0.content()).isEqualTo("Helped with project 0");
        assertThat(g0.tier()).isEqualTo(QualityTier.GOLD);
        assertThat(g0.keywords()).containsExactly("sql", "python");
    }

    @Test
    void everySuccessIsWrittenBackWithItsPreviousVersionKept() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.ASSUMED);

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        f.finish(batch);

        var item = f.items.find(EngineFixture.VAULT, "i1").orElseThrow();
        assertThat(item.content()).isEqualTo("Improved: Helped with project 1");
        assertThat(item.tier()).isEqualTo(QualityTier.BRONZE);
        assertThat(f.service.changes(batch.batchId())).hasSize(3).first().satisfies(c -> {
            assertThat(c.beforeContent()).isEqualTo("Helped with project 0");
            assertThat(c.beforeTier()).isEqualTo(QualityTier.ASSUMED);
            assertThat(c.afterTier()).isEqualTo(QualityTier.BRONZE);
        });
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.promptTokens()).isEqualTo(300);
        assertThat(record.completionTokens()).isEqualTo(150);
        assertThat(f.item(batch.batchId(), "i0").attempts()).isEqualTo(1);
    }

    @Test
    void unknownVaultOrItemsAreRefusedAndNothingIsRecorded() {
        EngineFixture f = new EngineFixture(dir, store);
        f.addItems(2, QualityTier.BRONZE);
        assertThatThrownBy(() -> f.service.start("nope", List.of(), EngineFixture.settings(EngineFixture.options(1))))
                .isInstanceOf(BatchRequestException.class).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> f.start(List.of("i0", "zz"), EngineFixture.options(1)))
                .isInstanceOf(BatchRequestException.class).hasMessageContaining("'zz'");
        assertThat(f.service.history(HistoryQuery.all(0))).isEmpty();
    }

    @Test
    void aFixedRpmSpreadsDispatchesEvenly() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.finish(f.start(ids, EngineFixture.options(4).withRpm(60)));
        assertThat(f.provider.calls()).extracting(ScriptedEnhancer.Call::at)
                .containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
