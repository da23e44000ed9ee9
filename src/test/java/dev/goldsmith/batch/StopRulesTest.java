package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch that cannot get anywhere stops by itself, failed and resumable: a server that cannot be reached while
 * nothing has succeeded, and a provider that answers nothing but 429 for ten minutes. Failures that are only
 * sporadic never stop it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class StopRulesTest {

    @Parameter
    StoreKind store;


    static final String REFUSED = "The server at 127.0.0.1:9 could not be reached (Connection refused).";

    @TempDir
    Path dir;

    @Test
    void anUnreachableServerStopsTheBatchAfterFiveFailuresInARowWithoutWaitingThroughBackoffs() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(10, QualityTier.BRONZE);
        f.provider.answerAll(item -> unreachable());

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.calls()).as("one call each for the first five items").hasSize(5);
        assertThat(f.loop.elapsed()).as("no backoff was waited through").isZero();
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo(REFUSED);
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(record.errorMessage()).isEqualTo(REFUSED);
        assertThat(record.failedItems()).as("no item failed: the server did").isZero();
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).hasSize(10);
        assertThat(record.canResume()).isTrue();

        f.provider.answerAll(f.provider::success); // the server is back
        BatchSnapshot resumed = f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity()));
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.succeeded()).isEqualTo(10);
    }

    @Test
    void aSmallBatchStopsOnItsLastAttemptInsteadOfFailingItsItems() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(1, QualityTier.BRONZE);
        f.provider.answerAll(item -> unreachable());

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.provider.calls()).hasSize(3);
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo(REFUSED);
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0");
    }

    @Test
    void sporadicServerErrorsAndTimeoutsDoNotStopIt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(10, QualityTier.BRONZE);
        for (int i = 0; i < 10; i++) {
            f.provider.then("i" + i, Duration.ZERO, item -> ScriptedEnhancer.failure(FailureKind.RETRYABLE,
                    item.id().hashCode() % 2 == 0 ? "The server answered 503." : "No answer from 127.0.0.1:8 within"
                            + " 60 s (timeout).", 503));
        }

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(1)));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(10);
    }

    @Test
    void anUnreachableServerAfterSomeSuccessesDoesNotStopIt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(8, QualityTier.BRONZE);
        AtomicInteger calls = new AtomicInteger();
        f.provider.answerAll(item -> calls.incrementAndGet() <= 2 ? f.provider.success(item) : unreachable());

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(1)));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(2);
        assertThat(end.failed()).as("each failed after its three attempts").isEqualTo(6);
        assertThat(f.provider.calls()).hasSize(2 + 6 * 3);
    }

    @Test
    void unreachableAnswersBrokenUpByServerErrorsDoNotStopIt() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(12, QualityTier.BRONZE);
        AtomicInteger calls = new AtomicInteger();
        f.provider.answerAll(item -> calls.incrementAndGet() % 4 == 0
                ? ScriptedEnhancer.failure(FailureKind.RETRYABLE, "The server answered 502.", 502)
                : calls.get() > 30 ? f.provider.success(item) : unreachable());

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(1).withMaxAttempts(5)));

        assertThat(end.status()).as("never five in a row").isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void aProviderAnsweringOnly429sForTenMinutesStopsTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.answerAll(item -> ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(30)));

        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        BatchSnapshot end = f.finish(batch);

        assertThat(f.loop.elapsed()).as("ten minutes, not the 50 waits of every item")
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo("The provider kept us rate limited for 10 minutes without an answer"
                + " (429 every time); resume the batch later.");
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0", "i1", "i2", "i3");
        assertThat(f.store.items(batch.batchId())).extracting(BatchItemRecord::attempts).containsOnly(0);
        assertThat(f.record(batch.batchId()).canResume()).isTrue();
    }

    @Test
    void nineMinutesOf429sThenAnswersIsNotStopped() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.answerAll(item -> f.loop.elapsed().compareTo(Duration.ofMinutes(9)) < 0
                ? ScriptedEnhancerFailures.rateLimited(Duration.ofSeconds(30)) : f.provider.success(item));

        BatchSnapshot end = f.finish(f.start(ids, EngineFixture.options(2)));

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(4);
    }

    private static EnhanceResult unreachable() {
        return ScriptedEnhancer.failure(FailureKind.UNREACHABLE, REFUSED, 0);
    }
}
