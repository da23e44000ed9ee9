package dev.goldsmith.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.ui.Messages;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How History writes a batch's counts, rate and cost. */
class HistoryFormatTest {

    private final HistoryFormat format = new HistoryFormat(Messages.load(Locale.ROOT), ZoneOffset.UTC);

    @Test
    void unchangedItemsAreCountedApartFromTheEnhancedOnes() {
        BatchRecord b = record(BatchStatus.COMPLETED, 60, 53, 0, 7, 38, 60_000);

        assertThat(format.counts(b)).isEqualTo("60 \u00b7 \u271315 =38 \u27170 \u21b77");
        assertThat(format.countsInWords(b)).isEqualTo("\u2713 15 enhanced \u00b7 = 38 unchanged \u00b7 \u2717 0 failed"
                + " \u00b7 \u21b7 7 skipped of 60");
    }

    @Test
    void aReviewBatchsAnswersReadAsProposedNotEnhanced() {
        BatchRecord r = record(BatchStatus.COMPLETED, 10, 9, 1, 0, 2, 60_000);
        BatchRecord review = new BatchRecord(r.id(), r.userId(), r.vaultId(), r.operation(), r.status(), r.totalItems(),
                r.processedItems(), r.successfulItems(), r.failedItems(), r.skippedItems(), r.unchangedItems(), null,
                "{\"review\": true}", r.createdAt(), r.updatedAt(), r.completedAt(), 0, 0, BigDecimal.ZERO, null,
                r.heartbeatAt(), null, 60_000);

        assertThat(format.countsInWords(review)).startsWith("\u2713 7 proposed for review \u00b7 = 2 unchanged");
        assertThat(format.countsInWords(r)).startsWith("\u2713 7 enhanced");
    }

    @Test
    void aCostIsUnknownWhenTokensWereUsedWithoutPricesAndNoneForTheOfflineEngine() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        BatchRecord unpriced = new BatchRecord("b-1", "ed", "v-1", Operation.ENHANCE, BatchStatus.COMPLETED, 1, 1, 1, 0, 0,
                0, null, "{}", at, at, at, 120, 40, BigDecimal.ZERO, null, at, null, 1_000);
        BatchRecord priced = new BatchRecord("b-2", "ed", "v-1", Operation.ENHANCE, BatchStatus.COMPLETED, 1, 1, 1, 0, 0,
                0, null, "{}", at, at, at, 120, 40, new BigDecimal("0.00123"), null, at, null, 1_000);

        assertThat(format.cost(unpriced)).isEqualTo("unknown");
        assertThat(format.costDetail(unpriced)).isEqualTo("cost unknown: set prices in Settings");
        assertThat(format.cost(priced)).isEqualTo("$0.0012");
        assertThat(format.costDetail(priced)).isEqualTo("120 prompt + 40 completion tokens");
        assertThat(format.cost(record(BatchStatus.COMPLETED, 1, 1, 0, 0, 0, 10))).as("offline: nothing counted")
                .isEqualTo("\u2013");
    }

    static BatchRecord record(BatchStatus status, int total, int succeeded, int failed, int skipped, int unchanged,
                              long activeMs) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new BatchRecord("b-1", "ed", "v-1", Operation.ENHANCE, status, total, succeeded + failed + skipped,
                succeeded, failed, skipped, unchanged, null, "{}", at, at, status.isLive() ? null : at, 0, 0,
                BigDecimal.ZERO, null, at, null, activeMs);
    }
}
