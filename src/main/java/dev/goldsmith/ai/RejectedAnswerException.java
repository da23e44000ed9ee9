package dev.goldsmith.ai;

/** A model answer that failed validation; the message is a reason a person can read. Retryable. */
public final class RejectedAnswerException extends Exception {
    public RejectedAnswerException(String reason) {
        super(reason);
    }
}
