package dev.goldsmith.ui.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.ItemStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches launched from the view models run on the real engine, one after another, and can be controlled. */
class LiveBatchViewModelTest {

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private BatchFixture f;
    private LoopbackProvider provider;

    @AfterEach
    void close() {
        if (provider != null) {
            provider.allow(1_000); // unblock answers still held at the gate
        }
        if (f != null) {
            f.close();
        }
    }

    @Test
    void startRunsABatchToCompletionAndTheCountersMatchTheDatabase() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-1", "pp-2", "pp-3", "ts-1", "ts-2", "hc-1");

        f.launch.start();
        f.awaitIdle();

        BatchSnapshot shown = f.live.snapshotProperty().get();
        BatchRecord stored = f.record(shown.batchId());
        assertThat(stored.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(shown.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(List.of(shown.total(), shown.processed(), shown.succeeded(), shown.failed(), shown.skipped()))
                .containsExactly(stored.totalItems(), stored.processedItems(), stored.successfulItems(),
                        stored.failedItems(), stored.skippedItems())
                .containsExactly(6, 6, 4, 0, 2);
        LiveBatchTexts t = f.live.texts();
        assertThat(t.progress().get()).isEqualTo(1.0);
        assertThat(t.headline().get()).isEqualTo("Finished 6/6 items");
        int unchanged = stored.unchangedItems(); // the rules engine leaves some items as they were
        assertThat(shown.unchanged()).isEqualTo(unchanged);
        assertThat(List.of(t.succeeded().get(), t.unchanged().get(), t.failed().get(), t.skipped().get()))
                .containsExactly("\u2713 " + (4 - unchanged) + " enhanced", "= " + unchanged + " unchanged",
                        "\u2717 0 failed", "\u21b7 2 skipped");
        assertThat(f.live.noticeProperty().get()).startsWith("Batch finished: \u2713 " + (4 - unchanged) + " enhanced"
                + " \u00b7 = " + unchanged + " unchanged \u00b7 \u2717 0 failed \u00b7 \u21b7 2 skipped in ");
        assertThat(f.live.noticeOutcomeProperty().get()).isEqualTo(BatchOutcome.DONE);
        assertThat(f.live.outcomes()).hasSize(4).extracting(OutcomeRow::status)
                .allMatch(s -> s == ItemStatus.SUCCEEDED || s == ItemStatus.UNCHANGED); // identical answers: unchanged
        assertThat(f.live.outcomes()).filteredOn(r -> r.status() == ItemStatus.UNCHANGED).hasSize(unchanged);
        assertThat(f.reloads).hasSize(1);
        assertThat(f.desktop).isEmpty();
        assertThat(f.live.canPause().get()).isFalse();
        assertThat(f.live.canCancel().get()).isFalse();
        assertThat(f.dialogs.errors).isEmpty();
    }

    @Test
    void theLivePanelAndHistoryShowTheSameItemsPerMinute() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-1", "pp-3", "ts-1", "hc-1");

        f.launch.start();
        f.awaitIdle();

        var history = new dev.goldsmith.ui.history.HistoryViewModel(f.services.batches(), f.services.vaults(),
                new dev.goldsmith.ui.SameThreadTaskExecutor(), f.dialogs, f.messages, f.services.clock(),
                java.time.ZoneOffset.UTC);
        BatchRecord stored = f.record(f.live.snapshotProperty().get().batchId());
        String live = f.live.texts().rate().get();
        assertThat(live).endsWith(" items/min");
        assertThat(history.itemsPerMinute(stored)).isEqualTo(live.replace(" items/min", "/min").replace(".0/", "/"));
    }

    @Test
    void aBatchEndingWhileTheWindowIsNotFocusedAlsoNotifiesTheDesktop() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.live.windowFocusedProperty().set(false);
        f.select("pp-1");

        f.launch.start();
        f.awaitIdle();

