package dev.goldsmith.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog the window shows goes through here, so view models can be tested without windows
 * (tests use a recording fake). Texts arrive already translated.
 */
public interface DialogService {

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks a yes/no question; {@code true} when the user confirmed. */
    boolean confirm(String title, String message);

    /**
     * Asks the user to pick one of {@code choices} (one button each, the first is the default; a Cancel button is
     * added); empty when they cancelled or closed the dialog.
     */
    <T> Optional<T> choose(String title, String message, List<Choice<T>> choices);

    Optional<Path> chooseFileToOpen(String title, List<FileType> types);

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types);

    /** A button of {@link #choose}: its label and what picking it means. */
    record Choice<T>(String label, T value) {
    }

    /** A file-chooser filter, e.g. {@code new FileType("Vault files", List.of("*.json", "*.csv"))}. */
    record FileType(String description, List<String> patterns) {
        public FileType {
            patterns = List.copyOf(patterns);
        }
    }
}
