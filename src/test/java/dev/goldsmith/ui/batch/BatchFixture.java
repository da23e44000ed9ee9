package dev.goldsmith.ui.batch;

import dev.goldsmith.Services;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.ui.ManualUi;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.RecordingDialogService;
import dev.goldsmith.ui.SameThreadTaskExecutor;
import dev.goldsmith.ui.TestVaults;
import dev.goldsmith.ui.vault.ItemSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The batch view models on a real store (temporary SQLite file, the six-item vault of {@link TestVaults}) and the
 * real engine, without the FX toolkit: background work runs on the caller's thread, UI work waits in a
 * {@link ManualUi} the test drives.
 */
final class BatchFixture implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final Services services;
    final ManualUi ui = new ManualUi();
    final RecordingDialogService dialogs = new RecordingDialogService();
    final Messages messages = Messages.load(Locale.ROOT);
    final List<String> desktop = new ArrayList<>();
    final List<String> reloads = new ArrayList<>();
    final LiveBatchViewModel live;
    final LaunchPanelViewModel launch;

    BatchFixture(Path dir) {
        this(dir, Map.of());
    }

    BatchFixture(Path dir, Map<String, String> env) {
        services = TestVaults.jordan(dir);
        BatchGateway gateway = new BatchGateway(services::batches, services.batchLauncher(env));
        SameThreadTaskExecutor executor = new SameThreadTaskExecutor();
        live = new LiveBatchViewModel(gateway, executor, ui, dialogs, messages, () -> reloads.add("reload"), desktop::add);
        launch = new LaunchPanelViewModel(gateway, live, executor, dialogs, messages);
    }

    void select(String... itemIds) {
        launch.selectionProperty().set(new ItemSelection(TestVaults.VAULT, List.of(itemIds)));
    }

    /** Runs UI work until the shown snapshot matches. */
    BatchSnapshot awaitSnapshot(Predicate<BatchSnapshot> condition) throws InterruptedException {
        ui.runUntil(() -> live.snapshotProperty().get() != null && condition.test(live.snapshotProperty().get()),
                TIMEOUT);
        return live.snapshotProperty().get();
    }

    /** Runs UI work until no batch runs or waits. */
    void awaitIdle() throws InterruptedException {
        ui.runUntil(() -> !live.busyProperty().get(), TIMEOUT);
    }

    BatchRecord record(String batchId) {
        return services.batches().find(batchId).orElseThrow();
    }

    @Override
    public void close() {
        services.close();
    }
}
