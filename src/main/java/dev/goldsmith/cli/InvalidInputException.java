package dev.goldsmith.cli;

/** Bad usage or invalid input: exit code 2, and nothing was changed. The message is one sentence. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
