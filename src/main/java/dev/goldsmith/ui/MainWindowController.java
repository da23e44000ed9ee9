package dev.goldsmith.ui;

import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;

/** The menu bar and the tabs; each tab's content is an {@code fx:include}d screen with its own controller. */
public final class MainWindowController {

    private final MainWindowViewModel viewModel;

    @FXML
    private MenuBar menuBar;
    @FXML
    private CheckMenuItem darkThemeItem;
    @FXML
    private TabPane tabs;

    public MainWindowController(MainWindowViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        TabShortcuts.install(tabs);
    }

    @FXML
    private void onQuit() {
        menuBar.getScene().getWindow().hide();
    }

    @FXML
    private void onAbout() {
        viewModel.showAbout();
    }
}
