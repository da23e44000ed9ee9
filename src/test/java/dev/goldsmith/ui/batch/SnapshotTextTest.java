package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.ItemOutcome;
import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.ui.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every status, operation and outcome has its words (the keys are built at run time, so MessagesTest cannot see them). */
class SnapshotTextTest {

    private final SnapshotText text = new SnapshotText(Messages.load(Locale.ROOT));

    @Test
    void everyStatusAndOperationHasAHeadlineAndANotice() {
        for (Operation op : Operation.values()) {
            for (BatchStatus status : BatchStatus.values()) {
                BatchSnapshot s = snapshot(op, status, Optional.empty());
                assertThat(text.headline(s)).as(status.wireName()).isNotBlank();
                assertThat(text.notice(s)).as(status.wireName()).isNotBlank();
                assertThat(text.succeeded(s)).startsWith("\u2713 48 ");
            }
        }
        for (ItemStatus status : ItemStatus.values()) {
            assertThat(text.outcome(new ItemOutcome("pp-1", status, 1, null, null, null, null, 10, Instant.EPOCH), Operation.ENHANCE))
                    .startsWith("pp-1 \u00b7 ");
        }
    }

    @Test
    void theNumbersReadAsThePanelShowsThem() {
        BatchSnapshot s = snapshot(Operation.ENHANCE, BatchStatus.PROCESSING, Optional.of(Duration.ofSeconds(40)));

        assertThat(text.headline(s)).isEqualTo("Processing 53/60 items");
        assertThat(text.eta(s)).isEqualTo("ETA 0:40");
        assertThat(text.elapsed(s)).isEqualTo("Elapsed 1:12");
        assertThat(text.rate(s)).isEqualTo("12.5 items/min");
        assertThat(text.tokens(s)).isEqualTo("1,500 tokens");
        assertThat(text.cost(s)).isEqualTo("$0.0123");
        assertThat(text.notice(snapshot(Operation.ENHANCE, BatchStatus.COMPLETED, Optional.empty())))
                .isEqualTo("Batch finished, 2 items failed: \u2713 48 enhanced \u00b7 = 0 unchanged \u00b7 \u2717 2 failed"
                        + " \u00b7 \u21b7 3 skipped in 1:12. History shows why; Retry failed sends them again.");
        assertThat(text.eta(snapshot(Operation.ENHANCE, BatchStatus.PROCESSING, Optional.empty()))).isEmpty();
        assertThat(dev.goldsmith.batch.Durations.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    @Test
    void aSuccessThatKeptItsTierSaysWhatChanged() {
        ItemOutcome same = new ItemOutcome("pp-1", ItemStatus.SUCCEEDED, 1, null, 200,
                dev.goldsmith.vault.QualityTier.SILVER, dev.goldsmith.vault.QualityTier.SILVER, 10, Instant.EPOCH);
        assertThat(text.outcome(same, Operation.ENHANCE)).isEqualTo("pp-1 \u00b7 rewritten, tier kept \u00b7 attempt 1");
        assertThat(text.outcome(same, Operation.KEYWORD_SUGGEST)).isEqualTo("pp-1 \u00b7 keywords updated \u00b7 attempt 1");
    }

    @Test
    void aBatchStoppedByItsBudgetSaysSoAndAPlainCancelDoesNot() {
        BatchSnapshot budget = new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, BatchStatus.CANCELLED, 60, 30, 30, 0,
                0, 0, 0, 0, Optional.empty(), 0, Optional.empty(), Duration.ofSeconds(72), 0, 0, BigDecimal.ONE, List.of(),
                "Stopped: the budget of $1 was reached ($1.0100 spent).", Duration.ZERO, null, null);
        BatchSnapshot cancelled = new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, BatchStatus.CANCELLED, 60, 30, 30,
                0, 0, 0, 0, 0, Optional.empty(), 0, Optional.empty(), Duration.ofSeconds(72), 0, 0, BigDecimal.ONE,
                List.of(), null, Duration.ZERO, null, null);

        assertThat(text.notice(budget)).isEqualTo("Stopped: the budget of $1 was reached ($1.0100 spent)."
                + " (\u2713 30 enhanced \u00b7 = 0 unchanged \u00b7 \u2717 0 failed \u00b7 \u21b7 0 skipped in 1:12;"
                + " Resume continues it)");
        assertThat(text.notice(cancelled)).isEqualTo("Batch cancelled at 30/60: \u2713 30 enhanced \u00b7 = 0 unchanged"
                + " \u00b7 \u2717 0 failed \u00b7 \u21b7 0 skipped in 1:12; Resume continues it");
    }

