package dev.goldsmith.ui.batch;

import javafx.fxml.FXML;
import javafx.scene.control.MenuItem;

/** The Batch menu: Start (Ctrl+Enter), Pause/Resume (Ctrl+P), Cancel (Ctrl+.) — the shortcuts made discoverable. */
public final class BatchMenuController {

    private final LaunchPanelViewModel launch;
    private final LiveBatchViewModel live;

    @FXML private MenuItem startItem;
    @FXML private MenuItem pauseResumeItem;
    @FXML private MenuItem cancelItem;

    public BatchMenuController(LaunchPanelViewModel launch, LiveBatchViewModel live) {
        this.launch = launch;
        this.live = live;
    }

    @FXML
    private void initialize() {
        startItem.setAccelerator(BatchShortcuts.START);
        pauseResumeItem.setAccelerator(BatchShortcuts.PAUSE_RESUME);
        cancelItem.setAccelerator(BatchShortcuts.CANCEL);
        startItem.disableProperty().bind(launch.startDisabled());
        pauseResumeItem.disableProperty().bind(live.canPause().or(live.canResume()).not());
        cancelItem.disableProperty().bind(live.canCancel().not());
    }

    @FXML
    private void onStart() {
        launch.start();
    }

    @FXML
    private void onPauseResume() {
        live.togglePause();
    }

    @FXML
    private void onCancel() {
        live.cancel();
    }
}
