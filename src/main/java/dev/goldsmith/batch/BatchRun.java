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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>A run never hangs: an {@link Error} or a bug on the loop, the writer, the delivery thread or in a provider's
 * answer ends it (failed, its unsent items pending), and a call its provider never answers is given up on after
 * {@link RunConfig#callDeadline()}. What each failed attempt leads to — a retry, a failed item, or the run stopping by
 * itself, resumable — is the {@link FailurePolicy}'s decision.
 */
final class BatchRun implements BatchHandle, CheckpointQueue.Outcome {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

    /** How often a snapshot is published while retries or a 429 hold wait, so the countdown moves. */
    static final Duration WAITING_TICK = Duration.ofSeconds(1);

    private final RunConfig cfg;
    private final BatchOptions options;
    private final EngineLoop loop;
    private final RunState state;
    private final FailurePolicy failures;
    private final Pacer pacer;
    private final LearnedLimitWriter learnedLimits;
    private final SnapshotPublisher publisher;
    private final CompletableFuture<BatchSnapshot> completion = new CompletableFuture<>();

    private final ArrayDeque<Work> ready = new ArrayDeque<>();
    private final PriorityQueue<Work> delayed = new PriorityQueue<>(Comparator.comparingLong(w -> w.readyAt));
    private final Map<String, Work> inFlight = new LinkedHashMap<>();
    /** Items whose call was aborted (cancel, stop, crash): they stay pending, the attempt made is kept. */
    private final List<Work> aborted = new ArrayList<>();
    private final CheckpointQueue checkpoints;
    private BigDecimal spent;
    private final WakeTimer wake;
    private final RunRecorder recorder;
    private boolean started;
    private boolean finished;
    private String lastError;
    private EngineLoop.Cancellable ticker;

    BatchRun(RunConfig cfg, BatchRecord record, List<VaultItem> pending) {
        this.cfg = cfg;
        this.options = cfg.options();
        this.loop = cfg.loop();
        this.state = new RunState(record, loop.nanoTime());
        this.failures = new FailurePolicy(options, new Backoff(options.baseDelay(), options.maxDelay(), cfg.random()));
        LearnedLimits learned = BatchSettings.learnedLimits(record.metadata());
        this.pacer = new Pacer(options, learned, item -> cfg.enhancer().estimateTokens(item, options.operation()),
                BatchSettings.maxTokens(record.metadata()));
        this.learnedLimits = new LearnedLimitWriter(cfg, record.id(), pacer::learned, learned);
        this.publisher = new SnapshotPublisher(cfg.delivery(), this::crashFromAnyThread);
        this.spent = record.costUsd();
        this.wake = new WakeTimer(loop, guarded(this::pump));
        this.recorder = new RunRecorder(cfg, record.id(), this::crashFromAnyThread);
        this.checkpoints = new CheckpointQueue(cfg, this);
        pending.forEach(item -> ready.addLast(new Work(item)));
        publisher.publish(snapshot());
    }

    /** Starts dispatching; the batch must already be claimed as processing by this owner. */
    void start() {
        onLoop(() -> {
            if (finished) {
                return;
            }
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
        if (!options.operation().skipsGold()) {
            return;
        }
        for (var it = ready.iterator(); it.hasNext(); ) {
            Work w = it.next();
            if (options.operation().skips(w.item)) {
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
        onLoop(() -> {
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
        onLoop(() -> {
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
        onLoop(() -> {
            if (finished || !state.stop(StopReason.cancelled())) {
                return;
            }
            abortInFlight();
            publish();
            maybeFinish();
        });
    }

    /** Aborts the calls in flight that can be: their items stay pending. */
    private void abortInFlight() {
        for (var it = inFlight.values().iterator(); it.hasNext(); ) {
            Work w = it.next();
            if (w.call.cancel(true)) {
                w.stopWatchdog();
                it.remove(); // aborted: the item stays pending
                aborted.add(w);
            }
        }
    }

    // --- the loop's safety net ---------------------------------------------------------------------------------

    private void onLoop(Runnable task) {
        loop.execute(guarded(task));
    }

    /** A loop task that cannot leave the run hanging: whatever it throws ends the run. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                crash(e);
            }
        };
    }

    /** From the writer, the delivery thread or a provider's thread: ends the run on the loop. */
    private void crashFromAnyThread(Throwable error) {
        loop.execute(() -> crash(error));
    }

    @Override
    public void crashed(Throwable error) {
        crash(error);
    }

    /**
     * Ends the run after an {@link Error} or a bug: calls in flight are aborted and forgotten (a late answer is
     * ignored), nothing more is sent, and once the writes already handed to the writer are done (the writer always
     * reports back) the batch is recorded failed with its unsent items pending — resumable.
     */
    private void crash(Throwable error) {
        LOG.error("batch {} stopped by an internal error", batchId(), error);
        if (finished) {
            return;
        }
        state.stop(StopReason.internalError(error));
        try {
            abortInFlight();
        } catch (RuntimeException | Error e) {
            error.addSuppressed(e);
        }
        inFlight.values().forEach(Work::stopWatchdog);
        aborted.addAll(inFlight.values());
        inFlight.clear();
        started = true; // even before the start task ran: the end must be recorded
        maybeFinish();
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
            if (now < failures.holdUntil()) {
                wake.wakeAt(failures.holdUntil());
                break;
            }
            long next = pacer.nextAllowedNanos(now, ready.peekFirst().item);
            if (next > now) {
                wake.wakeAt(next);
                break;
            }
            if (options.maxCostUsd() != null && spent.compareTo(options.maxCostUsd()) >= 0) {
                state.stop(StopReason.budget(options.maxCostUsd(), spent));
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
        pacer.onDispatch(now, work.item);
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
        work.watchdog = loop.schedule(cfg.callDeadline(), guarded(() -> onLostCall(work, sent)));
        call.whenComplete((result, error) -> {
            try {
                onLoop(() -> onAnswer(work, sent, result, error));
            } catch (RuntimeException | Error e) {
                crashFromAnyThread(e); // the answer could not even be handed over: do not wait for it forever
            }
        });
        publish();
    }

    /** The provider said nothing for far longer than its timeout allows: the call was lost; try it again. */
    private void onLostCall(Work work, CompletableFuture<EnhanceResult> call) {
        if (inFlight.get(work.id()) != work || work.call != call) {
            return;
        }
        LOG.warn("batch {}: the call for item {} got no answer within {} s; it is abandoned", batchId(), work.id(),
                cfg.callDeadline().toSeconds());
        call.cancel(true);
        onAnswer(work, call, Failure.of(FailureKind.RETRYABLE, "The provider gave no answer within "
                + Durations.clock(cfg.callDeadline()) + " (the call was lost).", 0, cfg.callDeadline()), null);
    }

    // --- answers -----------------------------------------------------------------------------------------------

    private void onAnswer(Work work, CompletableFuture<EnhanceResult> call, EnhanceResult result, Throwable error) {
        if (inFlight.get(work.id()) != work || work.call != call) {
            return; // aborted by cancel: the item stays pending
        }
        inFlight.remove(work.id());
        work.stopWatchdog();
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof Error fatal) {
            crash(fatal); // the provider ran out of memory (or worse) answering: end the batch, resumable
            return;
        }
        handleAnswer(work, result, error);
        pump();
        publish();
    }

    private void handleAnswer(Work work, EnhanceResult result, Throwable error) {
        long now = loop.nanoTime();
        if (error != null) {
            result = asRetryable(work.id(), error);
        }
        pacer.onAnswer(now, work.item, result);
        learnedLimits.maybeWrite(now);
        work.usage = work.usage.plus(result.usage());
        BigDecimal cost = cfg.pricing().cost(result.usage());
        work.cost = work.cost.add(cost);
        spent = spent.add(cost);
        if (result instanceof Failure failure) {
            lastError = failure.message();
            LOG.debug("batch {}: item {} attempt {} failed ({}): {}", batchId(), work.id(), work.attempts,
                    failure.kind(), failure.message());
            act(work, failures.onFailure(work, failure, now), failure);
        } else if (result instanceof Success success) {
            failures.onSuccess();
            checkpoint(work, ItemStatus.SUCCEEDED, null, cfg.enhancer().answersOverHttp() ? 200 : 0, success);
        }
    }

    /** Carries out what the failure policy decided for the item. */
    private void act(Work work, FailurePolicy.Decision d, Failure failure) {
        switch (d.action()) {
            case PUT_BACK -> ready.addFirst(work);
            case RETRY_LATER -> {
                work.readyAt = d.readyAt();
                delayed.add(work);
            }
            case FAIL -> checkpoint(work, ItemStatus.FAILED, d.error(), failure.httpStatus(), null);
            case STOP_RUN -> {
                ready.addFirst(work); // not failed: it stays pending, like the items not sent yet
                stop(d.stop());
            }
            case STOP_FATAL -> stop(d.stop());
        }
    }

    /** Stops the run as failed for {@code reason}: nothing more is sent, calls in flight are aborted. */
    private void stop(StopReason reason) {
        if (state.stop(reason)) {
            LOG.warn("batch {} stopped: {}", batchId(), reason.message());
        }
        abortInFlight();
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

    // --- checkpoints -------------------------------------------------------------------------------------------

    private void checkpoint(Work work, ItemStatus status, String error, int httpStatus, Success success) {
        ItemResult r = new ItemResult(batchId(), cfg.ownerId(), state.record.vaultId(), work.item, options.operation(), status,
                work.attempts, error, httpStatus == 0 ? null : httpStatus,
                Duration.ofNanos(loop.nanoTime() - work.dispatchedAt).toMillis(), work.usage, work.cost,
                work.startedAt, loop.now(), success);
        checkpoints.submit(work, r);
    }

    @Override
    public void committed(Work work, ItemResult r, CheckpointWriter.Committed committed) {
        guarded(() -> {
            if (finished) {
                return; // a write that was under way when the run ended: committed, but the run is over
            }
            state.count(r, work.item.tier(), committed, loop.nanoTime());
            publish();
            pump();
        }).run();
    }

    @Override
    public void failed(StoreException e) {
        guarded(() -> {
            if (finished) {
                return;
            }
            state.stop(e instanceof OwnershipLostException ? StopReason.ownershipLost(e.getMessage())
                    : StopReason.storeFailure(e.getMessage()));
            maybeFinish();
        }).run();
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
        finish(drained);
    }

    /**
     * Ends the run: records its end through the writer (after every write already queued there) and completes it.
     * The run completes even when recording fails or throws, so no caller is ever left waiting.
     */
    private void finish(boolean drained) {
        finished = true;
        cancelTimers();
        BatchStatus status = state.finalStatus(drained);
        String message = state.finalMessage(status);
        long activeMs = Duration.ofNanos(loop.nanoTime() - state.startNanos).toMillis();
        learnedLimits.flush(loop.nanoTime());
        Map<String, Integer> leftPending = attemptsLeftPending();
        Runnable end = () -> loop.execute(() -> {
            state.status = status; // the snapshot's message is now the one recorded: finalMessage(status)
            BatchSnapshot last = snapshot();
            publisher.publish(last);
            completion.complete(last);
            loop.shutdown();
        });
        try {
            cfg.writer().execute(() -> {
                try {
                    cfg.store().recordPendingAttempts(batchId(), cfg.ownerId(), leftPending);
                } catch (RuntimeException e) {
                    LOG.warn("could not keep the attempts of the items batch {} leaves pending", batchId(), e);
                }
                try {
                    cfg.store().setStatus(batchId(), cfg.ownerId(), status, message, loop.now(), activeMs);
                } catch (RuntimeException | Error e) {
                    LOG.error("could not record the end of batch {}", batchId(), e);
                } finally {
                    end.run();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("the engine was shut down before the end of batch {} was recorded", batchId());
            end.run();
        }
    }

    /** The attempts made on the items this run leaves pending (aborted, waiting to retry, put back after a 429). */
    private Map<String, Integer> attemptsLeftPending() {
        Map<String, Integer> attempts = new LinkedHashMap<>();
        java.util.stream.Stream.of(aborted, delayed, ready).flatMap(java.util.Collection::stream)
                .filter(w -> w.attempts > 0)
                .forEach(w -> attempts.put(w.id(), w.attempts));
        return attempts;
    }

    private void cancelTimers() {
        wake.cancel();
        recorder.stopHeartbeat();
        if (ticker != null) {
            ticker.cancel();
            ticker = null;
        }
        inFlight.values().forEach(Work::stopWatchdog);
    }

    private BatchSnapshot snapshot() {
        long now = loop.nanoTime();
        long holdUntil = failures.holdUntil();
        Duration hold = holdUntil == Long.MIN_VALUE || holdUntil <= now ? Duration.ZERO : Duration.ofNanos(holdUntil - now);
        boolean waiting = !finished && !delayed.isEmpty();
        Optional<Duration> nextRetry = waiting
                ? Optional.of(Duration.ofNanos(Math.max(0, delayed.peek().readyAt - now))) : Optional.empty();
        return state.snapshot(now, inFlight.size(), hold, waiting ? delayed.size() : 0, nextRetry, lastError)
                .withPacing(pacer.pacing(now));
    }

    private void publish() {
        if (finished) {
            return; // the end's own snapshot is the last one
        }
        publisher.publish(snapshot());
        tickWhileWaiting();
    }

    /** While retries or a 429 hold wait, a snapshot a second keeps the countdown moving for whoever watches. */
    private void tickWhileWaiting() {
        if (finished || ticker != null || (delayed.isEmpty() && failures.holdUntil() <= loop.nanoTime())) {
            return;
        }
        ticker = loop.schedule(WAITING_TICK, guarded(() -> {
            ticker = null;
            if (!finished) {
                publish();
            }
        }));
    }
}
