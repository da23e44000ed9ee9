package dev.goldsmith.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.ItemStatus;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.review.DiffPresentation;
import dev.goldsmith.store.ProposalStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selected batch's detail, Resume, Retry failed and Export CSV, on real batches, without the FX toolkit. */
class BatchDetailViewModelTest {

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HistoryFixture fx;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private HistoryViewModel history;
    private BatchDetailViewModel detail;

    private int itemsChanged;

    private dev.goldsmith.ui.batch.BatchGateway gateway() {
        return new dev.goldsmith.ui.batch.BatchGateway(fx.services::batches, fx.services.batchLauncher(Map.of()));
    }

    @BeforeEach
    void open() {
        fx = new HistoryFixture(dir);
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        Messages messages = Messages.load(Locale.ROOT);
        history = new HistoryViewModel(fx.services.batches(), fx.services.vaults(), executor, dialogs, messages, fx.clock,
                ZoneOffset.UTC);
        detail = new BatchDetailViewModel(fx.services.batches(), gateway(), executor,
                dialogs, messages, history::reload, fx.services.itemVersions(), () -> itemsChanged++,
                start -> executor.submit(start, handle -> { }, failure -> dialogs.showError("start", failure.getMessage())),
                fx.services.vaultExporter().files(), fx.services.reviews());
        detail.batchProperty().bind(history.selectedProperty());
    }

    @AfterEach
    void close() {
        fx.services.close();
    }

    private void select(BatchRecord b) {
        history.reload();
        history.selectedProperty().set(history.batches().stream().filter(r -> r.id().equals(b.id())).findFirst()
                .orElseThrow());
    }

