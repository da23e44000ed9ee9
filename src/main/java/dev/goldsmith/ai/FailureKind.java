package dev.goldsmith.ai;

/** How the batch engine treats a failed call. */
public enum FailureKind {
    /** Timeout, a dropped connection, 408, 409, 425, 5xx, or model output that failed validation: try again later. */
    RETRYABLE,
    /**
     * The server could not be reached at all (connection refused, unknown host, no route, TLS failure): retried like
     * {@link #RETRYABLE}, and when nothing of the batch has succeeded a few in a row stop it (DESIGN §4).
     */
    UNREACHABLE,
    /** 429: hold every new dispatch until the provider's wait has passed; does not use up the item's attempts. */
    RATE_LIMITED,
    /** Any other 4xx: this item fails at once with the provider's message. */
    PERMANENT,
    /** 401, 403, or the model does not exist: the whole batch stops. */
    FATAL
}
