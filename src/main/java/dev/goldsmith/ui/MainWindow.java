package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.ui.batch.BatchGateway;
import dev.goldsmith.ui.batch.BatchScreens;
import dev.goldsmith.ui.history.BatchDetailController;
import dev.goldsmith.ui.history.BatchDetailViewModel;
import dev.goldsmith.ui.history.HistoryController;
import dev.goldsmith.ui.history.HistoryViewModel;
import dev.goldsmith.ui.review.ReviewController;
import dev.goldsmith.ui.review.ReviewViewModel;
import dev.goldsmith.ui.settings.SettingsController;
import dev.goldsmith.ui.settings.SettingsViewModel;
import dev.goldsmith.ui.vault.ItemMarks;
import dev.goldsmith.ui.vault.ItemVersionsController;
import dev.goldsmith.ui.vault.ItemVersionsViewModel;
import dev.goldsmith.ui.vault.VaultWorkspaceController;
import dev.goldsmith.ui.vault.VaultFilesViewModel;
import dev.goldsmith.ui.vault.VaultWorkspaceViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Map;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Tab;

/**
 * Builds the window's view models, hands them to the controllers through the {@link ControllerFactory} and
 * loads {@code MainWindow.fxml}. Called by {@link App} (and by the TestFX tests, so they drive the real wiring).
 *
 * <p>To add a screen: a {@code <Tab>} with an {@code fx:include} in {@code MainWindow.fxml}, its view model
 * built here, and one {@code factory.register(...)} line for its controller.
 */
public record MainWindow(Parent root, MainWindowViewModel main, VaultWorkspaceViewModel workspace,
                         VaultFilesViewModel files, BatchScreens batch, SettingsViewModel settings,
                         ReviewViewModel review) {

    public static MainWindow load(Services services, Map<String, String> savedSettings, TaskExecutor executor,
                                  DialogService dialogs, Messages messages) {
        MainWindowViewModel main = new MainWindowViewModel(savedSettings, services.settings(), executor, dialogs,
                messages);
        VaultWorkspaceViewModel workspace = new VaultWorkspaceViewModel(services.vaults(), services.items(),
                vaultId -> ItemMarks.read(services.batches(), services.reviews(), vaultId), executor, dialogs, messages);
        workspace.rememberVault(main.lastVault(), main::vaultOpened);
        ItemVersionsViewModel versions = new ItemVersionsViewModel(services.itemVersions(), executor, dialogs,
                messages, workspace::replaceItem);
        versions.itemProperty().bind(workspace.focusedItemProperty());
        BatchScreens batch = BatchScreens.create(services, workspace, executor, dialogs, messages);
        VaultFilesViewModel files = new VaultFilesViewModel(services.vaultImporter(), services.vaultExporter(), workspace,
                executor, dialogs, messages);
        HistoryViewModel history = new HistoryViewModel(services.batches(), services.vaults(), executor, dialogs,
                messages, services.clock(), ZoneId.systemDefault());
        history.liveElapsedFrom(batch.live()::elapsedOf);
        BatchDetailViewModel batchDetail = new BatchDetailViewModel(services.batches(), BatchGateway.of(services), executor, dialogs, messages, history::reload,
                services.itemVersions(), workspace::reload, batch.live()::enqueue, services.vaultExporter().files(),
                services.reviews());
        ReviewViewModel review = new ReviewViewModel(services.reviews(), id -> services.batches().find(id),
                services.vaults()::summaries, executor, dialogs, messages, ZoneId.systemDefault());
        SettingsViewModel settings = new SettingsViewModel(services.batchDefaults(), services.keyLookup(System.getenv()),
                executor, dialogs, messages, main.darkThemeProperty());

        ControllerFactory factory = new ControllerFactory()
                .register(MainWindowController.class, () -> new MainWindowController(main, files))
                .register(VaultWorkspaceController.class, () -> new VaultWorkspaceController(workspace))
                .register(ItemVersionsController.class, () -> new ItemVersionsController(versions))
                .register(HistoryController.class, () -> new HistoryController(history, batchDetail))
                .register(BatchDetailController.class, () -> new BatchDetailController(history, batchDetail))
                .register(SettingsController.class, () -> new SettingsController(settings))
                .register(ReviewController.class, () -> new ReviewController(review));
        batch.register(factory);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"), messages.bundle(),
                null, factory);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml cannot be loaded: " + e.getMessage(), e);
        }
        ((Tab) loader.getNamespace().get("historyTab")).selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                history.reload();
                batchDetail.reload();
            }
        });
        Tab settingsTab = (Tab) loader.getNamespace().get("settingsTab");
        settingsTab.selectedProperty().addListener((obs, was, now) -> {
            if (!now && !settings.confirmLeave()) {  // unsaved changes: asked, and the user stays
                Platform.runLater(() -> settingsTab.getTabPane().getSelectionModel().select(settingsTab));
            }
        });
        wireReview(loader, review, workspace, batch);
        history.reload();
        settings.load();
        settings.savedRevisionProperty().addListener((obs, was, now) -> batch.launch().loadDefaults());
        batch.start();
        return new MainWindow(root, main, workspace, files, batch, settings, review);
    }

    /**
     * The Review tab: its title counts the pending proposals; it reloads when shown and when a batch ends (a review
     * batch has just made proposals), and opens with the queue focused so the keys work at once. Items accepted there
     * show in the workspace when it is shown again.
     */
    private static void wireReview(FXMLLoader loader, ReviewViewModel review, VaultWorkspaceViewModel workspace,
                                   BatchScreens batch) {
        Tab reviewTab = (Tab) loader.getNamespace().get("reviewTab");
        Tab workspaceTab = (Tab) loader.getNamespace().get("workspaceTab");
        reviewTab.textProperty().bind(review.tabTitle());
        boolean[] itemsChanged = {false};
        review.onItemsChanged(() -> itemsChanged[0] = true);
        review.pendingTotalProperty().addListener((obs, was, now) -> itemsChanged[0] = true); // "pending review"
        workspaceTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && itemsChanged[0]) {
                itemsChanged[0] = false;
                workspace.reload();
            }
        });
        reviewTab.selectedProperty().addListener((obs, was, now) -> {
            if (now) {
                review.reload();
                Platform.runLater(() -> reviewTab.getContent().lookup("#reviewQueue").requestFocus());
            }
        });
        batch.live().busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                review.reload();
            }
        });
        review.reload();
    }
}