    @Test
    void unchangedAnswersAreCountedApartFromTheEnhancedOnes() {
        BatchSnapshot s = counts(BatchStatus.COMPLETED, 53, 0, 7, 38, null);

        assertThat(text.succeeded(s)).isEqualTo("\u2713 15 enhanced");
        assertThat(text.unchanged(s)).isEqualTo("= 38 unchanged");
        assertThat(text.notice(s)).isEqualTo("Batch finished: \u2713 15 enhanced \u00b7 = 38 unchanged"
                + " \u00b7 \u2717 0 failed \u00b7 \u21b7 7 skipped in 0:05");
        assertThat(BatchOutcome.of(s)).isEqualTo(BatchOutcome.DONE);
    }

    @Test
    void theEndBannerFollowsTheOutcome() {
        BatchSnapshot allFailed = counts(BatchStatus.COMPLETED, 0, 52, 0, 0, null);
        BatchSnapshot someFailed = counts(BatchStatus.COMPLETED, 50, 2, 0, 0, null);
        BatchSnapshot dead = counts(BatchStatus.FAILED, 0, 0, 0, 0, "The server at 127.0.0.1:9 could not be reached.");
        BatchSnapshot interrupted = counts(BatchStatus.INTERRUPTED, 10, 0, 0, 0, null);

        assertThat(BatchOutcome.of(allFailed)).isEqualTo(BatchOutcome.ALL_FAILED);
        assertThat(BatchOutcome.of(allFailed).styleClass()).isEqualTo("gs-notice-danger");
        assertThat(text.notice(allFailed)).startsWith("Every item failed: \u2713 0 enhanced");
        assertThat(BatchOutcome.of(someFailed)).isEqualTo(BatchOutcome.SOME_FAILED);
        assertThat(BatchOutcome.of(someFailed).styleClass()).isEqualTo("gs-notice-warning");
        assertThat(BatchOutcome.of(dead)).isEqualTo(BatchOutcome.FAILED);
        assertThat(BatchOutcome.of(dead).styleClass()).isEqualTo("gs-notice-danger");
        assertThat(text.notice(dead)).isEqualTo("Batch stopped: The server at 127.0.0.1:9 could not be reached."
                + " (\u2713 0 enhanced \u00b7 = 0 unchanged \u00b7 \u2717 0 failed \u00b7 \u21b7 0 skipped;"
                + " Resume continues it)");
        assertThat(BatchOutcome.of(interrupted)).isEqualTo(BatchOutcome.STOPPED);
        assertThat(text.notice(interrupted)).startsWith("Batch interrupted at 10/60: ");
        assertThat(BatchOutcome.of(counts(BatchStatus.COMPLETED, 60, 0, 0, 0, null)).styleClass())
                .isEqualTo("gs-notice-success");
    }

    private static BatchSnapshot counts(BatchStatus status, int succeeded, int failed, int skipped, int unchanged,
                                        String error) {
        int processed = succeeded + failed + skipped;
        return new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, status, 60, processed, succeeded, failed, skipped,
                unchanged, 0, 0, Optional.empty(), 0, Optional.empty(), Duration.ofSeconds(5), 0, 0, BigDecimal.ZERO,
                List.of(), error, Duration.ZERO, null, null);
    }

    private static BatchSnapshot snapshot(Operation op, BatchStatus status, Optional<Duration> eta) {
        return new BatchSnapshot("b-1", "v-1", op, status, 60, 53, 48, 2, 3, 0, 1, 0, Optional.empty(), 12.5, eta,
                Duration.ofSeconds(72), 1_000, 500, new BigDecimal("0.01234"), List.of(), "the provider said no",
                Duration.ZERO, null, null);
    }
}
