package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
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
}
