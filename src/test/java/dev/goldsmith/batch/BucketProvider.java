package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.RateLimits;
import dev.goldsmith.ai.RateLimits.Budget;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * A provider on the virtual loop's clock that enforces token buckets the way real ones do: on requests, and on
 * tokens (a request counts as its prompt tokens — counted by the provider, a little differently from the client's
 * estimate — plus its {@code max_tokens}) when it arrives. Over a limit it answers 429 at once, with the wait it is
 * set to give. It can announce its budgets in OpenAI-style or Anthropic-style headers, as they stood when it
 * admitted (or refused) the request.
 */
final class BucketProvider implements Enhancer {

    static final long MAX_TOKENS = 500;

    enum Headers { NONE, OPENAI, ANTHROPIC }

    /** A request the provider admitted: when, and the tokens it counted. */
    record Admitted(Duration at, long tokens, long inputTokens) {
    }

    private final VirtualLoop loop;
    private Bucket requests;
    private Bucket tokens;
    private Bucket inputTokens;
    private Bucket outputTokens;
    private Duration latency = Duration.ofMillis(100);
    private Duration retryAfter;
    private Headers headers = Headers.NONE;
    private double promptScale = 1.0;
    int calls;
    int limited;
    final List<Admitted> admitted = new ArrayList<>();

    BucketProvider(VirtualLoop loop) {
        this.loop = loop;
    }

    BucketProvider requests(double perSecond, double burst) {
        requests = new Bucket(perSecond, burst);
        return this;
    }

    /** Another client spends {@code perSecond} of the request budget too. */
    BucketProvider sharedWith(double perSecond) {
        requests.shared = perSecond;
        return this;
    }

    BucketProvider tokens(double perSecond, double burst) {
        tokens = new Bucket(perSecond, burst);
        return this;
    }

    /** Anthropic's separate input and output token limits. */
    BucketProvider inputOutputTokens(double inputPerSecond, double outputPerSecond) {
        inputTokens = new Bucket(inputPerSecond, inputPerSecond * 60);
        outputTokens = new Bucket(outputPerSecond, outputPerSecond * 60);
        return this;
    }

    BucketProvider latency(Duration value) {
        latency = value;
        return this;
    }

    BucketProvider retryAfter(Duration value) {
        retryAfter = value;
        return this;
    }

    BucketProvider headers(Headers value) {
        headers = value;
        return this;
    }

    /** The provider counts a prompt as this many times the client's estimate of it. */
    BucketProvider promptScale(double value) {
        promptScale = value;
        return this;
    }

    /** The client's estimate: about four characters a token of the content, plus the prompt's frame. */
    static long estimatedPrompt(VaultItem item) {
        return 40 + item.content().length() / 4;
    }

    @Override
    public long estimateTokens(VaultItem item, Operation operation) {
        return estimatedPrompt(item) + MAX_TOKENS;
    }

    @Override
    public String providerName() {
        return "bucket";
    }

    @Override
    public String model() {
        return "bucket";
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        long now = loop.nanoTime();
        calls++;
        long prompt = Math.round(estimatedPrompt(item) * promptScale);
        long cost = prompt + MAX_TOKENS;
        for (Bucket b : new Bucket[] {requests, tokens, inputTokens, outputTokens}) {
            if (b != null) {
                b.refill(now);
            }
        }
        boolean ok = (requests == null || requests.level >= 1) && (tokens == null || tokens.level >= cost)
                && (inputTokens == null || inputTokens.level >= prompt)
                && (outputTokens == null || outputTokens.level >= MAX_TOKENS);
        if (ok) {
            take(requests, 1);
            take(tokens, cost);
            take(inputTokens, prompt);
            take(outputTokens, MAX_TOKENS);
            admitted.add(new Admitted(loop.elapsed(), cost, prompt));
        } else {
            limited++;
        }
        RateLimits limits = limits();
        EnhanceResult result = ok
                ? new EnhanceResult.Success("Improved " + item.id(), item.tier().next(), List.of(), null, "bucket",
                        new Usage(prompt, 50), latency).withLimits(limits)
                : new EnhanceResult.Failure(FailureKind.RATE_LIMITED, "The provider is limiting the request rate (429).",
                        429, Optional.ofNullable(retryAfter), Usage.NONE, Duration.ZERO, limits);
        CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        loop.schedule(ok ? latency : Duration.ofMillis(1), () -> future.complete(result));
        return future;
    }

    private static void take(Bucket b, double amount) {
        if (b != null) {
            b.level -= amount;
        }
    }

    private RateLimits limits() {
        return switch (headers) {
            case NONE -> RateLimits.NONE;
            case OPENAI -> new RateLimits(budget(requests), budget(tokens), Optional.empty(), Optional.empty());
            case ANTHROPIC -> new RateLimits(budget(requests), Optional.empty(), budget(inputTokens), budget(outputTokens));
        };
    }

    /** What a provider announces for a bucket: its limit a minute, what is left, and when it is full again. */
    private static Optional<Budget> budget(Bucket b) {
        if (b == null) {
            return Optional.empty();
        }
        long reset = Math.round((b.burst - b.level) / b.perSecond * 1e9);
        return Optional.of(new Budget(OptionalLong.of(Math.round(b.perSecond * 60)),
                OptionalLong.of((long) Math.floor(Math.max(0, b.level))), Optional.of(Duration.ofNanos(Math.max(0, reset)))));
    }

    double share429() {
        return calls == 0 ? 0 : limited / (double) calls;
    }

    /** A token bucket, full at the start. */
    static final class Bucket {
        final double perSecond;
        final double burst;
        double level;
        double shared;
        long last;

        Bucket(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.level = burst;
        }

        void refill(long now) {
            level = Math.max(0, Math.min(burst, level + (now - last) / 1e9 * (perSecond - shared)));
            last = now;
        }
    }
}
