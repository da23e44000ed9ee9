package dev.goldsmith.vault;

/**
 * A vault file that cannot be read or written. The message is one sentence naming the item, the field, the value
 * and what would be accepted, e.g.
 * {@code items[12].quality_tier: 'platinum' is not one of assumed, bronze, silver, gold}.
 */
public class VaultFileException extends RuntimeException {

    public VaultFileException(String message) {
        super(message);
    }

    public VaultFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
