package dev.goldsmith.batch;

/**
 * How new requests are paced right now, and why — for the live panel and the command line's
 * {@code paced 588/min (provider limit 600/min)}.
 *
 * @param requestsPerMinute the dispatch rate allowed now; infinite when nothing but the window holds requests back
 * @param limitPerMinute    the limit that pace follows, in the unit of {@code reason} (requests, or tokens for the
 *                          token reasons) per minute; 0 when there is none or it is not known
 */
public record Pacing(Reason reason, double requestsPerMinute, double limitPerMinute) {

    /** Nothing paces the batch: requests go as fast as the window allows. */
    public static final Pacing NONE = new Pacing(Reason.NONE, Double.POSITIVE_INFINITY, 0);

    /** What sets the pace. */
    public enum Reason {
        /** Only the window (concurrency) limits the rate. */
        NONE,
        /** The requests-per-minute cap the user set ({@code --rpm}). */
        RPM_SETTING,
        /** The tokens-per-minute cap the user set ({@code --tpm}). */
        TPM_SETTING,
        /** The request limit the provider announces in its rate-limit headers. */
        PROVIDER_REQUESTS,
        /** The token limit the provider announces in its rate-limit headers. */
        PROVIDER_TOKENS,
        /** A limit learned from the provider's 429s (it announces none). */
        LEARNED
    }

    public boolean isPaced() {
        return reason != Reason.NONE && Double.isFinite(requestsPerMinute);
    }
}
