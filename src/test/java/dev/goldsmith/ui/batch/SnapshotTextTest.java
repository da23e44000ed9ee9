package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.ItemOutcome;
import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.batch.Pacing;
import dev.goldsmith.ui.Messages;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
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
        assertThat(text.rate(s)).isEqualTo("41.7 items/min");
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

    @Test
    void whileRetriesWaitThePanelSaysWhatIsInFlightWhatWaitsAndWhenTheNextGoes() {
        BatchSnapshot waiting = live(3, 2, Optional.of(Duration.ofMillis(3_200)), Duration.ZERO,
                new Pacing(Pacing.Reason.PROVIDER_REQUESTS, 588.4, 600), "HTTP 503 \u00b7 the server is busy");
        LiveBatchTexts texts = new LiveBatchTexts(new SimpleObjectProperty<>(waiting), new SimpleIntegerProperty(0),
                text, Messages.load(Locale.ROOT));

        assertThat(texts.activity().get())
                .isEqualTo("3 in flight \u00b7 2 waiting to retry, next in 0:04 \u00b7 paced 588/min (provider limit 600/min)");
        assertThat(texts.lastError().get()).isEqualTo("Latest error: HTTP 503 \u00b7 the server is busy");
    }

    @Test
    void pacingSaysWhyAndARateLimitHoldSaysHowLongItWaits() {
        assertThat(text.pacing(live(1, 0, Optional.empty(), Duration.ofMillis(400), Pacing.NONE, null)))
                .isEqualTo("rate limited, waiting 0:01");
        assertThat(text.pacing(live(1, 0, Optional.empty(), Duration.ZERO,
                new Pacing(Pacing.Reason.RPM_SETTING, 6000, 6000), null))).isEqualTo("paced 6,000/min (your limit 6,000/min)");
        assertThat(text.pacing(live(1, 0, Optional.empty(), Duration.ZERO,
                new Pacing(Pacing.Reason.PROVIDER_TOKENS, 212, 90_000), null)))
                .isEqualTo("paced 212/min (provider limit 90,000 tokens/min)");
        assertThat(text.pacing(live(1, 0, Optional.empty(), Duration.ZERO,
                new Pacing(Pacing.Reason.LEARNED, 540, 560), null)))
                .isEqualTo("paced 540/min (limit learned from the provider's 429s: 560/min)");
        assertThat(text.pacing(live(1, 0, Optional.empty(), Duration.ZERO, Pacing.NONE, null))).isEmpty();
        assertThat(text.activity(live(0, 1, Optional.empty(), Duration.ZERO, Pacing.NONE, null)))
                .isEqualTo("0 in flight \u00b7 1 waiting to retry");
        assertThat(text.activity(counts(BatchStatus.COMPLETED, 1, 0, 0, 0, null))).as("ended").isEmpty();
        assertThat(text.lastError(live(0, 0, Optional.empty(), Duration.ZERO, Pacing.NONE, null))).isEmpty();
    }

    @Test
    void withoutPricesTheCostIsUnknownAndTheOfflineEngineShowsNoneAtAll() {
        BatchSnapshot unpriced = new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, BatchStatus.PROCESSING, 60, 1, 1, 0,
                0, 0, 0, 0, Optional.empty(), 0, Optional.empty(), Duration.ofSeconds(3), 100, 40, BigDecimal.ZERO,
                List.of(), null, Duration.ZERO, null, null);
        BatchSnapshot offline = counts(BatchStatus.COMPLETED, 53, 0, 7, 0, null);

        assertThat(text.cost(unpriced)).isEqualTo("cost unknown: set prices in Settings");
        assertThat(text.tokens(unpriced)).isEqualTo("140 tokens");
        assertThat(text.cost(offline)).isEmpty();
        assertThat(text.tokens(offline)).isEmpty();
    }

    @Test
    void itemsPerMinuteAreTheAnsweredItemsOverTheActiveTimeWithThousandsSeparators() {
        BatchSnapshot fast = new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, BatchStatus.COMPLETED, 9_000, 9_000,
                8_000, 12, 988, 0, 0, 0, Optional.empty(), 99_999, Optional.empty(), Duration.ofMillis(2_750), 0, 0,
                BigDecimal.ZERO, List.of(), null, Duration.ZERO, null, null);

        assertThat(text.rate(fast)).as("(8,000 + 12) / 2.75 s, not the engine's recent window")
                .isEqualTo("174,807.3 items/min");
    }

    private static BatchSnapshot live(int inFlight, int waiting, Optional<Duration> next, Duration hold, Pacing pacing,
                                      String lastError) {
        return new BatchSnapshot("b-1", "v-1", Operation.ENHANCE, BatchStatus.PROCESSING, 52, 0, 0, 0, 0, 0, inFlight,
                waiting, next, 0, Optional.empty(), Duration.ofSeconds(75), 0, 0, BigDecimal.ZERO, List.of(), null, hold,
                lastError, pacing);
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
