package dev.goldsmith.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} for tests: records what would have been shown and answers from a script. */
public final class RecordingDialogService implements DialogService {

    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    /** What each {@link #choose} offered: "title: message [first | second]". */
    public final List<String> choices = new ArrayList<>();
    private final Deque<Boolean> answers = new ArrayDeque<>();
    private final Deque<Integer> picks = new ArrayDeque<>();
    private final Deque<Path> files = new ArrayDeque<>();

    /** The next {@link #confirm} answers {@code answer} (default: yes). */
    public RecordingDialogService answer(boolean answer) {
        answers.add(answer);
        return this;
    }

    /** The next {@link #choose} picks the choice at {@code index}, or cancels when it is negative (default: the first). */
    public RecordingDialogService pick(int index) {
        picks.add(index);
        return this;
    }

    public RecordingDialogService chooseFile(Path file) {
        files.add(file);
        return this;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(title + ": " + message);
        return answers.isEmpty() || answers.poll();
    }

    @Override
    public <T> Optional<T> choose(String title, String message, List<Choice<T>> offered) {
        choices.add(title + ": " + message + " [" + String.join(" | ", offered.stream().map(Choice::label).toList()) + "]");
        int index = picks.isEmpty() ? 0 : picks.poll();
        return index < 0 ? Optional.empty() : Optional.of(offered.get(index).value());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileType> types) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileType> types) {
        return Optional.ofNullable(files.poll());
    }
}
