package dev.goldsmith.batch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a batch would take, worked out before anything is sent ({@link Estimator}).
 *
 * @param items            the items selected
 * @param toSend           those that would be sent (for {@code enhance}, gold items are skipped)
 * @param skipped          those that would be skipped
 * @param promptTokens     the prompt tokens of exactly the requests the provider would build
 * @param completionTokens the completion tokens expected (see {@code completionSource})
 * @param costUsd          both priced at the batch's prices per million tokens
 * @param duration         from the concurrency, the rpm/tpm caps and the latency (see {@code latencySource}, {@code bound})
 * @param notes            how each figure was reached, one sentence each, for a person
 */
public record Estimate(int items, int toSend, int skipped, long promptTokens, long completionTokens, BigDecimal costUsd,
                       Duration duration, Source completionSource, Source latencySource, Bound bound,
                       List<String> notes) {

    /** Where a figure comes from. */
    public enum Source {
        /** The recent calls of the same provider and model ({@code batch_items}). */
        HISTORY,
        /** A stated assumption: there is no such history yet. */
        ASSUMED,
        /** Nothing to estimate: the provider counts no tokens (the offline rules engine). */
        NONE
    }

    /** What sets the duration. */
    public enum Bound {
        /** The calls in flight at once and their latency. */
        CONCURRENCY,
        /** The requests-per-minute cap. */
        RPM,
        /** The tokens-per-minute cap. */
        TPM
    }

    public Estimate {
        Objects.requireNonNull(costUsd, "costUsd");
        Objects.requireNonNull(duration, "duration");
        notes = List.copyOf(notes);
    }

    /** Whether starting it should be confirmed first: more items to send, or a higher cost, than the threshold. */
    public boolean exceeds(ConfirmThreshold threshold) {
        return toSend > threshold.items() || costUsd.compareTo(threshold.costUsd()) > 0;
    }
}
