package dev.goldsmith.batch;

import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.VaultItem;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a request costs against a token limit, as a provider counts it when the request arrives: its prompt tokens
 * plus its {@code max_tokens}. The provider's own estimate ({@link dev.goldsmith.ai.Enhancer#estimateTokens}) is
 * corrected by the answers: the prompt tokens each answer's {@code usage} reports, against the estimate of its
 * prompt, give a scale (over the last {@value #SAMPLES} answers) applied to every later estimate.
 * Lives on the engine loop.
 */
final class TokenEstimates {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEstimates.class);

    static final int SAMPLES = 50;
    private static final double MIN_SCALE = 0.25;
    private static final double MAX_SCALE = 4.0;

    /** A request's cost: {@code input} (prompt) + {@code output} ({@code max_tokens}) = {@code total}. */
    record Cost(long total, long input, long output) {
        static final Cost NONE = new Cost(0, 0, 0);
    }

    private final ToLongFunction<VaultItem> estimator;
    private final long maxTokens;
    private final Map<String, Long> raw = new HashMap<>();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long estimatedSum;
    private long actualSum;
    private final ArrayDeque<Cost> recent = new ArrayDeque<>();
    private long recentTotal;
    private long recentInput;
    private long recentOutput;

    /**
     * @param estimator the provider's estimate of prompt + max_tokens (0 when it has none)
     * @param maxTokens the {@code max_tokens} every request asks for, part of each estimate
     */
    TokenEstimates(ToLongFunction<VaultItem> estimator, long maxTokens) {
        this.estimator = estimator;
        this.maxTokens = Math.max(0, maxTokens);
    }

    /** The provider's own estimate for the item, asked once per item. */
    long rawEstimate(VaultItem item) {
        return raw.computeIfAbsent(item.id(), id -> {
            try {
                return Math.max(0, estimator.applyAsLong(item));
            } catch (RuntimeException e) {
                LOG.warn("the provider could not estimate the tokens of item {}; it is paced as if it had none", id, e);
                return 0L;
            }
        });
    }

    /** The corrected cost of the item's request. */
    Cost cost(VaultItem item) {
        long estimate = rawEstimate(item);
        if (estimate <= 0) {
            return Cost.NONE;
        }
        long output = Math.min(maxTokens, estimate);
        long input = Math.round((estimate - output) * scale());
        return new Cost(input + output, input, output);
    }

    /** What the provider counted for a request, by its answer's usage: its prompt tokens + max_tokens. */
    long counted(Usage usage) {
        return usage.promptTokens() + maxTokens;
    }

    /** Learns from an answer to the request whose estimate was {@code rawEstimate}. */
    void learn(long rawEstimate, Usage usage) {
        long estimatedPrompt = rawEstimate - Math.min(maxTokens, rawEstimate);
        if (usage.promptTokens() <= 0 || estimatedPrompt <= 0) {
            return;
        }
        samples.addLast(new long[] {estimatedPrompt, usage.promptTokens()});
        estimatedSum += estimatedPrompt;
        actualSum += usage.promptTokens();
        while (samples.size() > SAMPLES) {
            long[] old = samples.removeFirst();
            estimatedSum -= old[0];
            actualSum -= old[1];
        }
    }

    /** Notes a request sent with this cost, for the average. */
    void sent(Cost cost) {
        recent.addLast(cost);
        add(cost, 1);
        while (recent.size() > SAMPLES) {
            add(recent.removeFirst(), -1);
        }
    }

    private void add(Cost cost, int sign) {
        recentTotal += sign * cost.total();
        recentInput += sign * cost.input();
        recentOutput += sign * cost.output();
    }

    /** The item was answered for good: its estimate is no longer needed. */
    void forget(VaultItem item) {
        raw.remove(item.id());
    }

    /** How much the provider's prompt estimates are scaled by (1 until answers say otherwise). */
    double scale() {
        if (estimatedSum <= 0) {
            return 1.0;
        }
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, actualSum / (double) estimatedSum));
    }

    /** The average cost of the recent requests, {@link Cost#NONE} before any was sent. */
    Cost average() {
        int n = recent.size();
        return n == 0 ? Cost.NONE : new Cost(Math.round(recentTotal / (double) n), Math.round(recentInput / (double) n),
                Math.round(recentOutput / (double) n));
    }

    long maxTokens() {
        return maxTokens;
    }
}
