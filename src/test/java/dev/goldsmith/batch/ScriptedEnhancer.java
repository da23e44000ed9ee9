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
    private Usage usage = new Usage(100, 50);
    private int inFlight;
    private int maxInFlight;

    ScriptedEnhancer(VirtualLoop loop) {
        this.loop = loop;
    }

    ScriptedEnhancer latency(Duration value) {
        defaultLatency = value;
        return this;
    }

    ScriptedEnhancer usage(Usage value) {
        usage = value;
        return this;
    }

    ScriptedEnhancer then(String itemId, Duration latency, Function<VaultItem, EnhanceResult> result) {
        script.computeIfAbsent(itemId, k -> new ArrayDeque<>()).addLast(new Answer(latency, result));
        return this;
    }

    ScriptedEnhancer fail(String itemId, FailureKind kind, int status, Duration retryAfter) {
        return then(itemId, defaultLatency, item -> new EnhanceResult.Failure(kind, "scripted " + kind + " " + status,
                status, Optional.ofNullable(retryAfter), Usage.NONE, defaultLatency));
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
    public String model() {
        return "script";
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        ArrayDeque<Answer> answers = script.get(item.id());
        Answer answer = answers != null && !answers.isEmpty() ? answers.pollFirst()
                : new Answer(defaultLatency, this::success);
        CompletableFuture<EnhanceResult> future = new CompletableFuture<>();
        calls.add(new Call(item.id(), loop.elapsed(), future));
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        future.whenComplete((r, e) -> inFlight--);
        if (answer.latency() != null) {
            loop.schedule(answer.latency(), () -> future.complete(answer.result().apply(item)));
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
