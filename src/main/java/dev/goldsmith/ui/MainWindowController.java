package dev.goldsmith.ui;

import dev.goldsmith.ui.vault.VaultFilesViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.stage.WindowEvent;

/** The menu bar and the tabs; each tab's content is an {@code fx:include}d screen with its own controller. */
public final class MainWindowController {

    private final MainWindowViewModel viewModel;
    private final VaultFilesViewModel files;

    @FXML
    private MenuBar menuBar;
    @FXML
    private CheckMenuItem darkThemeItem;
    @FXML
    private TabPane tabs;

    public MainWindowController(MainWindowViewModel viewModel, VaultFilesViewModel files) {
        this.viewModel = viewModel;
        this.files = files;
    }

    @FXML
    private void initialize() {
        darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        TabShortcuts.install(tabs);
    }

    @FXML
    private void onQuit() {
        var window = menuBar.getScene().getWindow(); // as the title bar's close: asks first while a batch runs
        window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    @FXML
    private void onShortcuts() {
        viewModel.showShortcuts();
    }

    @FXML
    private void onAbout() {
        viewModel.showAbout();
    }

    @FXML
    private void onImport() {
        files.importFile();
    }

    @FXML
    private void onExport() {
        files.exportVault();
    }
}
