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
                .isEqualTo("Batch finished: \u2713 48 \u2717 2 \u21b7 3 in 1:12");
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
                + " (\u2713 30 \u2717 0 \u21b7 0 in 1:12; Resume continues it)");
        assertThat(text.notice(cancelled)).isEqualTo("Batch cancelled: \u2713 30 \u2717 0 \u21b7 0 in 1:12");
    }

    private static BatchSnapshot snapshot(Operation op, BatchStatus status, Optional<Duration> eta) {
        return new BatchSnapshot("b-1", "v-1", op, status, 60, 53, 48, 2, 3, 0, 1, 0, Optional.empty(), 12.5, eta,
                Duration.ofSeconds(72), 1_000, 500, new BigDecimal("0.01234"), List.of(), "the provider said no",
                Duration.ZERO, null, null);
    }
}
