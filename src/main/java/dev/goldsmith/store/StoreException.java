package dev.goldsmith.store;

/** A database problem, with a message a person can read; the cause keeps the SQL detail for the log. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
