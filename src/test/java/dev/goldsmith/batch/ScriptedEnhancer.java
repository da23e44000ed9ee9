package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.Usage;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * An in-process provider that answers from a script, on the virtual loop's clock: each item's calls take their
 * scripted answers in turn, each after its latency; unscripted calls succeed after {@code defaultLatency}.
 */
final class ScriptedEnhancer implements Enhancer {

    record Answer(Duration latency, Function<VaultItem, EnhanceResult> result) {
    }

    record Call(String itemId, Duration at, CompletableFuture<EnhanceResult> future) {
    }

    private final VirtualLoop loop;
    private final Map<String, ArrayDeque<Answer>> script = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private Duration defaultLatency = Duration.ZERO;
    private Function<VaultItem, EnhanceResult> defaultAnswer = this::success;
    private final Map<String, Error> throwOnCall = new HashMap<>();
    private Usage usage = new Usage(100, 50);
    private long tokensPerRequest;
    private int inFlight;
    private int maxInFlight;

    ScriptedEnhancer(VirtualLoop loop) {
        this.loop = loop;
    }

    private volatile boolean overHttp = true;

    ScriptedEnhancer latency(Duration value) {
        defaultLatency = value;
        return this;
    }

    ScriptedEnhancer usage(Usage value) {
        usage = value;
        return this;
    }

    /** What {@link #estimateTokens} says of every request (prompt + max_tokens); 0, as by default, counts none. */
    ScriptedEnhancer tokensPerRequest(long value) {
        tokensPerRequest = value;
        return this;
    }

    @Override
    public long estimateTokens(VaultItem item, Operation operation) {
        return tokensPerRequest;
    }

    ScriptedEnhancer then(String itemId, Duration latency, Function<VaultItem, EnhanceResult> result) {
        script.computeIfAbsent(itemId, k -> new ArrayDeque<>()).addLast(new Answer(latency, result));
        return this;
    }

    ScriptedEnhancer fail(String itemId, FailureKind kind, int status, Duration retryAfter) {
        return then(itemId, defaultLatency, item -> new EnhanceResult.Failure(kind, "scripted " + kind + " " + status,
                status, Optional.ofNullable(retryAfter), Usage.NONE, defaultLatency));
    }

    /** Unscripted calls answer this (after the default latency) instead of a success. */
    ScriptedEnhancer answerAll(Function<VaultItem, EnhanceResult> value) {
        defaultAnswer = value;
        return this;
    }

    /** The item's next call ends exceptionally with {@code error} after {@code latency}, as a provider bug would. */
    ScriptedEnhancer failWith(String itemId, Duration latency, Throwable error) {
        return then(itemId, latency, item -> {
            throw new CompletionException(error);
        });
    }

    /** Asking for the item's next call throws {@code error} at once, on the caller's (the engine loop's) thread. */
    ScriptedEnhancer throwOnCall(String itemId, Error error) {
        throwOnCall.put(itemId, error);
        return this;
    }

    /** A call that never answers unless cancelled. */
    ScriptedEnhancer hang(String itemId) {
        return then(itemId, null, null);
    }

    EnhanceResult success(VaultItem item) {
        return new EnhanceResult.Success("Improved: " + item.content(), item.tier().next(), List.of("kw-" + item.id()),
                0.9, "scripted", usage, defaultLatency);
    }

    @Override
    public String providerName() {
        return "scripted";
    }

    @Override
    public boolean answersOverHttp() {
        return overHttp;
    }

    /** Answers like the offline engine: no HTTP call, no status code. */
    ScriptedEnhancer offline() {
        overHttp = false;
        return this;
    }

    @Override
    public String model() {
        return "script";
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        Error thrown = throwOnCall.remove(item.id());
        if (thrown != null) {
            throw thrown;
        }
        ArrayDeque<Answer> answers = script.get(item.id());
        Answer answer = answers != null && !answers.isEmpty() ? answers.pollFirst()
                : new Answer(defaultLatency, defaultAnswer);
        CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        calls.add(new Call(item.id(), loop.elapsed(), future));
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        future.whenComplete((r, e) -> inFlight--);
        if (answer.latency() != null) {
            loop.schedule(answer.latency(), () -> {
                EnhanceResult result;
                try {
                    result = answer.result().apply(item);
                } catch (CompletionException e) {
                    future.completeExceptionally(e.getCause());
                    return;
                }
                future.complete(result);
            });
        }
        return future;
    }

    List<Call> calls() {
        return calls;
    }

    List<Call> callsOf(String itemId) {
        return calls.stream().filter(c -> c.itemId().equals(itemId)).toList();
    }

    int maxInFlight() {
        return maxInFlight;
    }

    int inFlight() {
        return inFlight;
    }

    static EnhanceResult failure(FailureKind kind, String message, int status) {
        return EnhanceResult.Failure.of(kind, message, status, Duration.ZERO);
    }
}
