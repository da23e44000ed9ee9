package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.Pacing;
import dev.goldsmith.batch.Pacing.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void theLineCountsUnchangedApartAndShowsRetriesWaiting() {
        BatchSnapshot s = new BatchSnapshot("b", "v", Operation.ENHANCE, BatchStatus.PROCESSING, 60, 20, 12, 1, 7, 5, 2, 3,
                Optional.of(Duration.ofSeconds(4)), 9.8, Optional.empty(), Duration.ofSeconds(30), 0, 0, BigDecimal.ZERO,
                List.of(), null, Duration.ZERO, "The server answered 503.", null);

        assertThat(ProgressLine.render(s))
                .isEqualTo("Processing 20/60 (33%) ✓7 =5 ✗1 ↷7 · 9.8/min · 3 waiting to retry (next in 0:04)");
    }

    @Test
    void aFinishedLineShowsNoWaiting() {
        BatchSnapshot s = new BatchSnapshot("b", "v", Operation.ENHANCE, BatchStatus.FAILED, 60, 8, 0, 0, 8, 0, 0, 0,
                Optional.empty(), 0, Optional.empty(), Duration.ofSeconds(1), 0, 0, BigDecimal.ZERO, List.of(),
                "The server at 127.0.0.1:9 could not be reached.", Duration.ZERO, null, null);

        assertThat(ProgressLine.render(s)).isEqualTo("Failed 8/60 (13%) ✓0 ✗0 ↷8 · 0.0/min · 0:01");
    }

    @Test
    void thePaceAndTheLimitItFollowsAreShown() {
        assertThat(ProgressLine.render(snapshot(new Pacing(Reason.PROVIDER_REQUESTS, 588, 600), Duration.ZERO)))
                .isEqualTo("Processing 15/50 (30%) ✓14 ✗1 ↷0 · 9.8/min · ETA 3:40 · paced 588/min (provider limit 600/min)");
        assertThat(ProgressLine.pacing(new Pacing(Reason.PROVIDER_TOKENS, 91.6, 60_000)))
                .isEqualTo("paced 92/min (provider limit 60,000 tokens/min)");
        assertThat(ProgressLine.pacing(new Pacing(Reason.LEARNED, 582.4, 594.2)))
                .isEqualTo("paced 582/min (learned limit 594/min)");
        assertThat(ProgressLine.pacing(new Pacing(Reason.LEARNED, 300, 0)))
                .isEqualTo("paced 300/min (learning the provider's limit)");
        assertThat(ProgressLine.pacing(new Pacing(Reason.RPM_SETTING, 570, 570))).isEqualTo("paced 570/min (your limit)");
        assertThat(ProgressLine.pacing(new Pacing(Reason.TPM_SETTING, 2.75, 1_500)))
                .isEqualTo("paced 2.8/min (your limit 1,500 tokens/min)");
    }

    @Test
    void aHoldSaysHowLongItWaitsAndNothingIsShownWhenNothingPaces() {
        assertThat(ProgressLine.render(snapshot(new Pacing(Reason.LEARNED, 582, 594), Duration.ofMillis(1200))))
                .endsWith("· ETA 3:40 · rate limited, waiting 0:01");
        assertThat(ProgressLine.render(snapshot(Pacing.NONE, Duration.ZERO))).endsWith("· ETA 3:40");
    }

    private static BatchSnapshot snapshot(Pacing pacing, Duration hold) {
        return new BatchSnapshot("b", "v", Operation.ENHANCE, BatchStatus.PROCESSING, 50, 15, 14, 1, 0, 0, 5, 0,
                Optional.empty(), 9.8, Optional.of(Duration.ofSeconds(220)), Duration.ofSeconds(90), 0, 0,
                BigDecimal.ZERO, List.of(), null, hold, null, pacing);
    }
}
