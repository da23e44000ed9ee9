package dev.goldsmith.batch;

import dev.goldsmith.ai.EnhanceResult;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.ai.FailureKind;
import dev.goldsmith.store.StoreException;
import dev.goldsmith.vault.VaultItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a batch: a bounded sliding window over its pending items. At most {@code concurrency} calls are in
 * flight and the next is dispatched the moment one finishes. All state lives on the {@link EngineLoop}; answers,
 * timers and controls arrive there as tasks, so nothing here needs a lock.
 */
final class BatchRun implements BatchHandle, CheckpointQueue.Outcome {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

    private final RunConfig cfg;
    private final BatchOptions options;
    private final EngineLoop loop;
    private final RunState state;
    private final Backoff backoff;
    private final Pacer pacer;
    private final SnapshotPublisher publisher;
    private final CompletableFuture<BatchSnapshot> completion = new CompletableFuture<>();

    private final ArrayDeque<Work> ready = new ArrayDeque<>();
    private final PriorityQueue<Work> delayed = new PriorityQueue<>(Comparator.comparingLong(w -> w.readyAt));
    private final Map<String, Work> inFlight = new LinkedHashMap<>();
    private final CheckpointQueue checkpoints;
    private long holdUntil = Long.MIN_VALUE;
    private int consecutiveRateLimits;
    private BigDecimal spent;
    private final WakeTimer wake;
    private final RunRecorder recorder;
    private boolean started;
    private boolean finished;

    BatchRun(RunConfig cfg, BatchRecord record, List<VaultItem> pending) {
        this.cfg = cfg;
        this.options = cfg.options();
        this.loop = cfg.loop();
        this.state = new RunState(record, loop.nanoTime());
        this.backoff = new Backoff(options.baseDelay(), options.maxDelay(), cfg.random());
        this.pacer = Pacer.forRpm(options.rpm());
        this.publisher = new SnapshotPublisher(cfg.delivery());
        this.spent = record.costUsd();
        this.wake = new WakeTimer(loop, this::pump);
        this.recorder = new RunRecorder(cfg, record.id());
        this.checkpoints = new CheckpointQueue(cfg, this);
        pending.forEach(item -> ready.addLast(new Work(item)));
        publisher.publish(state.snapshot(loop.nanoTime(), 0, Duration.ZERO));
    }

    /** Starts dispatching; the batch must already be claimed as processing by this owner. */
    void start() {
        loop.execute(() -> {
            started = true;
            state.status = BatchStatus.PROCESSING;
            skipGoldOnResume();
            recorder.startHeartbeat();
            publish();
            pump();
        });
    }

    /** An item that became gold since the batch was recorded is not sent again to be enhanced: it is skipped. */
    private void skipGoldOnResume() {
        if (options.operation() != dev.goldsmith.ai.Operation.ENHANCE) {
            return;
        }
        for (var it = ready.iterator(); it.hasNext(); ) {
            Work w = it.next();
            if (w.item.tier().isTop()) {
                it.remove();
                w.startedAt = loop.now();
                w.dispatchedAt = loop.nanoTime();
                checkpoint(w, ItemStatus.SKIPPED, null, 0, null);
            }
        }
    }

    @Override
    public String batchId() {
        return state.record.id();
    }

    @Override
    public BatchSnapshot latest() {
        return publisher.latest();
    }

    @Override
    public Runnable subscribe(Consumer<BatchSnapshot> listener) {
        return publisher.subscribe(listener);
    }

    @Override
    public CompletableFuture<BatchSnapshot> completion() {
        return completion;
    }

    @Override
    public void pause() {
        loop.execute(() -> {
            if (finished || state.stopping() || state.status == BatchStatus.PAUSED) {
                return;
            }
            state.status = BatchStatus.PAUSED;
            recorder.status(BatchStatus.PAUSED);
            publish();
        });
    }

    @Override
    public void resume() {
        loop.execute(() -> {
            if (finished || state.status != BatchStatus.PAUSED) {
                return;
            }
            state.status = BatchStatus.PROCESSING;
            recorder.status(BatchStatus.PROCESSING);
            publish();
            pump();
        });
    }

