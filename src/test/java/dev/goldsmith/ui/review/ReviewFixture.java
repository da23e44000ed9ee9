package dev.goldsmith.ui.review;

import dev.goldsmith.Services;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchOptions;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.store.DemoVault;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.history.SettableClock;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Review batches in a real store (the demo vault, {@code v-maya}, beside the small one of {@link TestVaults}; the
 * offline rules engine in review mode) and the Review tab's view model on it, without the FX toolkit: background work
 * runs on the caller's thread.
 */
final class ReviewFixture implements AutoCloseable {

    static final String VAULT = "v-maya";

    final SettableClock clock = new SettableClock(TestVaults.CLOCK.instant());
    final Services services;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final Messages messages = Messages.load(Locale.ROOT);
    final ReviewViewModel review;
    int itemsChanged;

    ReviewFixture(Path dir) {
        services = TestVaults.jordan(dir, clock);
        services.vaultImporter().importVault(DemoVault.load(), false);
        review = new ReviewViewModel(services.reviews(), id -> services.batches().find(id),
                services.vaults()::summaries, new SameThreadTaskExecutor(), dialogs, messages, ZoneOffset.UTC);
        review.onItemsChanged(() -> itemsChanged++);
    }

    static BatchSettings reviewSettings(Operation op) {
        return new BatchSettings(BatchOptions.defaults(op).withReview(true), ProviderSettings.rules());
    }

    /** Runs a review batch on the items (the offline rules engine) and returns its id. */
    String reviewBatch(String... itemIds) throws Exception {
        return reviewBatch(Operation.ENHANCE, itemIds);
    }

    String reviewBatch(Operation op, String... itemIds) throws Exception {
        clock.advance(java.time.Duration.ofMinutes(1)); // each batch at its own time: the lists' order is theirs
        var handle = services.batches().start(VAULT, List.of(itemIds), reviewSettings(op));
        handle.completion().get(20, TimeUnit.SECONDS);
        return handle.batchId();
    }

    VaultItem item(String id) {
        return services.items().find(VAULT, id).orElseThrow();
    }

    /** Changes an item's text as an import --merge or an edit would: its proposals read stale. */
    void editItem(String id, String content) {
        VaultItem i = item(id);
        services.items().saveAll(VAULT, List.of(new VaultItem(i.id(), i.vaultId(), i.type(), content, i.tier(),
                i.keywords(), i.confidenceScore(), i.createdAt(), null)));
    }

    List<String> queueIds() {
        return review.queue().stream().map(ProposalRow::itemId).toList();
    }

    String currentId() {
        ProposalRow r = review.currentProperty().get();
        return r == null ? null : r.itemId();
    }

    @Override
    public void close() {
        services.close();
    }
}
