package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.ui.batch.BatchScreens;
import dev.goldsmith.ui.vault.ItemVersionsController;
import dev.goldsmith.ui.vault.ItemVersionsViewModel;
import dev.goldsmith.ui.vault.VaultWorkspaceController;
import dev.goldsmith.ui.vault.VaultWorkspaceViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Builds the window's view models, hands them to the controllers through the {@link ControllerFactory} and
 * loads {@code MainWindow.fxml}. Called by {@link App} (and by the TestFX tests, so they drive the real wiring).
 *
 * <p>To add a screen: a {@code <Tab>} with an {@code fx:include} in {@code MainWindow.fxml}, its view model
 * built here, and one {@code factory.register(...)} line for its controller.
 */
public record MainWindow(Parent root, MainWindowViewModel main, VaultWorkspaceViewModel workspace) {

    public static MainWindow load(Services services, Map<String, String> savedSettings, TaskExecutor executor,
                                  DialogService dialogs, Messages messages) {
        MainWindowViewModel main = new MainWindowViewModel(savedSettings, services.settings(), executor, dialogs,
                messages);
        VaultWorkspaceViewModel workspace = new VaultWorkspaceViewModel(services.vaults(), services.items(), executor,
                dialogs, messages);
        ItemVersionsViewModel versions = new ItemVersionsViewModel(services.itemVersions(), executor, dialogs,
                messages, workspace::replaceItem);
        versions.itemProperty().bind(workspace.focusedItemProperty());
        BatchScreens batch = BatchScreens.create(services, workspace, executor, dialogs, messages);

        ControllerFactory factory = new ControllerFactory()
                .register(MainWindowController.class, () -> new MainWindowController(main))
                .register(VaultWorkspaceController.class, () -> new VaultWorkspaceController(workspace))
                .register(ItemVersionsController.class, () -> new ItemVersionsController(versions));
        batch.register(factory);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("MainWindow.fxml"), messages.bundle(),
                null, factory);
        try {
            Parent root = loader.load();
            batch.start();
            return new MainWindow(root, main, workspace);
        } catch (IOException e) {
            throw new UncheckedIOException("MainWindow.fxml cannot be loaded: " + e.getMessage(), e);
        }
    }
}
