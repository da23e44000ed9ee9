package dev.goldsmith.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.vault.FilterChoice;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History list, filters, stats and chart data on real batches in a real SQLite file, without the FX toolkit. */
class HistoryViewModelTest {

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HistoryFixture fx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HistoryViewModel vm;
    private BatchRecord enhanced;
    private BatchRecord keywords;
    private BatchRecord refused;

    @BeforeEach
    void runBatches() throws Exception {
        fx = new HistoryFixture(dir);
        enhanced = fx.rules(Operation.ENHANCE);
        fx.nextDay();
        keywords = fx.rules(Operation.KEYWORD_SUGGEST, "pp-1", "ts-1");
        refused = fx.refused(server, "pp-3", "hc-1");
        vm = new HistoryViewModel(fx.services.batches(), fx.services.vaults(), new SameThreadTaskExecutor(), dialogs,
                Messages.load(Locale.ROOT), fx.clock, ZoneOffset.UTC);
        vm.reload();
    }

    @AfterEach
    void close() {
        fx.services.close();
    }

    @Test
    void listsEveryBatchNewestFirstWithVaultNames() {
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(refused.id(), keywords.id(), enhanced.id());
        assertThat(vm.vaultName(enhanced.vaultId())).isEqualTo("Jordan Lee");
        assertThat(vm.filters().vaultChoices()).extracting(FilterChoice::label)
                .containsExactly("All vaults", "Jordan Lee", "Zed Empty");
        assertThat(vm.format().counts(vm.batches().get(2))).isEqualTo("6 · ✓2 =2 ✗0 ↷2"); // two items the rules engine leaves as they were
        assertThat(vm.format().counts(vm.batches().get(0))).isEqualTo("2 · ✓0 =0 ✗2 ↷0");
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void filtersByStatusOperationVaultDateAndSearch() {
        vm.filters().operationProperty().set(choice(vm.filters().operationChoices(), Operation.KEYWORD_SUGGEST));
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(keywords.id());

        vm.filters().operationProperty().set(vm.filters().operationChoices().get(0));
        vm.filters().toProperty().set(LocalDate.of(2026, 11, 20));
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(enhanced.id());

        vm.filters().toProperty().set(null);
        vm.filters().fromProperty().set(LocalDate.of(2026, 11, 21));
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(refused.id(), keywords.id());

        vm.filters().vaultProperty().set(choice(vm.filters().vaultChoices(), "v-empty"));
        assertThat(vm.batches()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("No batch matches the filters.");

        vm.filters().vaultProperty().set(vm.filters().vaultChoices().get(0));
        vm.filters().fromProperty().set(null);
        vm.filters().searchProperty().set(keywords.id().substring(0, 8).toUpperCase(Locale.ROOT));
        assertThat(vm.batches()).extracting(BatchRecord::id).containsExactly(keywords.id());

        vm.filters().searchProperty().set("");
        assertThat(refused.status()).as("failed items do not fail the batch").isEqualTo(BatchStatus.COMPLETED);
        vm.filters().statusProperty().set(choice(vm.filters().statusChoices(), BatchStatus.COMPLETED));
        assertThat(vm.batches()).hasSize(3);
        vm.filters().statusProperty().set(choice(vm.filters().statusChoices(), BatchStatus.CANCELLED));
        assertThat(vm.batches()).isEmpty();
    }

    @Test
    void statsAndChartAreComputedFromTheListedBatches() {
        // 4 + 2 succeeded (enhance, keywords), 2 failed (refused): 75 %.
        assertThat(vm.successRateProperty().get()).isEqualTo("Success rate 75.0 %");
        assertThat(vm.averageDurationProperty().get()).startsWith("Average duration: Enhance ")
                .contains(" · Suggest keywords ");
        assertThat(vm.itemsPerMinuteProperty().get()).matches("Throughput [0-9,.]+/min");
        assertThat(vm.days()).containsExactly(new DayCount(LocalDate.of(2026, 11, 20), 4, 0),
                new DayCount(LocalDate.of(2026, 11, 21), 2, 2));

        vm.filters().operationProperty().set(choice(vm.filters().operationChoices(), Operation.KEYWORD_SUGGEST));
        assertThat(vm.successRateProperty().get()).isEqualTo("Success rate 100.0 %");
        assertThat(vm.averageDurationProperty().get()).doesNotContain("Enhance");
        assertThat(vm.days()).containsExactly(new DayCount(LocalDate.of(2026, 11, 21), 2, 0));
    }

    @Test
    void statsOfAnEmptyListSayNothingWasTried() {
        vm.filters().vaultProperty().set(choice(vm.filters().vaultChoices(), "v-empty"));
        assertThat(vm.successRateProperty().get()).isEqualTo("Success rate –");
        assertThat(vm.itemsPerMinuteProperty().get()).isEqualTo("Throughput –");
        assertThat(vm.days()).isEmpty();
    }

    @Test
    void aRunningBatchShowsHowLongItHasBeenWorkingNotZero() throws Exception {
        fx.hold = true;
        server.setDispatcher(fx.refusing());
        var handle = fx.services.batches().start(TestVaults.VAULT, java.util.List.of("pp-1"),
                HistoryFixture.openai(server, 1));
        server.takeRequest(10, java.util.concurrent.TimeUnit.SECONDS);
        fx.clock.advance(java.time.Duration.ofSeconds(42));

        vm.reload();
        BatchRecord running = vm.batches().get(0);
        assertThat(running.status().isLive()).isTrue();
        assertThat(vm.durationOf(running)).isEqualTo("running, 42.0 s");

        vm.liveElapsedFrom(id -> id.equals(running.id()) ? java.util.Optional.of(java.time.Duration.ofSeconds(75))
                : java.util.Optional.empty());
        assertThat(vm.durationOf(running)).as("the live panel knows best").isEqualTo("running, 1 min 15 s");
        assertThat(vm.countsCell(running)).as("nothing answered yet").endsWith("\n0/min");

        fx.release.countDown();
        fx.finish(handle);
    }

    @Test
    void theSelectedBatchStaysSelectedAcrossAReload() {
        vm.selectedProperty().set(vm.batches().get(1));
        vm.reload();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(keywords.id());
        assertThat(vm.detailTitle(vm.selectedProperty().get()))
                .isEqualTo("Batch " + keywords.id().substring(0, 8) + " · Jordan Lee · Suggest keywords · Offline rules");
    }

    static <T> FilterChoice<T> choice(java.util.List<FilterChoice<T>> choices, T value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }
}