    @Override
    public void cancel() {
        loop.execute(() -> {
            if (finished || state.cancelRequested) {
                return;
            }
            state.cancelRequested = true;
            for (var it = inFlight.values().iterator(); it.hasNext(); ) {
                Work w = it.next();
                if (w.call.cancel(true)) {
                    it.remove(); // aborted: the item stays pending
                }
            }
            publish();
            maybeFinish();
        });
    }

    // --- dispatching -------------------------------------------------------------------------------------------

    private void pump() {
        if (finished || !started) {
            return;
        }
        long now = loop.nanoTime();
        java.util.ArrayDeque<Work> due = new java.util.ArrayDeque<>();
        while (!delayed.isEmpty() && delayed.peek().readyAt <= now) {
            due.addFirst(delayed.poll());
        }
        due.forEach(ready::addFirst); // retries go first, in the order they became due
        while (state.status == BatchStatus.PROCESSING && !state.stopping() && !ready.isEmpty()
                && inFlight.size() < options.concurrency()) {
            now = loop.nanoTime();
            if (now < holdUntil) {
                wake.wakeAt(holdUntil);
                break;
            }
            long next = pacer.nextAllowedNanos(now);
            if (next > now) {
                wake.wakeAt(next);
                break;
            }
            if (options.maxCostUsd() != null && spent.compareTo(options.maxCostUsd()) >= 0) {
                state.stopForBudget(options.maxCostUsd(), spent);
                break;
            }
            dispatch(ready.pollFirst(), now);
        }
        if (!delayed.isEmpty() && !state.stopping()) {
            wake.wakeAt(delayed.peek().readyAt);
        }
        maybeFinish();
    }

    private void dispatch(Work work, long now) {
        work.attempts++;
        work.dispatchedAt = now;
        if (work.startedAt == null) {
            work.startedAt = loop.now();
        }
        pacer.onDispatch(now);
        CompletableFuture<EnhanceResult> call;
        try {
            call = cfg.enhancer().enhance(work.item, options.operation());
        } catch (RuntimeException e) {
            LOG.error("provider failed to start a call for item {}", work.id(), e);
            call = CompletableFuture.failedFuture(e);
        }
        work.call = call;
        inFlight.put(work.id(), work);
        CompletableFuture<EnhanceResult> sent = call;
        call.whenComplete((result, error) -> loop.execute(() -> onAnswer(work, sent, result, error)));
        publish();
    }

    // --- answers -----------------------------------------------------------------------------------------------

    private void onAnswer(Work work, CompletableFuture<EnhanceResult> call, EnhanceResult result, Throwable error) {
        if (inFlight.get(work.id()) != work || work.call != call) {
            return; // aborted by cancel: the item stays pending
        }
        inFlight.remove(work.id());
        try {
            handleAnswer(work, result, error);
        } catch (RuntimeException e) {
            // a bug must not leave the batch hanging: stop it, the item stays pending and the batch can be resumed
            LOG.error("handling the answer for item {} failed", work.id(), e);
            if (state.storeMessage == null) {
                state.storeMessage = "Goldsmith hit an internal error and stopped the batch (see the log): " + e;
            }
        }
        pump();
    }

    private void handleAnswer(Work work, EnhanceResult result, Throwable error) {
        long now = loop.nanoTime();
        if (error != null) {
            result = asRetryable(work.id(), error);
        }
        work.usage = work.usage.plus(result.usage());
        BigDecimal cost = cfg.pricing().cost(result.usage());
        work.cost = work.cost.add(cost);
        spent = spent.add(cost);
        if (result instanceof Success success) {
            pacer.onAccepted(now);
            consecutiveRateLimits = 0;
            checkpoint(work, ItemStatus.SUCCEEDED, null, 200, success);
        } else if (result instanceof Failure failure) {
            onFailure(work, failure, now);
        }
    }