    @Test
    void showsEachItemsOutcomeAndTheBeforeAndAfterOfWrittenItems() throws Exception {
        BatchRecord b = fx.rules(Operation.ENHANCE, "pp-3", "pp-2");
        select(b);

        assertThat(detail.outcomes()).extracting(OutcomeRow::itemId, OutcomeRow::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pp-3", ItemStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("pp-2", ItemStatus.SKIPPED));
        OutcomeRow written = detail.outcomes().stream().filter(r -> r.itemId().equals("pp-3")).findFirst().orElseThrow();
        assertThat(written.attempts()).isEqualTo(1);
        assertThat(written.before()).isEqualTo("Helped with the Python data pipeline");
        assertThat(written.after()).isNotBlank().isNotEqualTo(written.before());

        detail.focusedProperty().set(written);
        DiffPresentation diff = detail.diffProperty().getValue();
        assertThat(diff.before()).isEqualTo("Helped with the Python data pipeline");
        assertThat(diff.after()).isEqualTo(written.after());
        assertThat(diff.content()).as("a word diff, not two texts")
                .anyMatch(r -> r.kind() == dev.goldsmith.review.WordDiff.Kind.INSERTED);
        assertThat(diff.tier()).isEqualTo("Tier: Assumed → " + tierName(written.change().afterTier()));
        assertThat(detail.diffNote().getValue()).startsWith("Written back by this batch");
        detail.focusedProperty().set(detail.outcomes().stream().filter(r -> !r.written()).findFirst().orElseThrow());
        assertThat(detail.diffProperty().getValue()).isNull();
        assertThat(detail.diffNote().getValue()).isEqualTo("This item was not written back by the batch.");
        assertThat(detail.canResumeProperty().get()).as("completed").isFalse();
        assertThat(detail.canRetryProperty().get()).as("nothing failed").isFalse();
        assertThat(detail.canRevertProperty().get()).as("nothing written to revert").isFalse();
    }

    @Test
    void revertRestoresTheItemFromBeforeTheBatchAndKeepsTheEnhancementInItsHistory() throws Exception {
        BatchRecord b = fx.rules(Operation.ENHANCE, "pp-3");
        select(b);
        OutcomeRow written = detail.outcomes().get(0);
        detail.focusedProperty().set(written);
        assertThat(detail.canRevertProperty().get()).isTrue();

        detail.revertFocused();

        var item = fx.services.items().find(b.vaultId(), "pp-3").orElseThrow();
        assertThat(item.content()).isEqualTo("Helped with the Python data pipeline");
        assertThat(fx.services.itemVersions().list(b.vaultId(), "pp-3")).extracting(v -> v.reason())
                .containsExactly("revert", "batch");
        assertThat(itemsChanged).as("the workspace is told").isEqualTo(1);
        assertThat(dialogs.questions).hasSize(1);
        assertThat(detail.revertNoteProperty().get())
                .isEqualTo("pp-3 is back to the text, tier and keywords it had before this batch.");
        assertThat(detail.revertDoneProperty().get()).isTrue();
        assertThat(detail.canRevertProperty().get()).as("nothing left to revert").isFalse();

        detail.revertFocused();
        assertThat(dialogs.questions).as("a second click does nothing").hasSize(1);
        assertThat(fx.services.itemVersions().list(b.vaultId(), "pp-3")).hasSize(2);

        detail.focusedProperty().set(null);
        detail.focusedProperty().set(written);
        assertThat(detail.canRevertProperty().get()).as("still, after looking away and back").isFalse();
        assertThat(detail.revertNoteProperty().get()).startsWith("pp-3 has changed since this batch");
        assertThat(detail.revertDoneProperty().get()).isFalse();
    }

    @Test
    void httpStatusesAreShownOnlyForBatchesThatSpokeHttp() throws Exception {
        assertThat(detail.ranOffline(fx.rules(Operation.ENHANCE, "pp-3"))).isTrue();
        assertThat(detail.ranOffline(fx.refused(server, "pp-1"))).isFalse();
    }

    @Test
    void failedItemsShowTheirHttpStatusAndErrorAndRetryMakesANewBatch() throws Exception {
        BatchRecord refused = fx.refused(server, "pp-1", "hc-1");
        select(refused);

        assertThat(detail.outcomes()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(ItemStatus.FAILED);
            assertThat(r.httpStatus()).isEqualTo(400);
            assertThat(r.error()).isNotBlank();
            assertThat(r.written()).isFalse();
        });
        assertThat(detail.canRetryProperty().get()).isTrue();
        assertThat(detail.canResumeProperty().get()).isFalse();

        detail.retryFailed().get(20, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(history.batches()).hasSize(2);
        BatchRecord retry = history.batches().get(0);
        assertThat(retry.id()).isNotEqualTo(refused.id());
        assertThat(retry.parentBatchId()).isEqualTo(refused.id());
        assertThat(retry.totalItems()).isEqualTo(2);
        assertThat(history.selectedProperty().get().id()).as("the old batch stays selected").isEqualTo(refused.id());
    }

    @Test
    void aRetryGoesToTheLauncherAndTheButtonsWaitUntilItEnds() throws Exception {
        BatchRecord refused = fx.refused(server, "pp-1", "hc-1");
        java.util.List<java.util.concurrent.Callable<dev.goldsmith.batch.BatchHandle>> queued = new java.util.ArrayList<>();
        BatchDetailViewModel queuedDetail = new BatchDetailViewModel(fx.services.batches(), gateway(), new SameThreadTaskExecutor(), dialogs, Messages.load(Locale.ROOT), history::reload,
                fx.services.itemVersions(), () -> { }, queued::add, fx.services.vaultExporter().files(),
                fx.services.reviews());
        queuedDetail.batchProperty().set(refused);
        assertThat(queuedDetail.canRetryProperty().get()).isTrue();

        var done = queuedDetail.retryFailed();

        assertThat(queued).as("handed to the live panel's queue").hasSize(1);
        assertThat(queuedDetail.canRetryProperty().get()).as("no second retry while one waits or runs").isFalse();
        queued.get(0).call().completion().get(20, TimeUnit.SECONDS);
        done.get(20, TimeUnit.SECONDS);
        assertThat(queuedDetail.canRetryProperty().get()).isTrue();
    }

    @Test
    void resumeIsOfferedForACancelledBatchAndFinishesItInPlace() throws Exception {
        BatchRecord cancelled = fx.cancelled(server, "pp-1", "pp-3", "hc-1");
        assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
        select(cancelled);
        assertThat(detail.canResumeProperty().get()).isTrue();
        assertThat(detail.outcomes()).extracting(OutcomeRow::status).contains(ItemStatus.PENDING);
        assertThat(detail.outcomes()).filteredOn(r -> r.status() == ItemStatus.PENDING)
                .extracting(detail::attemptsText).as("the call in flight at the cancel was sent once; the rest never")
                .containsExactly("1", "\u2013", "\u2013");

        detail.resume().get(20, TimeUnit.SECONDS);

        assertThat(dialogs.errors).isEmpty();
        assertThat(history.batches()).hasSize(1);
        BatchRecord resumed = history.batches().get(0);
        assertThat(resumed.id()).isEqualTo(cancelled.id());
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.failedItems()).isEqualTo(3);
        assertThat(detail.canResumeProperty().get()).as("completed now").isFalse();
    }

