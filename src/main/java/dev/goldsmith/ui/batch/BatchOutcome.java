package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.BatchSnapshot;

/**
 * How a batch ended, as the end banner tells it: its colour and its words. A completed batch where every item
 * failed is not a success, and one that stopped (a dead server, a refused key) says why.
 */
public enum BatchOutcome {
    /** Completed, nothing failed. */
    DONE("gs-notice-success", "done"),
    /** Completed, some items failed. */
    SOME_FAILED("gs-notice-warning", "someFailed"),
    /** Completed, but every item that was sent failed. */
    ALL_FAILED("gs-notice-danger", "allFailed"),
    /** Cancelled or interrupted: resumable. */
    STOPPED("gs-notice-warning", "stopped"),
    /** The batch itself failed (unreachable server, refused key, unknown model), with its message. */
    FAILED("gs-notice-danger", "failed");

    private final String styleClass;
    private final String key;

    BatchOutcome(String styleClass, String key) {
        this.styleClass = styleClass;
        this.key = key;
    }

    public static BatchOutcome of(BatchSnapshot s) {
        return switch (s.status()) {
            case COMPLETED -> s.failed() == 0 ? DONE : s.succeeded() == 0 ? ALL_FAILED : SOME_FAILED;
            case FAILED -> FAILED;
            case CANCELLED, INTERRUPTED, PENDING, PROCESSING, PAUSED -> STOPPED;
        };
    }

    /** {@code gs-notice-success}, {@code -warning} or {@code -danger}: the banner's colour in {@code app.css}. */
    public String styleClass() {
        return styleClass;
    }

    /** The part of the banner's message key: {@code live.notice.done}, … */
    String key() {
        return key;
    }
}