    /** A call that ended in an exception (a provider bug, or a cancel not made by us) is retried like an I/O error. */
    private static Failure asRetryable(String itemId, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return Failure.of(FailureKind.RETRYABLE, "The provider call was cancelled.", 0, Duration.ZERO);
        }
        LOG.error("provider call for item {} failed unexpectedly", itemId, cause);
        return Failure.of(FailureKind.RETRYABLE, "The provider failed unexpectedly: " + cause, 0, Duration.ZERO);
    }

    private void onFailure(Work work, Failure failure, long now) {
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                pacer.onRateLimited(now, work.dispatchedAt, failure.retryAfter().isPresent());
                work.attempts--; // a 429 does not use up the item's attempts
                work.rateLimitWaits++;
                consecutiveRateLimits++;
                holdUntil = Math.max(holdUntil, Backoff.later(now, backoff.holdAfter429(failure.retryAfter(), options.rpm() > 0, consecutiveRateLimits)));
                if (work.rateLimitWaits > options.maxRateLimitWaits()) {
                    checkpoint(work, ItemStatus.FAILED, "Rate limited " + work.rateLimitWaits + " times: "
                            + failure.message(), failure.httpStatus(), null);
                } else {
                    ready.addFirst(work);
                }
            }
            case RETRYABLE, UNREACHABLE -> {
                pacer.onAccepted(now);
                consecutiveRateLimits = 0;
                if (work.attempts < options.maxAttempts()) {
                    work.readyAt = Backoff.later(now, backoff.delay(work.attempts, failure.retryAfter()));
                    delayed.add(work);
                } else {
                    checkpoint(work, ItemStatus.FAILED, failure.message(), failure.httpStatus(), null);
                }
            }
            case PERMANENT -> {
                pacer.onAccepted(now);
                consecutiveRateLimits = 0;
                checkpoint(work, ItemStatus.FAILED, failure.message(), failure.httpStatus(), null);
            }
            case FATAL -> {
                if (state.fatalMessage == null) {
                    state.fatalMessage = failure.message();
                    LOG.warn("batch {} stopped: {}", batchId(), failure.message());
                }
                for (var it = inFlight.values().iterator(); it.hasNext(); ) {
                    if (it.next().call.cancel(true)) {
                        it.remove();
                    }
                }
            }
        }
    }

    // --- checkpoints -------------------------------------------------------------------------------------------

    private void checkpoint(Work work, ItemStatus status, String error, int httpStatus, Success success) {
        ItemResult r = new ItemResult(batchId(), cfg.ownerId(), state.record.vaultId(), work.id(), options.operation(), status,
                work.attempts, error, httpStatus == 0 ? null : httpStatus,
                Duration.ofNanos(loop.nanoTime() - work.dispatchedAt).toMillis(), work.usage, work.cost,
                work.startedAt, loop.now(), success);
        checkpoints.submit(work, r);
    }

    @Override
    public void committed(Work work, ItemResult r, CheckpointWriter.Committed committed) {
        state.count(r, work.item.tier(), committed, loop.nanoTime());
        publish();
        pump();
    }

    @Override
    public void failed(StoreException e) {
        if (e instanceof OwnershipLostException) {
            state.ownershipLost = e.getMessage();
        } else if (state.storeMessage == null) {
            state.storeMessage = e.getMessage();
        }
        maybeFinish();
    }

    // --- the end -----------------------------------------------------------------------------------------------

    private void maybeFinish() {
        if (finished || !started || !inFlight.isEmpty() || checkpoints.pending() > 0) {
            return;
        }
        boolean drained = ready.isEmpty() && delayed.isEmpty();
        if (!state.stopping() && !drained) {
            return;
        }
        finished = true;
        cancelTimers();
        BatchStatus status = state.finalStatus(drained);
        String message = state.finalMessage(status);
        long activeMs = Duration.ofNanos(loop.nanoTime() - state.startNanos).toMillis();
        Runnable end = () -> loop.execute(() -> {
            state.status = status;
            state.endMessage = message;
            BatchSnapshot last = snapshot();
            publisher.publish(last);
            completion.complete(last);
            loop.shutdown();
        });
        try {
            cfg.writer().execute(() -> {
                try {
                    cfg.store().setStatus(batchId(), cfg.ownerId(), status, message, loop.now(), activeMs);
                } catch (RuntimeException e) {
                    LOG.error("could not record the end of batch {}", batchId(), e);
                }
                end.run();
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("the engine was shut down before the end of batch {} was recorded", batchId());
            end.run();
        }
    }

    private void cancelTimers() {
        wake.cancel();
        recorder.stopHeartbeat();
    }

    private BatchSnapshot snapshot() {
        long now = loop.nanoTime();
        Duration hold = holdUntil == Long.MIN_VALUE || holdUntil <= now ? Duration.ZERO : Duration.ofNanos(holdUntil - now);
        return state.snapshot(now, inFlight.size(), hold);
    }

    private void publish() {
        publisher.publish(snapshot());
    }
}