        assertThat(f.desktop).singleElement().asString().startsWith("Batch finished: ");
    }

    @Test
    void aBatchStartedWhileOneRunsWaitsInTheQueueAndRunsAfterIt() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        List<String> seen = new ArrayList<>();
        f.live.snapshotProperty().addListener((obs, was, s) -> seen.add(s.batchId() + " " + s.status().wireName()));

        f.select("pp-1", "pp-3");
        f.launch.start();
        f.select("hc-1");
        f.launch.start();

        assertThat(f.live.queuedProperty().get()).isEqualTo(1);
        assertThat(f.live.texts().queued().get()).isEqualTo("1 queued");
        assertThat(f.launch.startText().get()).isEqualTo("Add to queue (1 item)");
        String first = f.live.snapshotProperty().get().batchId();

        f.ui.runUntil(() -> f.reloads.size() == 2, BatchFixture.TIMEOUT);

        String second = f.live.snapshotProperty().get().batchId();
        assertThat(second).isNotEqualTo(first);
        assertThat(seen.indexOf(first + " completed")).isGreaterThanOrEqualTo(0)
                .isLessThan(seen.indexOf(seen.stream().filter(s -> s.startsWith(second)).findFirst().orElseThrow()));
        assertThat(f.record(first).totalItems()).isEqualTo(2);
        assertThat(f.record(second).totalItems()).isEqualTo(1);
        assertThat(f.record(second).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(f.live.queuedProperty().get()).isZero();
        assertThat(f.live.busyProperty().get()).isFalse();
    }

    @Test
    void clearingTheQueueDropsTheWaitingBatchesButLetsTheRunningOneFinish() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-1", "pp-3");
        f.launch.start();
        f.select("hc-1");
        f.launch.start();
        assertThat(f.live.queuedProperty().get()).isEqualTo(1);
        String first = f.live.snapshotProperty().get().batchId();

        f.live.clearQueue();

        assertThat(f.live.queuedProperty().get()).isZero();
        f.ui.runUntil(() -> !f.live.busyProperty().get(), BatchFixture.TIMEOUT);
        assertThat(f.record(first).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(0))).hasSize(1);
    }

    @Test
    void queuingItemsThatAreStillRunningOrQueuedAsksFirstAndANoKeepsThemOut() throws Exception {
        f = new BatchFixture(dir);
        f.launch.loadDefaults();
        f.select("pp-1", "pp-3");
        f.launch.start(); // runs until the UI thread hears that it ended: the test has not let it yet
        f.select("hc-1");
        f.launch.start();
        assertThat(f.dialogs.questions).as("no overlap, no question").isEmpty();
        assertThat(f.live.queuedProperty().get()).isEqualTo(1);

        f.select("pp-3", "hc-1", "ts-1");
        f.dialogs.answer(false);
        f.launch.start();

        assertThat(f.dialogs.questions).singleElement().asString().startsWith("Queue these items again?: "
                + "2 of the 3 items are already in a batch that is running or waiting to run (pp-3, hc-1).");
        assertThat(f.live.queuedProperty().get()).as("declined: nothing queued").isEqualTo(1);

        f.dialogs.answer(true);
        f.launch.start();

        assertThat(f.dialogs.questions).hasSize(2);
        assertThat(f.live.queuedProperty().get()).isEqualTo(2);
        f.ui.runUntil(() -> !f.live.busyProperty().get(), BatchFixture.TIMEOUT);
        assertThat(f.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(0))).hasSize(3);

        f.select("pp-3");
        f.launch.start();
        assertThat(f.dialogs.questions).as("once they ended, the items are free again").hasSize(2);
        f.awaitIdle();
    }

    @Test
    void pauseResumeAndCancelChangeTheStateAndACancelledBatchResumesToTheEnd() throws Exception {
        f = new BatchFixture(dir);
        provider = LoopbackProvider.gated();
        server.setDispatcher(provider);
        LoopbackProvider.useFor(f.services, server);
        f.launch.loadDefaults();
        f.launch.concurrencyProperty().set(1);
        f.select("pp-1", "pp-3", "ts-1", "hc-1");

        f.launch.start();
        provider.awaitRequest();
        f.live.pause();
        f.awaitSnapshot(s -> s.status() == BatchStatus.PAUSED);
        assertThat(f.live.canPause().get()).isFalse();
        assertThat(f.live.canResume().get()).isTrue();
        assertThat(f.live.canCancel().get()).isTrue();
        assertThat(f.live.texts().headline().get()).isEqualTo("Paused at 0/4 items");

        provider.allow(1);
        f.awaitSnapshot(s -> s.processed() == 1);
        f.live.resume();
        f.awaitSnapshot(s -> s.status() == BatchStatus.PROCESSING);
        provider.awaitRequest();
        f.live.cancel();
        f.awaitIdle();

        BatchSnapshot cancelled = f.live.snapshotProperty().get();
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(f.record(cancelled.batchId()).status()).isEqualTo(BatchStatus.CANCELLED);
        assertThat(f.record(cancelled.batchId()).processedItems()).isEqualTo(1);
        assertThat(f.live.noticeProperty().get()).startsWith("Batch cancelled at 1/4: \u2713 1 enhanced");
        assertThat(f.live.canResume().get()).isTrue();

        provider.allow(1_000);
        f.live.resume();
        f.awaitIdle();

        BatchSnapshot done = f.live.snapshotProperty().get();
        BatchRecord stored = f.record(cancelled.batchId());
        assertThat(done.batchId()).isEqualTo(cancelled.batchId());
        assertThat(stored.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(List.of(done.processed(), done.succeeded(), done.failed()))
                .containsExactly(stored.processedItems(), stored.successfulItems(), stored.failedItems())
                .containsExactly(4, 4, 0);
        assertThat(done.promptTokens()).isEqualTo(stored.promptTokens()).isPositive();
        assertThat(f.live.texts().cost().get()).isEqualTo("$" + String.format(java.util.Locale.ROOT, "%.4f",
                stored.costUsd()));
        assertThat(f.dialogs.choices).as("same settings as when it started: nothing to ask").isEmpty();
    }

    @Test
    void whileARetryWaitsThePanelSaysSoAndShowsTheErrorAtOnce() throws Exception {
        f = new BatchFixture(dir);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        LoopbackProvider answers = LoopbackProvider.slow(0);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request)
                    throws InterruptedException {
                if (calls.incrementAndGet() == 1) {
                    return new mockwebserver3.MockResponse.Builder().code(503).setHeader("Content-Type",
                            "application/json").body("{\"error\":{\"message\":\"The server is busy\"}}").build();
                }
                return answers.dispatch(request);
            }
        });
        LoopbackProvider.useFor(f.services, server);
        f.launch.loadDefaults();
        f.launch.concurrencyProperty().set(1);
        f.select("pp-1", "pp-3");

        f.launch.start();
        BatchSnapshot waiting = f.awaitSnapshot(s -> s.waitingRetries() > 0);

        assertThat(waiting.lastError()).isNotBlank();
        assertThat(f.live.texts().activity().get()).matches("\\d in flight \u00b7 1 waiting to retry(, next in 0:0\\d)?");
        assertThat(f.live.texts().lastError().get()).isEqualTo("Latest error: " + waiting.lastError())
                .contains("503");
        f.awaitIdle();
        assertThat(f.live.texts().activity().get()).as("ended: nothing in flight any more").isEmpty();
        assertThat(f.record(waiting.batchId()).successfulItems()).isEqualTo(2);
    }

    @Test
    void resumingAfterTheSettingsMovedToAnotherProviderAsksWhichToUse() throws Exception {
        f = new BatchFixture(dir);
        provider = LoopbackProvider.gated();
        server.setDispatcher(provider);
        LoopbackProvider.useFor(f.services, server);
        f.launch.loadDefaults();
        f.select("pp-1", "pp-3");
        f.launch.start();
        provider.awaitRequest();
        f.live.cancel();
        f.awaitIdle();
        String batchId = f.live.snapshotProperty().get().batchId();
        BatchSettings rules = f.services.batchDefaults().load(Operation.ENHANCE).withProvider(ProviderSettings.rules());
        f.services.batchDefaults().save(rules);
        f.dialogs.pick(1);

        f.live.resume();
        f.awaitIdle();

        assertThat(f.dialogs.choices).singleElement().asString().startsWith("Resume batch ")
                .endsWith("[Its own: gpt-test | Current: Offline rules]");
        assertThat(f.record(batchId).status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(f.record(batchId).successfulItems()).isEqualTo(2);
        assertThat(f.record(batchId).promptTokens()).as("the rules engine answered, not the loopback model").isZero();
    }
}
