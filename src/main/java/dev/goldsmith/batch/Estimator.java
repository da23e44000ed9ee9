package dev.goldsmith.batch;

import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Tokens, cost and time of a batch before it is started — computed here, nothing sent. The window's launch panel and
 * {@code goldsmith estimate} call it.
 *
 * <ul>
 * <li>Prompt tokens: what the provider estimates for each request it would build ({@link Enhancer#estimateTokens},
 *     which counts {@code max_tokens} too, taken off again).</li>
 * <li>Completion tokens: the average of the recent answers of the same provider and model for the operation, where
 *     there is such history ({@value #HISTORY_CALLS} answers at most); else an assumption of
 *     {@value #ASSUMED_COMPLETION_ENHANCE} a call for {@code enhance}, {@value #ASSUMED_COMPLETION_KEYWORDS} for
 *     {@code keyword_suggest} (at most {@code max_tokens}). A provider that counts no tokens (the rules engine) has none.</li>
 * <li>Cost: both at the batch's prices.</li>
 * <li>Duration: the slowest of the concurrency (calls in waves of {@code concurrency}, each taking the recent average
 *     latency of that provider and model, else an assumed {@value #ASSUMED_LATENCY_MS} ms — {@value #ASSUMED_LOCAL_LATENCY_MS}
 *     ms for a provider that counts no tokens), the {@code rpm} cap and the {@code tpm} cap (a request counting its
 *     prompt tokens plus {@code max_tokens}). Retries and 429 waits are not foreseen.</li>
 * </ul>
 */
public final class Estimator {

    static final int HISTORY_CALLS = 200;
    static final int ASSUMED_COMPLETION_ENHANCE = 150;
    static final int ASSUMED_COMPLETION_KEYWORDS = 40;
    static final long ASSUMED_LATENCY_MS = 2000;
    static final long ASSUMED_LOCAL_LATENCY_MS = 20;

    private final VaultRepository vaults;
    private final ItemRepository items;
    private final BatchStore store;
    private final Function<ProviderSettings, Enhancer> enhancers;

    public Estimator(Database db, Function<ProviderSettings, Enhancer> enhancers) {
        this.vaults = new VaultRepository(db, Clock.systemUTC());
        this.items = new ItemRepository(db, Clock.systemUTC());
        this.store = new BatchStore(db);
        this.enhancers = enhancers;
    }

    /**
     * The estimate for the given items of a vault (all of them when {@code itemIds} is empty).
     *
     * @throws BatchRequestException an unknown vault or item, or a provider that cannot be built (a bad base URL)
     */
    public Estimate estimate(String vaultId, List<String> itemIds, BatchSettings settings) {
        return estimate(Selection.of(vaults, items, vaultId, itemIds), settings);
    }

    /** The estimate for items at hand (the launch panel's selection). */
    public Estimate estimate(List<VaultItem> selection, BatchSettings settings) {
        BatchOptions o = settings.options();
        ProviderSettings p = settings.provider();
        Operation op = o.operation();
        List<VaultItem> toSend = selection.stream().filter(i -> !Selection.skips(op, i)).toList();
        long counted = 0; // what a token limit counts: prompt + max_tokens, per request
        long prompt = 0;
        try (Enhancer enhancer = build(p, o.concurrency())) {
            for (VaultItem item : toSend) {
                long tokens = Math.max(0, enhancer.estimateTokens(item, op));
                counted += tokens;
                prompt += tokens == 0 ? 0 : Math.max(0, tokens - Math.max(0, p.maxTokens()));
            }
        }
        boolean countsTokens = toSend.isEmpty() || counted > 0;
        CallHistory history = store.recentCalls(p.kind().id(), p.model(), op, HISTORY_CALLS);
        String who = p.model() == null || !p.kind().isRemote() ? p.kind().id() : p.kind().id() + " " + p.model();
        List<String> notes = new ArrayList<>();

        Estimate.Source completionSource;
        double perCall;
        if (!countsTokens) {
            completionSource = Estimate.Source.NONE;
            perCall = 0;
            notes.add("Tokens and cost: none, the " + p.kind().id() + " provider uses no tokens.");
        } else if (history.callsWithUsage() > 0) {
            completionSource = Estimate.Source.HISTORY;
            perCall = history.averageCompletionTokens();
            notes.add(String.format(Locale.ROOT, "Completion tokens: %.0f a call, the average of the last %d answers"
                    + " of %s.", perCall, history.callsWithUsage(), who));
        } else {
            completionSource = Estimate.Source.ASSUMED;
            perCall = Math.min(assumedCompletion(op),
                    Math.max(0, p.maxTokens()));
            notes.add(String.format(Locale.ROOT, "Completion tokens: assumed %.0f a call (no answers of %s with token"
                    + " usage yet).", perCall, who));
        }
        long completion = Math.round(perCall * toSend.size());
        BigDecimal cost = p.pricing().cost(new Usage(prompt, completion)).setScale(6, RoundingMode.HALF_UP);

        Estimate.Source latencySource;
        double latencyMs;
        if (history.calls() > 0) {
            latencySource = Estimate.Source.HISTORY;
            latencyMs = history.averageLatencyMs();
            notes.add(String.format(Locale.ROOT, "Latency: %s a call, the average of the last %d answers of %s.",
                    seconds(latencyMs), history.calls(), who));
        } else {
            latencySource = Estimate.Source.ASSUMED;
            latencyMs = countsTokens ? ASSUMED_LATENCY_MS : ASSUMED_LOCAL_LATENCY_MS;
            notes.add(String.format(Locale.ROOT, "Latency: assumed %s a call (no answers of %s yet).",
                    seconds(latencyMs), who));
        }
        int n = toSend.size();
        double byConcurrency = n == 0 ? 0 : Math.ceil((double) n / o.concurrency()) * latencyMs;
        double byRpm = n == 0 || o.rpm() == 0 ? 0 : (n - 1) * 60_000.0 / o.rpm() + latencyMs;
        double byTpm = n == 0 || o.tpm() == 0 || counted == 0 ? 0
                : (counted - (double) counted / n) * 60_000.0 / o.tpm() + latencyMs;
        Estimate.Bound bound = Estimate.Bound.CONCURRENCY;
        double ms = byConcurrency;
        if (byRpm > ms) {
            bound = Estimate.Bound.RPM;
            ms = byRpm;
        }
        if (byTpm > ms) {
            bound = Estimate.Bound.TPM;
            ms = byTpm;
        }
        notes.add(switch (bound) {
            case CONCURRENCY -> String.format(Locale.ROOT, "Duration: %d calls, %d at a time.", n, o.concurrency());
            case RPM -> String.format(Locale.ROOT, "Duration: %d calls paced at %d a minute (rpm).", n, o.rpm());
            case TPM -> String.format(Locale.ROOT, "Duration: %d calls paced at %d tokens a minute (tpm), each counting"
                    + " its prompt and max_tokens.", n, o.tpm());
        });
        return new Estimate(selection.size(), n, selection.size() - n, prompt, completion, cost,
                Duration.ofMillis(Math.round(ms)), completionSource, latencySource, bound, notes);
    }

    private Enhancer build(ProviderSettings p, int concurrency) {
        try {
            return enhancers.apply(p.withMaxConnections(concurrency));
        } catch (IllegalArgumentException e) {
            throw new BatchRequestException(e.getMessage());
        }
    }

    /** The completion tokens assumed for a call of {@code op} when no history says better. */
    private static int assumedCompletion(Operation op) {
        return switch (op) {
            case ENHANCE -> ASSUMED_COMPLETION_ENHANCE;
            case KEYWORD_SUGGEST -> ASSUMED_COMPLETION_KEYWORDS;
        };
    }

    private static String seconds(double ms) {
        return ms < 1000 ? String.format(Locale.ROOT, "%.0f ms", ms) : String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }
}
