package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link Error} on any thread a batch works on ends the batch — failed, its unsent items pending, resumable —
 * and never leaves it hanging; a call its provider never answers is given up on.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class WorkerErrorsTest {

    @Parameter
    StoreKind store;


    @TempDir
    Path dir;

    @Test
    void anErrorOnTheEngineLoopEndsTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).throwOnCall("i1", new StackOverflowError());

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        BatchSnapshot end = f.finish(batch);

        assertEndedResumable(f, batch, end, "Goldsmith hit an internal error (StackOverflowError) and stopped the batch;"
                + " its unsent items are pending, resume it (details in the log).");
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i1", "i2");
        assertThat(f.finish(f.service.resume(batch.batchId(), UnaryOperator.identity())).succeeded()).isEqualTo(3);
    }

    @Test
    void anErrorInTheProvidersAnswerEndsTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).failWith("i0", Duration.ofSeconds(2), new OutOfMemoryError("Java heap space"));

        BatchHandle batch = f.start(ids, EngineFixture.options(3));
        BatchSnapshot end = f.finish(batch);

        assertEndedResumable(f, batch, end, "Goldsmith ran out of memory and stopped the batch; its unsent items are"
                + " pending, resume it (details in the log).");
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0");
        assertThat(f.provider.calls()).as("not retried").hasSize(3);
    }

    @Test
    void anErrorOnTheWriterEndsTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        f.failNextConnection(new OutOfMemoryError("Java heap space")); // the writer opens its connection at the first save
        BatchSnapshot end = f.finish(batch);

        assertEndedResumable(f, batch, end, "Goldsmith ran out of memory and stopped the batch; its unsent items are"
                + " pending, resume it (details in the log).");
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i0", "i1", "i2");
    }

    @Test
    void anErrorOnTheDeliveryThreadEndsTheBatch() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(4, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1));

        BatchHandle batch = f.start(ids, EngineFixture.options(1));
        batch.subscribe(s -> {
            if (s.processed() == 2 && !s.isFinished()) {
                throw new StackOverflowError();
            }
        });
        BatchSnapshot end = f.finish(batch);

        assertEndedResumable(f, batch, end, "Goldsmith hit an internal error (StackOverflowError) and stopped the batch;"
                + " its unsent items are pending, resume it (details in the log).");
        assertThat(end.processed()).isEqualTo(2);
        assertThat(f.store.itemIds(batch.batchId(), ItemStatus.PENDING)).containsExactly("i2", "i3");
    }

    @Test
    void aCallItsProviderNeverAnswersIsGivenUpOnAndTheBatchEnds() {
        EngineFixture f = new EngineFixture(dir, store);
        List<String> ids = f.addItems(3, QualityTier.BRONZE);
        f.provider.latency(Duration.ofSeconds(1)).hang("i1").hang("i1"); // as when the provider's thread died

        BatchHandle batch = f.start(ids, EngineFixture.options(2).withMaxAttempts(2));
        f.loop.advance(Duration.ofMinutes(10));

        assertThat(batch.completion()).as("ended, not stuck at 2/3").isDone();
        BatchSnapshot end = batch.completion().join();
        Duration deadline = BatchService.callDeadline(EngineFixture.settings(EngineFixture.options(2)));
        assertThat(deadline).isEqualTo(Duration.ofSeconds(150));
        assertThat(end.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(end.succeeded()).isEqualTo(2);
        assertThat(f.provider.callsOf("i1")).hasSize(2).allSatisfy(c -> assertThat(c.future()).isCancelled());
        assertThat(f.provider.callsOf("i1").get(1).at()).isGreaterThanOrEqualTo(deadline);
        assertThat(f.item(batch.batchId(), "i1").lastError())
                .isEqualTo("The provider gave no answer within 2:30 (the call was lost).");
    }

    @Test
    void onRealThreadsAProviderThatRunsOutOfMemoryEndsTheBatchRatherThanHangingIt() throws Exception {
        Database db = store.fresh(dir, "threads.db").open();
        Clock clock = Clock.systemUTC();
        new VaultRepository(db, clock).save(new Vault("v", "V", null, null, null));
        new ItemRepository(db, clock).saveAll("v", List.of(
                new VaultItem("a", "v", ItemType.POWER_PHRASE, "Helped with a", QualityTier.BRONZE, List.of(), null, null, null),
                new VaultItem("b", "v", ItemType.POWER_PHRASE, "Helped with b", QualityTier.BRONZE, List.of(), null, null, null)));
        Enhancer dying = new Enhancer() {
            @Override
            public String providerName() {
                return "dying";
            }

            @Override
            public String model() {
                return "oom";
            }

            @Override
            public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
                return CompletableFuture.supplyAsync(() -> {
                    throw new OutOfMemoryError("Java heap space");
                });
            }
        };
        try (BatchService service = new BatchService(db, p -> dying, EngineEnvironment.threads(clock), "test")) {
            BatchHandle batch = service.start("v", List.of(), new BatchSettings(
                    BatchOptions.defaults(Operation.ENHANCE), ProviderSettings.rules()));

            BatchSnapshot end = batch.completion().get(30, TimeUnit.SECONDS);

            assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
            assertThat(end.errorMessage()).startsWith("Goldsmith ran out of memory");
            assertThat(service.find(batch.batchId()).orElseThrow().status()).isEqualTo(BatchStatus.FAILED);
            assertThat(service.find(batch.batchId()).orElseThrow().canResume()).isTrue();
        }
    }

    private static void assertEndedResumable(EngineFixture f, BatchHandle batch, BatchSnapshot end, String message) {
        assertThat(end.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(end.errorMessage()).isEqualTo(message);
        BatchRecord record = f.record(batch.batchId());
        assertThat(record.status()).isEqualTo(BatchStatus.FAILED);
        assertThat(record.errorMessage()).isEqualTo(message);
        assertThat(record.canResume()).isTrue();
        assertThat(record.processedItems()).isEqualTo(end.processed());
    }
}
