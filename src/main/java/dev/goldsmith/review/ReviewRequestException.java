package dev.goldsmith.review;

/** A decision that was refused as a whole — an unknown batch or item, one already decided, a stale one — and changed nothing. */
public class ReviewRequestException extends RuntimeException {
    public ReviewRequestException(String message) {
        super(message);
    }
}
