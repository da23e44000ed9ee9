package dev.goldsmith.ui.vault;

/** An entry of a filter drop-down: a value, or {@code null} for "all", with its label. */
public record FilterChoice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }
}
