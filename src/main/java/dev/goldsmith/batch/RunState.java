package dev.goldsmith.batch;

import dev.goldsmith.vault.QualityTier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/** The counters and outcome of a run, as committed; and how the run ends. Confined to the engine loop. */
final class RunState {

    static final int RECENT = 50;

    final BatchRecord record;
    final long startNanos;
    final ThroughputMeter meter;
    BatchStatus status;
    int processed;
    int succeeded;
    int failed;
    int skipped;
    int unchanged;
    long promptTokens;
    long completionTokens;
    BigDecimal cost;
    final ArrayDeque<ItemOutcome> recent = new ArrayDeque<>();

    boolean cancelRequested;
    String fatalMessage;
    String storeMessage;
    String budgetMessage;
    String ownershipLost;
    /** An {@link Error} or a bug ended the run. */
    String crashMessage;
    String endMessage;

    RunState(BatchRecord record, long startNanos) {
        this.record = record;
        this.startNanos = startNanos;
        this.meter = new ThroughputMeter(startNanos);
        this.status = record.status();
        this.processed = record.processedItems();
        this.succeeded = record.successfulItems();
        this.failed = record.failedItems();
        this.skipped = record.skippedItems();
        this.unchanged = record.unchangedItems();
        this.promptTokens = record.promptTokens();
        this.completionTokens = record.completionTokens();
        this.cost = record.costUsd();
    }

    void stopForBudget(BigDecimal budget, BigDecimal spent) {
        budgetMessage = "Stopped: the budget of $" + budget.toPlainString() + " was reached ($"
                + spent.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString() + " spent).";
    }

    boolean stopping() {
        return cancelRequested || fatalMessage != null || storeMessage != null || budgetMessage != null
                || ownershipLost != null || crashMessage != null;
    }

    /** Counts a committed result; {@code committed} tells what an answer came to (written, unchanged or stale). */
    void count(ItemResult r, QualityTier oldTier, CheckpointWriter.Committed committed, long now) {
        ItemStatus status = committed != null ? committed.status() : r.status();
        String error = committed != null && committed.error() != null ? committed.error() : r.error();
        processed++;
        switch (status) {
            case SUCCEEDED -> succeeded++;
            case UNCHANGED -> {
                succeeded++;
                unchanged++;
            }
            case SKIPPED -> skipped++;
            case FAILED, PENDING -> failed++;
        }
        promptTokens += r.usage().promptTokens();
        completionTokens += r.usage().completionTokens();
        cost = cost.add(r.cost());
        if (status != ItemStatus.SKIPPED) {
            meter.record(now);
        }
        recent.addFirst(new ItemOutcome(r.itemId(), status, r.attempts(), error, r.httpStatus(),
                committed != null ? committed.oldTier() : oldTier, committed != null ? committed.newTier() : null,
                r.latencyMs(), r.finishedAt()));
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
    }

    /** How the run ends; {@code drained} when no item is left to send. */
    BatchStatus finalStatus(boolean drained) {
        if (ownershipLost != null) {
            return BatchStatus.INTERRUPTED; // as this process saw it: the batch goes on in the other one
        }
        if (storeMessage != null || fatalMessage != null || crashMessage != null) {
            return BatchStatus.FAILED;
        }
        if (drained && processed == record.totalItems()) {
            return BatchStatus.COMPLETED;
        }
        return BatchStatus.CANCELLED;
    }

    String finalMessage(BatchStatus end) {
        if (ownershipLost != null) {
            return ownershipLost;
        }
        if (crashMessage != null) {
            return crashMessage;
        }
        if (storeMessage != null) {
            return storeMessage;
        }
        if (fatalMessage != null) {
            return fatalMessage;
        }
        if (end == BatchStatus.CANCELLED && !cancelRequested && budgetMessage != null) {
            return budgetMessage;
        }
        return null;
    }

    /**
     * @param waitingRetries items waiting for their next attempt after a failed one
     * @param nextRetryIn    when the first of them goes
     * @param lastError      the latest failed attempt's message, or {@code null}
     */
    BatchSnapshot snapshot(long now, int inFlight, Duration holdRemaining, int waitingRetries,
                           Optional<Duration> nextRetryIn, String lastError) {
        int remaining = record.totalItems() - processed;
        return new BatchSnapshot(record.id(), record.vaultId(), record.operation(), status, record.totalItems(),
                processed, succeeded, failed, skipped, unchanged, inFlight, waitingRetries, nextRetryIn,
                meter.perMinute(now), meter.eta(now, remaining),
                Duration.ofMillis(record.activeMs()).plusNanos(now - startNanos), promptTokens, completionTokens, cost,
                List.copyOf(recent), endMessage != null ? endMessage : firstMessage(), holdRemaining, lastError,
                Pacing.NONE);
    }

    private String firstMessage() {
        return ownershipLost != null ? ownershipLost : crashMessage != null ? crashMessage
                : fatalMessage != null ? fatalMessage : storeMessage != null ? storeMessage : budgetMessage;
    }
}
