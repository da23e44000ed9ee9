package dev.goldsmith.store;

/**
 * An export target that may not be written (the open database, a folder, a device…): invalid input, and nothing
 * was touched. The message is one sentence naming the target.
 */
public final class ExportRefusedException extends RuntimeException {
    public ExportRefusedException(String message) {
        super(message);
    }
}
