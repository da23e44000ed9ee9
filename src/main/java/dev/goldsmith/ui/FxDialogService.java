package dev.goldsmith.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs as JavaFX {@link Alert}s and {@link FileChooser}s, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait()
                .filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<Choice<T>> choices) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, message);
        List<ButtonType> buttons = new ArrayList<>();
        for (Choice<T> c : choices) {
            buttons.add(new ButtonType(c.label(), buttons.isEmpty() ? ButtonBar.ButtonData.OK_DONE
                    : ButtonBar.ButtonData.OTHER));
        }
        alert.getButtonTypes().setAll(buttons);
        alert.getButtonTypes().add(ButtonType.CANCEL);
        return alert.showAndWait().map(buttons::indexOf).filter(i -> i >= 0).map(i -> choices.get(i).value());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.ofNullable(chooser(title, types).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        FileChooser chooser = chooser(title, types);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert alert = new Alert(type);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label content = new Label(message);
        content.setWrapText(true);
        alert.getDialogPane().setContent(content);
        return alert;
    }

    private static FileChooser chooser(String title, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        for (FileType type : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(type.description(), type.patterns()));
        }
        return chooser;
    }
}
