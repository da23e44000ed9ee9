package dev.goldsmith.ui.history;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.ui.TestVaults;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Real batches in a real store: runs them with the offline rules provider, or with the OpenAI-compatible provider
 * against a loopback server that refuses every item (400) or holds its answer until released.
 */
final class HistoryFixture {

    static final Instant DAY_1 = Instant.parse("2026-11-20T10:00:00Z");

    final SettableClock clock = new SettableClock(DAY_1);
    final Services services;
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hold;

    HistoryFixture(Path dir) {
        services = TestVaults.jordan(dir, clock);
    }

    /** A server answering 400 to every request, after the latch opens when {@link #hold} is set. */
    Dispatcher refusing() {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (hold) {
                    release.await(20, TimeUnit.SECONDS);
                }
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Unsupported value in the request\",\"type\":\"invalid_request_error\"}}")
                        .build();
            }
        };
    }

    BatchRecord rules(Operation op, String... itemIds) throws Exception {
        BatchSettings settings = new BatchSettings(BatchOptions.defaults(op), ProviderSettings.rules());
        return finish(services.batches().start(TestVaults.VAULT, List.of(itemIds), settings));
    }

    /** The demo vault, whose items the rules engine changes (most of the small vault's it leaves as they are). */
    static final String DEMO = "v-maya";
    private boolean demoImported;

    /** A batch on the demo vault with the rules engine, with or without review (then its answers are proposals). */
    BatchRecord demo(boolean review, String... itemIds) throws Exception {
        if (!demoImported) {
            services.vaultImporter().importVault(dev.goldsmith.store.DemoVault.load(), false);
            demoImported = true;
        }
        BatchSettings settings = new BatchSettings(BatchOptions.defaults(Operation.ENHANCE).withReview(review),
                ProviderSettings.rules());
        return finish(services.batches().start(DEMO, List.of(itemIds), settings));
    }

    dev.goldsmith.vault.VaultItem demoItem(String id) {
        return services.items().find(DEMO, id).orElseThrow();
    }

    /** Changes a demo item's text as an editor or an import --merge would. */
    void editDemoItem(String id, String content) {
        dev.goldsmith.vault.VaultItem i = demoItem(id);
        services.items().saveAll(DEMO, List.of(new dev.goldsmith.vault.VaultItem(i.id(), i.vaultId(),
                i.type(), content, i.tier(), i.keywords(), i.confidenceScore(), i.createdAt(), null)));
    }

    static BatchSettings openai(MockWebServer server, int concurrency) {
        BatchOptions options = BatchOptions.defaults(Operation.ENHANCE).withMaxAttempts(1).withConcurrency(concurrency);
        ProviderSettings p = new ProviderSettings(ProviderKind.OPENAI, server.url("/v1").toString(), "gpt-test",
                null, 0.7, 200, Duration.ofSeconds(10), concurrency, Pricing.perMillion(0.15, 0.60));
        return new BatchSettings(options, p);
    }

    /** A batch whose items all fail with HTTP 400. */
    BatchRecord refused(MockWebServer server, String... itemIds) throws Exception {
        server.setDispatcher(refusing());
        return finish(services.batches().start(TestVaults.VAULT, List.of(itemIds), openai(server, 2)));
    }

    /** A batch cancelled while its first call is in flight: its items stay pending, so it can be resumed. */
    BatchRecord cancelled(MockWebServer server, String... itemIds) throws Exception {
        hold = true;
        server.setDispatcher(refusing());
        BatchHandle handle = services.batches().start(TestVaults.VAULT, List.of(itemIds), openai(server, 1));
        server.takeRequest(10, TimeUnit.SECONDS);
        handle.cancel();
        BatchRecord record = finish(handle);
        hold = false;
        release.countDown();
        return record;
    }

    BatchRecord finish(BatchHandle handle) throws Exception {
        handle.completion().get(20, TimeUnit.SECONDS);
        return services.batches().find(handle.batchId()).orElseThrow();
    }

    void nextDay() {
        clock.advance(Duration.ofDays(1));
    }
}
