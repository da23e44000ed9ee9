package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answer identical to its item (content, tier, keywords) is its own outcome: unchanged, nothing written. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class UnchangedOutcomeTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void anIdenticalAnswerWritesNothingAndIsCountedApart() {
        EngineFixture f = new EngineFixture(dir, store);
        f.items.saveAll(EngineFixture.VAULT, List.of(
                item("same", List.of("sql", "reporting")), item("reordered", List.of("sql", "reporting")),
                item("better", List.of("sql"))));
        VaultItem before = f.items.find(EngineFixture.VAULT, "same").orElseThrow();
        f.provider.then("same", Duration.ZERO, UnchangedOutcomeTest::echo)
                .then("reordered", Duration.ZERO, i -> answer(i, i.content(), List.of("reporting", "sql")));
        f.loop.advance(Duration.ofMinutes(1));

        BatchHandle batch = f.start(List.of("same", "reordered", "better"), EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.item(batch.batchId(), "same").status()).isEqualTo(ItemStatus.UNCHANGED);
        assertThat(f.item(batch.batchId(), "reordered").status()).as("same keywords in another order")
                .isEqualTo(ItemStatus.UNCHANGED);
        assertThat(f.item(batch.batchId(), "better").status()).isEqualTo(ItemStatus.SUCCEEDED);
        assertThat(f.versions("same")).as("no version row").isZero();
        assertThat(f.versions("reordered")).isZero();
        assertThat(f.versions("better")).isEqualTo(1);
        assertThat(f.items.find(EngineFixture.VAULT, "same").orElseThrow()).as("not written, last_updated_at untouched")
                .isEqualTo(before);

        assertThat(end.unchanged()).isEqualTo(2);
        assertThat(end.succeeded()).as("unchanged answers are successful too").isEqualTo(3);
        assertThat(end.processed()).isEqualTo(3);
        assertThat(end.recent()).extracting(ItemOutcome::status)
                .containsExactly(ItemStatus.SUCCEEDED, ItemStatus.UNCHANGED, ItemStatus.UNCHANGED);
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.unchangedItems()).isEqualTo(2);
        assertThat(record.successfulItems()).isEqualTo(3);
        assertThat(record.processedItems()).isEqualTo(record.successfulItems() + record.failedItems()
                + record.skippedItems());
        assertThat(f.service.changes(batch.batchId())).extracting(ItemChange::itemId).containsExactly("better");
    }

    @Test
    void anUnchangedRetryCountsAsDoneForRetryFailed() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(2, QualityTier.BRONZE);
        f.provider.fail("i0", FailureKind.PERMANENT, 400, null).then("i0", Duration.ZERO, UnchangedOutcomeTest::echo);
        BatchHandle first = f.start(ids, EngineFixture.options(1));
        f.finish(first);

        BatchSnapshot retry = f.finish(f.service.retryFailed(first.batchId(), UnaryOperator.identity()));

        assertThat(retry.unchanged()).isEqualTo(1);
        assertThatThrownBy(() -> f.service.retryFailed(first.batchId(), UnaryOperator.identity()))
                .hasMessageContaining("has no failed items left to retry");
    }

    private static VaultItem item(String id, List<String> keywords) {
        return new VaultItem(id, EngineFixture.VAULT, ItemType.TRANSFERABLE_SKILL, "Built the SQL reporting for finance",
                QualityTier.SILVER, keywords, 0.5, null, null);
    }

    private static EnhanceResult echo(VaultItem item) {
        return answer(item, item.content(), item.keywords());
    }

    private static EnhanceResult answer(VaultItem item, String content, List<String> keywords) {
        return new EnhanceResult.Success(content, item.tier(), keywords, 0.8, "scripted", new Usage(10, 5), Duration.ZERO);
    }
}
