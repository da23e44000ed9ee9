package dev.goldsmith.ui.batch;

import dev.goldsmith.Services;
import dev.goldsmith.ui.ControllerFactory;
import dev.goldsmith.ui.DialogService;
import dev.goldsmith.ui.Messages;
import dev.goldsmith.ui.NextPulse;
import dev.goldsmith.ui.TaskExecutor;
import dev.goldsmith.ui.vault.VaultWorkspaceViewModel;

/**
 * The batch screens' part of the composition root, called from {@code MainWindow.load}: builds the launch and
 * live view models on the workspace's selection and registers their controllers.
 */
public record BatchScreens(LaunchPanelViewModel launch, LiveBatchViewModel live, Messages messages) {

    public static BatchScreens create(Services services, VaultWorkspaceViewModel workspace, TaskExecutor executor,
                                      DialogService dialogs, Messages messages) {
        BatchGateway gateway = BatchGateway.of(services);
        LiveBatchViewModel live = new LiveBatchViewModel(gateway, executor, new NextPulse(), dialogs, messages,
                workspace::reload, new DesktopNotifier(executor, messages.get("app.title")));
        LaunchPanelViewModel launch = new LaunchPanelViewModel(gateway, live, executor, dialogs, messages);
        launch.selectionProperty().bind(workspace.selectionProperty());
        return new BatchScreens(launch, live, messages);
    }

    public ControllerFactory register(ControllerFactory factory) {
        return factory.register(LaunchPanelController.class, () -> new LaunchPanelController(launch, messages))
                .register(LiveBatchController.class, () -> new LiveBatchController(live))
                .register(BatchMenuController.class, () -> new BatchMenuController(launch, live));
    }

    /** Loads the saved defaults and offers to resume batches a previous run left interrupted. */
    public void start() {
        launch.loadDefaults();
        live.offerResumeOfInterrupted();
    }
}
