package dev.goldsmith.ui.settings;

import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Binds the Settings tab to {@link SettingsViewModel}. */
public final class SettingsController {

    private static final String OK_STYLE = "gs-test-ok";
    private static final String FAILED_STYLE = "gs-test-failed";

    private final SettingsViewModel viewModel;

    @FXML private ComboBox<ProviderPreset> presetBox;
    @FXML private ComboBox<ProviderKind> providerBox;
    @FXML private TextField baseUrlField;
    @FXML private TextField modelField;
    @FXML private GridPane azureGrid;
    @FXML private TextField deploymentField;
    @FXML private TextField apiVersionField;
    @FXML private PasswordField apiKeyField;
    @FXML private Label keyNoteLabel;
    @FXML private TextField temperatureField;
    @FXML private TextField maxTokensField;
    @FXML private TextField timeoutField;
    @FXML private TextField concurrencyField;
    @FXML private TextField rpmField;
    @FXML private TextField tpmField;
    @FXML private TextField maxAttemptsField;
    @FXML private TextField baseDelayField;
    @FXML private TextField promptPriceField;
    @FXML private TextField completionPriceField;
    @FXML private javafx.scene.control.CheckBox reviewDefaultBox;
    @FXML private TextField confirmItemsField;
    @FXML private TextField confirmCostField;
    @FXML private TextField sharedUrlField;
    @FXML private PasswordField sharedPasswordField;
    @FXML private Label sharedInUseLabel;
    @FXML private Button sharedTestButton;
    @FXML private Button sharedSaveButton;
    @FXML private Label sharedResultLabel;
    @FXML private Label pricesNoteLabel;
    @FXML private CheckBox darkThemeBox;
    @FXML private Label errorLabel;
    @FXML private Button saveButton;
    @FXML private Button testButton;
    @FXML private Label statusLabel;
    @FXML private Label testResultLabel;

    public SettingsController(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        presetBox.getItems().setAll(viewModel.presets());
        presetBox.setConverter(readOnly(viewModel::presetName));
        presetBox.setButtonCell(new ListCell<>() { // shows what no preset means, also after a value was cleared
            @Override
            protected void updateItem(ProviderPreset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? viewModel.presetName(null) : viewModel.presetName(item));
            }
        });
        presetBox.valueProperty().bindBidirectional(viewModel.presetProperty());
        providerBox.getItems().setAll(viewModel.providers());
        providerBox.setConverter(readOnly(viewModel::providerName));
        providerBox.valueProperty().bindBidirectional(viewModel.providerProperty());
        var local = viewModel.remoteProperty().not();
        baseUrlField.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        baseUrlField.disableProperty().bind(local);
        modelField.textProperty().bindBidirectional(viewModel.modelProperty());
        modelField.disableProperty().bind(local);
        deploymentField.textProperty().bindBidirectional(viewModel.deploymentProperty());
        apiVersionField.textProperty().bindBidirectional(viewModel.apiVersionProperty());
        azureGrid.visibleProperty().bind(viewModel.usesDeploymentProperty());
        azureGrid.managedProperty().bind(azureGrid.visibleProperty());
        apiKeyField.textProperty().bindBidirectional(viewModel.apiKeyProperty());
        apiKeyField.disableProperty().bind(viewModel.keyFromEnvironmentProperty().or(local));
        keyNoteLabel.textProperty().bind(viewModel.keyNoteProperty());
        keyNoteLabel.visibleProperty().bind(viewModel.keyNoteProperty().isNotEmpty());
        keyNoteLabel.managedProperty().bind(keyNoteLabel.visibleProperty());
        pricesNoteLabel.textProperty().bind(viewModel.pricesNoteProperty());
        pricesNoteLabel.visibleProperty().bind(viewModel.pricesNoteProperty().isNotEmpty());
        pricesNoteLabel.managedProperty().bind(pricesNoteLabel.visibleProperty());
        temperatureField.textProperty().bindBidirectional(viewModel.temperatureProperty());
        maxTokensField.textProperty().bindBidirectional(viewModel.maxTokensProperty());
        timeoutField.textProperty().bindBidirectional(viewModel.timeoutSecondsProperty());
        concurrencyField.textProperty().bindBidirectional(viewModel.concurrencyProperty());
        rpmField.textProperty().bindBidirectional(viewModel.rpmProperty());
        tpmField.textProperty().bindBidirectional(viewModel.tpmProperty());
        maxAttemptsField.textProperty().bindBidirectional(viewModel.maxAttemptsProperty());
        baseDelayField.textProperty().bindBidirectional(viewModel.baseDelayMsProperty());
        promptPriceField.textProperty().bindBidirectional(viewModel.promptPriceProperty());
        completionPriceField.textProperty().bindBidirectional(viewModel.completionPriceProperty());
        reviewDefaultBox.selectedProperty().bindBidirectional(viewModel.reviewProperty());
        confirmItemsField.textProperty().bindBidirectional(viewModel.confirmItemsProperty());
        confirmCostField.textProperty().bindBidirectional(viewModel.confirmCostProperty());
        darkThemeBox.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        statusLabel.textProperty().bind(viewModel.statusProperty());
        saveButton.disableProperty().bind(viewModel.busyProperty());
        testButton.disableProperty().bind(viewModel.busyProperty());
        testResultLabel.textProperty().bind(viewModel.testResultProperty());
        viewModel.testOkProperty().addListener((obs, was, ok) -> style(testResultLabel, ok));
        style(testResultLabel, false);
        bindSharedDatabase(viewModel.sharedDatabase());
    }

    private void bindSharedDatabase(SharedDatabaseViewModel shared) {
        sharedUrlField.textProperty().bindBidirectional(shared.urlProperty());
        sharedPasswordField.textProperty().bindBidirectional(shared.passwordProperty());
        sharedInUseLabel.textProperty().bind(shared.inUseProperty());
        sharedTestButton.disableProperty().bind(shared.busyProperty());
        sharedSaveButton.disableProperty().bind(shared.busyProperty());
        sharedResultLabel.textProperty().bind(shared.resultProperty());
        shared.okProperty().addListener((obs, was, ok) -> style(sharedResultLabel, ok));
        style(sharedResultLabel, false);
    }

    private static void style(Label label, boolean ok) {
        label.getStyleClass().removeAll(OK_STYLE, FAILED_STYLE);
        label.getStyleClass().add(ok ? OK_STYLE : FAILED_STYLE);
    }

    @FXML
    private void onTestSharedDatabase() {
        viewModel.sharedDatabase().test();
    }

    @FXML
    private void onSaveSharedDatabase() {
        viewModel.sharedDatabase().save();
    }

    private static <T> StringConverter<T> readOnly(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onTestConnection() {
        viewModel.testConnection();
    }
}