    @Test
    void resumeSaysWhichProviderItUsesAndOffersTheCurrentSettingsInstead() throws Exception {
        BatchRecord cancelled = fx.cancelled(server, "pp-1", "pp-3", "hc-1"); // ran on gpt-test; Settings say rules
        select(cancelled);
        dialogs.pick(1);

        detail.resume().get(20, TimeUnit.SECONDS);

        assertThat(dialogs.choices).singleElement().asString()
                .startsWith("Resume batch " + cancelled.id().substring(0, 8) + "?: It started with OpenAI-compatible"
                        + " \u00b7 gpt-test \u00b7 " + server.url("/v1") + ". The current settings use Offline rules"
                        + " engine \u2014 not an AI model. Which should its 3 pending items be sent with?")
                .endsWith("[Its own: gpt-test | Current: Offline rules]");
        BatchRecord resumed = fx.services.batches().find(cancelled.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(resumed.failedItems()).as("sent to the rules engine, not the refusing server").isZero();
        assertThat(fx.services.items().find(cancelled.vaultId(), "pp-3").orElseThrow().tier())
                .as("written back by the rules engine").isNotEqualTo(dev.goldsmith.vault.QualityTier.ASSUMED);
    }

    @Test
    void cancellingTheQuestionRunsNothing() throws Exception {
        BatchRecord refused = fx.refused(server, "pp-1", "hc-1");
        select(refused);
        dialogs.pick(-1);

        detail.retryFailed().get(20, TimeUnit.SECONDS);

        assertThat(dialogs.choices).hasSize(1);
        assertThat(fx.services.batches().history(dev.goldsmith.batch.HistoryQuery.all(0))).hasSize(1);
        assertThat(detail.canRetryProperty().get()).isTrue();
    }

    @Test
    void aRetryWithTheSameProviderAsTheSettingsStillSaysWhichItIs() throws Exception {
        BatchRecord refused = fx.refused(server, "pp-1", "hc-1");
        fx.services.batchDefaults().save(HistoryFixture.openai(server, 2));
        select(refused);

        detail.retryFailed().get(20, TimeUnit.SECONDS);

        assertThat(dialogs.choices).singleElement().asString()
                .contains("again with the settings the batch started with: OpenAI-compatible \u00b7 gpt-test")
                .endsWith("[Retry failed]");
        assertThat(history.providerName(history.batches().get(0))).isEqualTo("gpt-test");
        assertThat(history.detailTitle(refused)).endsWith(" \u00b7 Enhance \u00b7 gpt-test");
    }

    @Test
    void exportWritesOutcomesWithBeforeAndAfterAsCsv() throws Exception {
        BatchRecord b = fx.rules(Operation.ENHANCE, "pp-3", "pp-2");
        select(b);
        Path file = dir.resolve("out.csv");
        dialogs.chooseFile(file);

        detail.exportCsv();

        assertThat(dialogs.errors).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("batch_id,position,item_id,status,attempts,http_status,error,before,after");
        assertThat(lines).hasSize(3);
        String pp3 = lines.stream().filter(l -> l.contains(",pp-3,")).findFirst().orElseThrow();
        OutcomeRow row = detail.outcomes().stream().filter(r -> r.itemId().equals("pp-3")).findFirst().orElseThrow();
        assertThat(pp3).startsWith(b.id() + ",").contains(",succeeded,1,")
                .contains("Helped with the Python data pipeline").contains(row.after());
        assertThat(lines.stream().filter(l -> l.contains(",pp-2,")).findFirst().orElseThrow()).contains(",skipped,");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void exportNeverWritesOverTheDatabase() throws Exception {
        BatchRecord b = fx.rules(Operation.ENHANCE, "pp-3");
        select(b);
        Path database = fx.services.database().file();
        byte[] before = Files.readAllBytes(database);
        dialogs.chooseFile(database);

        detail.exportCsv();

        assertThat(dialogs.errors).singleElement().asString().contains(database.toString()).contains("open database");
        assertThat(Files.readAllBytes(database)).isEqualTo(before);
        assertThat(fx.services.batches().find(b.id())).isPresent();
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreGuarded() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        OutcomeRow row = new OutcomeRow(0, "=id", dev.goldsmith.batch.ItemStatus.FAILED, 1, 500,
                "@SUM(A1)", new dev.goldsmith.batch.ItemChange(1, "=id", "=HYPERLINK(\"http://x\")",
                dev.goldsmith.vault.QualityTier.BRONZE, List.of(), "+1 more", dev.goldsmith.vault.QualityTier.SILVER,
                List.of(), null), null);

        OutcomeCsv.write("-b", List.of(row), out);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(1)).isEqualTo("'-b,0,'=id,failed,1,500,'@SUM(A1),\"'=HYPERLINK(\"\"http://x\"\")\",'+1 more");
    }

    private static String tierName(dev.goldsmith.vault.QualityTier t) {
        return Messages.load(Locale.ROOT).get("tier." + t.wireName());
    }

    @Test
    void aReviewBatchsItemsShowTheirProposalsDiffAndTheFiltersNarrowToPendingOrChanged() throws Exception {
        BatchRecord b = fx.demo(true, "pp-1", "pp-3", "pp-5", "pp-7"); // pp-7 is gold: skipped, no proposal
        String pp1 = fx.demoItem("pp-1").content();
        fx.services.reviews().accept(b.id(), List.of("pp-3"));
        select(b);
        assertThat(detail.outcomes()).hasSize(4);
        assertThat(detail.shownText().getValue()).as("no filter, no count").isEmpty();

        detail.pendingReviewOnlyProperty().set(true);
        assertThat(detail.outcomes()).extracting(OutcomeRow::itemId).containsExactlyInAnyOrder("pp-1", "pp-5");
        assertThat(detail.shownText().getValue()).isEqualTo("2 of 4 items shown");
        OutcomeRow pending = detail.outcomes().stream().filter(r -> r.itemId().equals("pp-1")).findFirst().orElseThrow();
        detail.focusedProperty().set(pending);
        assertThat(detail.diffNote().getValue()).startsWith("Proposal pending review: nothing is written");
        assertThat(detail.diffProperty().getValue().before()).isEqualTo(pp1);
        assertThat(detail.diffProperty().getValue().after())
                .isEqualTo(fx.services.reviews().find(b.id(), "pp-1").orElseThrow().after().content());
        assertThat(fx.demoItem("pp-1").content()).as("still nothing written").isEqualTo(pp1);

        detail.pendingReviewOnlyProperty().set(false);
        detail.changedOnlyProperty().set(true);
        assertThat(detail.outcomes()).extracting(OutcomeRow::itemId).containsExactly("pp-3");
        assertThat(detail.outcomes().get(0).written()).as("accepted in review: written back").isTrue();

        detail.pendingReviewOnlyProperty().set(true);
        assertThat(detail.outcomes()).as("both: either").extracting(OutcomeRow::itemId)
                .containsExactlyInAnyOrder("pp-1", "pp-3", "pp-5");
        fx.services.reviews().reject(b.id(), List.of("pp-5")); // in the Review tab, say
        detail.reload();
        assertThat(detail.outcomes()).extracting(OutcomeRow::itemId).containsExactlyInAnyOrder("pp-1", "pp-3");
        detail.changedOnlyProperty().set(false);
        detail.pendingReviewOnlyProperty().set(false);
        detail.focusedProperty().set(detail.outcomes().stream().filter(r -> r.itemId().equals("pp-5")).findFirst()
                .orElseThrow());
        assertThat(detail.diffNote().getValue()).startsWith("Proposal rejected in the Review tab");
        assertThat(fx.services.reviews().find(b.id(), "pp-5").orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void revertBatchAsksThenPutsBackEveryItemItWroteAndReportsTheOnesEditedSince() throws Exception {
        String pp1 = "Helped with the rollout of a new order management system.";
        String pp2 = null;
        BatchRecord b = fx.demo(false, "pp-1", "pp-2", "pp-3");
        select(b);
        assertThat(detail.outcomes()).allMatch(OutcomeRow::written);
        pp2 = detail.outcomes().get(1).before();
        fx.editDemoItem("pp-3", "Rebuilt the help center with the support team");
        assertThat(detail.canRevertBatchProperty().get()).isTrue();

        dialogs.answer(false);
        detail.revertBatch();
        assertThat(dialogs.questions).singleElement().asString().startsWith("Revert the whole batch?: All 3 items batch "
                + b.id().substring(0, 8) + " wrote back will be put back as they were before it.");
        assertThat(fx.demoItem("pp-1").content()).as("said no").isNotEqualTo(pp1);

        dialogs.answer(true);
        detail.revertBatch();

        assertThat(fx.demoItem("pp-1").content()).isEqualTo(pp1);
        assertThat(fx.demoItem("pp-2").content()).isEqualTo(pp2);
        assertThat(fx.demoItem("pp-3").content()).as("edited since: left alone")
                .isEqualTo("Rebuilt the help center with the support team");
        assertThat(dialogs.infos).singleElement().asString()
                .startsWith("Batch reverted: 2 items were put back as before the batch. 1 item was left as it is: pp-3 (");
        assertThat(itemsChanged).as("the workspace is told").isEqualTo(1);
        assertThat(dialogs.errors).isEmpty();
    }
}
