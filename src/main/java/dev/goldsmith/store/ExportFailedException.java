package dev.goldsmith.store;

/**
 * An export that could not be written to the end (a full disk, a closed pipe): a runtime failure, not bad input. The
 * message is one sentence naming where it was going; an {@code --out} file was left as it was.
 */
public final class ExportFailedException extends RuntimeException {
    public ExportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
