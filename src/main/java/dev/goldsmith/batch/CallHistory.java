package dev.goldsmith.batch;

/**
 * How the recent calls of one provider and model went, from {@code batch_items}: what an estimate takes instead of an
 * assumption where there is history.
 *
 * @param calls                answers counted (succeeded or unchanged)
 * @param averageLatencyMs     their average latency (dispatch of the last attempt to answer)
 * @param callsWithUsage       the answers among them that reported token usage
 * @param averageCompletionTokens the average completion tokens of those
 */
public record CallHistory(int calls, double averageLatencyMs, int callsWithUsage, double averageCompletionTokens) {

    public static final CallHistory NONE = new CallHistory(0, 0, 0, 0);
}
