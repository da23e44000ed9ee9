package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.QualityTier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.6: why a run stops is one typed reason with its message. Reasons that meet are ranked once, so what the
 * live panel says while the run winds down is what the batch ends with and records.
 */
class StopReasonTest {

    @TempDir
    Path dir;

    private static final List<StopReason> IN_ORDER = List.of(
            StopReason.ownershipLost("Batch b1 was taken over by another process (host-2)."),
            StopReason.internalError(new IllegalStateException("bug")),
            StopReason.storeFailure("The disk is full: item i1 could not be saved."),
            StopReason.providerFatal("The API key was refused (401)."),
            StopReason.cancelled(),
            StopReason.budget(new BigDecimal("0.25"), new BigDecimal("0.3")));

    @Test
    void eachReasonSaysWhatHappenedAndWhatToDo() {
        assertThat(StopReason.budget(new BigDecimal("0.25"), new BigDecimal("0.30001")).message())
                .isEqualTo("Stopped: the budget of $0.25 was reached ($0.3000 spent).");
        assertThat(StopReason.rateLimitedTooLong(Duration.ofMinutes(10)).message()).isEqualTo("The provider kept us"
                + " rate limited for 10 minutes without an answer (429 every time); resume the batch later.");
        assertThat(StopReason.internalError(new OutOfMemoryError()).message()).isEqualTo("Goldsmith ran out of memory"
                + " and stopped the batch; its unsent items are pending, resume it (details in the log).");
        assertThat(StopReason.internalError(new NullPointerException()).message()).isEqualTo("Goldsmith hit an internal"
                + " error (NullPointerException) and stopped the batch; its unsent items are pending, resume it (details"
                + " in the log).");
        assertThat(StopReason.cancelled().message()).as("the status says it all").isNull();
        assertThat(StopReason.unreachable("Could not connect to 127.0.0.1:9.").message())
                .isEqualTo("Could not connect to 127.0.0.1:9.");
    }

    @Test
    void eachKindEndsTheRunInItsStatus() {
        Set<StopReason.Kind> failed = EnumSet.of(StopReason.Kind.INTERNAL_ERROR, StopReason.Kind.STORE_FAILURE,
                StopReason.Kind.PROVIDER_FATAL, StopReason.Kind.UNREACHABLE, StopReason.Kind.RATE_LIMITED_TOO_LONG);
        for (StopReason.Kind kind : StopReason.Kind.values()) {
            BatchStatus expected = kind == StopReason.Kind.OWNERSHIP_LOST ? BatchStatus.INTERRUPTED
                    : failed.contains(kind) ? BatchStatus.FAILED : BatchStatus.CANCELLED;
            assertThat(kind.endsAs()).as(kind.name()).isEqualTo(expected);
        }
    }

    @Test
    void aReasonTakesThePlaceOnlyOfTheOnesAfterItAndTheProvidersFirstStays() {
        for (int i = 0; i < IN_ORDER.size(); i++) {
            for (int j = 0; j < IN_ORDER.size(); j++) {
                assertThat(IN_ORDER.get(i).outranks(IN_ORDER.get(j))).as("%s over %s", IN_ORDER.get(i).kind(),
                        IN_ORDER.get(j).kind()).isEqualTo(i < j);
            }
            assertThat(IN_ORDER.get(i).outranks(null)).isTrue();
        }
        StopReason fatal = StopReason.providerFatal("The API key was refused (401).");
        assertThat(StopReason.unreachable("x").outranks(fatal)).isFalse();
        assertThat(StopReason.rateLimitedTooLong(Duration.ofMinutes(10)).outranks(fatal)).isFalse();
        assertThat(fatal.outranks(StopReason.unreachable("x"))).isFalse();
    }

    @Test
    void aCancelAfterTheBudgetStoppedTheRunSaysFromThenOnWhatTheBatchEndsWith() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(6, QualityTier.BRONZE);
        f.provider.usage(new Usage(100_000, 0)).latency(Duration.ofSeconds(1)) // $0.10 a call
                .then("i1", Duration.ofSeconds(5), f.provider::success);
        BatchHandle batch = f.service.start(EngineFixture.VAULT, ids, priced(EngineFixture.options(2)
                .withMaxCost(new BigDecimal("0.15"))));
        f.loop.advance(Duration.ofMillis(2500)); // i0 and i2 answered: $0.20, i1 still in flight
        assertThat(batch.latest().errorMessage()).isEqualTo("Stopped: the budget of $0.15 was reached ($0.2000 spent).");
        List<BatchSnapshot> seen = new ArrayList<>();
        batch.subscribe(seen::add);
        seen.clear();

        batch.cancel();
        BatchSnapshot end = f.finish(batch);

        assertThat(end.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(end.errorMessage()).isNull();
        assertThat(f.record(batch.batchId()).errorMessage()).isNull();
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.errorMessage())
                .as("a snapshot after the cancel (%s)", s.status()).isNull());
    }

    @Test
    void aStoreFailureAndAFatalAnswerInOneRunEndItFailedWithTheStoresMessageAllAlong() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).answerAll(StopReasonTest::longAnswer) // a page more to save
                .then("i1", Duration.ofSeconds(3), item -> ScriptedEnhancer.failure(FailureKind.FATAL,
                        "The API key was refused (401).", 401));
        BatchHandle batch = f.start(ids, EngineFixture.options(2));
        List<String> messages = new ArrayList<>();
        batch.subscribe(s -> messages.add(s.errorMessage()));
        f.loop.advance(Duration.ofMillis(500));
        f.fillDisk(); // i0's answer at 1 s cannot be saved; i1 answers 401 at 3 s

        BatchSnapshot end = f.finish(batch);

        String store = "The disk is full: item i0 could not be saved (database " + f.db.file()
                + "); free some space, then resume the batch.";
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo(store);
        assertThat(f.record(batch.batchId()).errorMessage()).isEqualTo(store);
        assertThat(messages.stream().filter(m -> m != null).distinct().toList()).containsExactly(store);
    }

    @Test
    void theBudgetReachedWithTheLastItemEndsTheBatchCompletedWithNoMessage() {
        EngineFixture f = new EngineFixture(dir);
        List<String> ids = f.addItems(2, QualityTier.BRONZE);
        f.provider.usage(new Usage(100_000, 0));
        BatchHandle batch = f.service.start(EngineFixture.VAULT, ids, priced(EngineFixture.options(2)
                .withMaxCost(new BigDecimal("0.15"))));

        BatchSnapshot end = f.finish(batch);

        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.errorMessage()).isNull();
        assertThat(f.record(batch.batchId()).errorMessage()).isNull();
    }

    private static dev.goldsmith.ai.EnhanceResult longAnswer(dev.goldsmith.vault.VaultItem item) {
        return new dev.goldsmith.ai.EnhanceResult.Success("Led " + item.id() + " " + "end to end ".repeat(360),
                item.tier().next(), List.of("delivery"), 0.9, "scripted", new Usage(100, 50), Duration.ZERO);
    }

    private static BatchSettings priced(BatchOptions options) {
        return new BatchSettings(options, new ProviderSettings(ProviderKind.RULES, null, "rules", null, 0.7, 500,
                Duration.ofSeconds(5), 2, Pricing.perMillion(1.0, 0)));
    }
}
