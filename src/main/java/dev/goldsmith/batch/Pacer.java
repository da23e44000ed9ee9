package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.RateLimits;
import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Decides when the next request may go, to stay within every rate limit that applies, and says which one paces the
 * batch ({@link #pacing}). All of them at once, the strictest wins:
 *
 * <ul>
 *   <li>the user's caps: {@code rpm} requests and {@code tpm} tokens a minute, spread evenly;</li>
 *   <li>the budgets the provider announces in its rate-limit headers, read from every answer (a 200 or a 429):
 *       requests, tokens, and Anthropic's input and output tokens ({@link AnnouncedBudget});</li>
 *   <li>when neither the user nor the provider told a request limit: the one learned from the provider's 429s
 *       ({@link AdaptivePacer}).</li>
 * </ul>
 *
 * A request counts against token limits as its estimate (prompt + {@code max_tokens}), corrected by the answers'
 * {@code usage} ({@link TokenEstimates}). Lives on the engine loop (not thread-safe).
 */
final class Pacer {

    private record Sent(long seq, long at, long rawEstimate, TokenEstimates.Cost cost) {
    }

    private final TokenEstimates tokens;
    private final int rpm;
    private final int tpm;
    private final SmoothRate rpmCap;
    private final SmoothRate tpmCap;
    private final AnnouncedBudget requests = new AnnouncedBudget(1);
    private final AnnouncedBudget allTokens = new AnnouncedBudget(0);
    private final AnnouncedBudget inputTokens = new AnnouncedBudget(0);
    private final AnnouncedBudget outputTokens = new AnnouncedBudget(0);
    private final AdaptivePacer learner;
    /** The provider's limits learned by an earlier run of this batch, used until its headers arrive again. */
    private final SmoothRate resumedRequests;
    private final SmoothRate resumedTokens;
    private final LearnedLimits resumedFrom;
    private final Map<String, Sent> sent = new HashMap<>();
    private boolean announced;
    private long seq;

    /**
     * @param options   the batch's {@code rpm} and {@code tpm}
     * @param resume    what an earlier run of the batch learned ({@link LearnedLimits#NONE} for a new batch)
     * @param estimator the provider's token estimate for an item's request (prompt + max_tokens)
     * @param maxTokens the {@code max_tokens} of each request
     */
    Pacer(BatchOptions options, LearnedLimits resume, ToLongFunction<VaultItem> estimator, long maxTokens) {
        this.tokens = new TokenEstimates(estimator, maxTokens);
        this.rpm = options.rpm();
        this.tpm = options.tpm();
        this.rpmCap = new SmoothRate(rpm / 60.0);
        this.tpmCap = new SmoothRate(tpm / 60.0);
        this.resumedFrom = resume;
        boolean fromProvider = resume.source() == LearnedLimits.Source.PROVIDER;
        this.resumedRequests = new SmoothRate(fromProvider ? AnnouncedBudget.PACE * resume.requestsPerMinute() / 60 : 0);
        this.resumedTokens = new SmoothRate(fromProvider ? AnnouncedBudget.PACE * resume.tokensPerMinute() / 60 : 0);
        this.learner = resume.source() == LearnedLimits.Source.RATE_LIMITS && resume.requestsPerMinute() > 0
                ? new AdaptivePacer(resume.requestsPerMinute() / 60) : new AdaptivePacer();
    }

    /** A pacer for {@code rpm} alone (tests and tools). */
    static Pacer forOptions(BatchOptions options) {
        return new Pacer(options, LearnedLimits.NONE, item -> 0, 0);
    }

    /** The earliest monotonic time {@code next} may be sent; {@code now} or earlier means at once. */
    long nextAllowedNanos(long now, VaultItem next) {
        TokenEstimates.Cost cost = tokens.cost(next);
        long at = Math.max(rpmCap.earliest(now), cost.total() > 0 ? tpmCap.earliest(now) : now);
        if (announced) {
            at = Math.max(at, requests.earliest(now, 1));
            at = Math.max(at, allTokens.earliest(now, cost.total()));
            at = Math.max(at, inputTokens.earliest(now, cost.input()));
            at = Math.max(at, outputTokens.earliest(now, cost.output()));
        } else {
            at = Math.max(at, resumedRequests.earliest(now));
            if (cost.total() > 0) {
                at = Math.max(at, resumedTokens.earliest(now));
            }
        }
        if (learns()) {
            at = Math.max(at, learner.nextAllowedNanos(now));
        }
        return at;
    }

    /** Whether the request limit is learned from 429s: nobody told one. */
    private boolean learns() {
        return rpm == 0 && !announced && !resumedRequests.isOn();
    }

    void onDispatch(long now, VaultItem item) {
        TokenEstimates.Cost cost = tokens.cost(item);
        long number = seq++;
        sent.put(item.id(), new Sent(number, now, tokens.rawEstimate(item), cost));
        tokens.sent(cost);
        rpmCap.spend(now, 1);
        tpmCap.spend(now, cost.total());
        resumedRequests.spend(now, 1);
        resumedTokens.spend(now, cost.total());
        requests.spend(now, number, 1);
        allTokens.spend(now, number, cost.total());
        inputTokens.spend(now, number, cost.input());
        outputTokens.spend(now, number, cost.output());
        learner.onDispatch(now, item.id());
    }

    /** Any answer to a call of {@link #onDispatch}, or the failure the engine made of its exception. */
    void onAnswer(long now, VaultItem item, EnhanceResult result) {
        Sent s = sent.remove(item.id());
        if (s == null) {
            return;
        }
        readLimits(now, s, result.limits());
        boolean refused = result instanceof Failure f && (f.kind() == FailureKind.RATE_LIMITED || f.httpStatus() == 429);
        if (refused) {
            learner.onRefused(now, item.id());
            tpmCap.adjust(-s.cost().total()); // refused: the provider counted none of its tokens
        } else {
            boolean reached = result instanceof Success || ((Failure) result).httpStatus() != 0;
            if (reached) {
                learner.onAdmitted(item.id());
            } else {
                learner.onLost(item.id());
            }
            if (result.usage().promptTokens() > 0) {
                tokens.learn(s.rawEstimate(), result.usage());
                tpmCap.adjust(tokens.counted(result.usage()) - s.cost().total());
            }
        }
        if (result instanceof Success) {
            tokens.forget(item);
        }
    }

    private void readLimits(long now, Sent s, RateLimits limits) {
        if (limits == null || limits.isEmpty()) {
            return;
        }
        announced = true;
        limits.requests().ifPresent(b -> requests.update(now, s.seq(), s.at(), b));
        limits.tokens().ifPresent(b -> allTokens.update(now, s.seq(), s.at(), b));
        limits.inputTokens().ifPresent(b -> inputTokens.update(now, s.seq(), s.at(), b));
        limits.outputTokens().ifPresent(b -> outputTokens.update(now, s.seq(), s.at(), b));
    }

    /** How the batch is paced now: the strictest of the limits that apply, in requests a minute. */
    Pacing pacing(long now) {
        TokenEstimates.Cost avg = tokens.average();
        List<Pacing> candidates = new ArrayList<>();
        if (rpm > 0) {
            candidates.add(new Pacing(Pacing.Reason.RPM_SETTING, rpm, rpm));
        }
        if (tpm > 0 && avg.total() > 0) {
            candidates.add(new Pacing(Pacing.Reason.TPM_SETTING, tpm / (double) avg.total(), tpm));
        }
        if (announced) {
            add(candidates, Pacing.Reason.PROVIDER_REQUESTS, requests.limitPerMinute(), 1);
            add(candidates, Pacing.Reason.PROVIDER_TOKENS, allTokens.limitPerMinute(), avg.total());
            add(candidates, Pacing.Reason.PROVIDER_TOKENS, inputTokens.limitPerMinute(), avg.input());
            add(candidates, Pacing.Reason.PROVIDER_TOKENS, outputTokens.limitPerMinute(), avg.output());
        } else if (resumedRequests.isOn()) {
            add(candidates, Pacing.Reason.PROVIDER_REQUESTS, resumedFrom.requestsPerMinute(), 1);
            add(candidates, Pacing.Reason.PROVIDER_TOKENS, resumedFrom.tokensPerMinute(), avg.total());
        }
        if (learns() && learner.isLearning()) {
            candidates.add(new Pacing(Pacing.Reason.LEARNED, learner.rate() * 60, learner.estimatedLimit() * 60));
        }
        Pacing strictest = Pacing.NONE;
        for (Pacing p : candidates) {
            if (p.requestsPerMinute() < strictest.requestsPerMinute()) {
                strictest = p;
            }
        }
        return strictest;
    }

    private static void add(List<Pacing> to, Pacing.Reason reason, double limitPerMinute, double perRequest) {
        if (limitPerMinute > 0 && perRequest > 0) {
            to.add(new Pacing(reason, AnnouncedBudget.PACE * limitPerMinute / perRequest, limitPerMinute));
        }
    }

    /** What this run learned of the provider's limits, to keep in the batch's metadata. */
    LearnedLimits learned() {
        if (announced) {
            return new LearnedLimits(requests.limitPerMinute(), Math.max(allTokens.limitPerMinute(),
                    inputTokens.limitPerMinute()), LearnedLimits.Source.PROVIDER);
        }
        if (learns() && learner.learnedRate() > 0) {
            return new LearnedLimits(learner.learnedRate() * 60, 0, LearnedLimits.Source.RATE_LIMITS);
        }
        return resumedFrom;
    }

    /** Requests a second the request limits allow now (the learned or told ones); infinite when none applies. */
    double currentRate() {
        double r = Double.POSITIVE_INFINITY;
        if (rpm > 0) {
            r = rpm / 60.0;
        }
        if (learns() && learner.isLearning()) {
            r = Math.min(r, learner.rate());
        }
        if (announced && requests.limitPerMinute() > 0) {
            r = Math.min(r, AnnouncedBudget.PACE * requests.limitPerMinute() / 60);
        }
        return r;
    }

    AdaptivePacer learner() {
        return learner;
    }

    TokenEstimates tokens() {
        return tokens;
    }
}
