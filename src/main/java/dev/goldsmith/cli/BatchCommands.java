package dev.goldsmith.cli;

import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.batch.BatchHandle;
import dev.goldsmith.batch.BatchRecord;
import dev.goldsmith.batch.BatchRequestException;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.BatchSnapshot;
import dev.goldsmith.batch.BatchStatus;
import dev.goldsmith.batch.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** What the batch commands share: the options given, running a batch to its end with a live line, and the exit code. */
final class BatchCommands {

    private BatchCommands() {
    }

    /**
     * The options given, applied to the settings a batch starts from; warns when {@code --max-cost} cannot stop the
     * batch because its prices are 0 (the key is added by {@code BatchLauncher}, never from an argument).
     */
    static UnaryOperator<BatchSettings> options(RootCommand root, EngineOptions engine) {
        return base -> {
            BatchSettings settings = engine.applyTo(base);
            ProviderSettings p = settings.provider();
            if (settings.options().maxCostUsd() != null && p.pricing().promptPerMillion().signum() == 0
                    && p.pricing().completionPerMillion().signum() == 0) {
                root.err().println("goldsmith: warning: --max-cost cannot stop this batch: the token prices are 0;"
                        + " set them in the settings screen.");
            }
            return settings;
        };
    }

    /** Starts a batch, mapping refusals to exit code 2. */
    static BatchHandle start(Supplier<BatchHandle> start) {
        try {
            return start.get();
        } catch (BatchRequestException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Waits for the batch, drawing the live line; Ctrl+C cancels it cleanly. Prints the result; returns the exit code. */
    static int runToEnd(RootCommand root, BatchHandle handle, boolean json) {
        PrintWriter err = root.err();
        err.println("Batch " + handle.batchId() + " started.");
        ProgressLine line = new ProgressLine(err, System::nanoTime, Duration.ofMillis(200));
        Runnable unsubscribe = handle.subscribe(line::accept);
        CountDownLatch reported = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(Cli.FAILED);
        Thread onCtrlC = new Thread(() -> {
            handle.cancel(); // calls in flight are aborted; their items stay pending
            try {
                reported.await(30, TimeUnit.SECONDS); // the main thread prints the batch's end first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println("Cancelled. Resume with: goldsmith resume " + handle.batchId());
            err.flush();
            Runtime.getRuntime().halt(exitCode.get()); // §6: a cancelled batch exits 1, not the signal's 130
        }, "goldsmith-ctrl-c");
        boolean hooked = addHook(onCtrlC);
        BatchSnapshot end = handle.completion().join();
        line.accept(end);
        unsubscribe.run();
        BatchRecord record = root.batches().find(handle.batchId()).orElseThrow();
        if (json) {
            CliJson.print(root.out(), BatchJson.status(record));
        } else {
            root.out().println(summary(record, end));
        }
        if (end.errorMessage() != null && end.status() != BatchStatus.COMPLETED) {
            err.println("goldsmith: " + TerminalText.visible(end.errorMessage()));
        }
        root.out().flush();
        exitCode.set(exitCode(record.status()));
        reported.countDown();
        if (hooked) {
            removeHook(onCtrlC);
        }
        return exitCode(record.status());
    }

    static int exitCode(BatchStatus status) {
        return status == BatchStatus.COMPLETED ? Cli.OK : Cli.FAILED;
    }

    /**
     * The last line: {@code Batch ID completed: ✓ 15 enhanced, = 38 unchanged, ✗ 0 failed, ↷ 7 skipped of 60 in …}.
     * "Enhanced" counts only items that changed; an answer identical to its item is counted as unchanged. In review mode
     * the changes are "proposed": nothing was written until they are accepted.
     */
    static String summary(BatchRecord b, BatchSnapshot s) {
        BatchSettings settings = BatchSettings.fromMetadata(b.metadata());
        boolean review = settings.options().review();
        String text = String.format(Locale.ROOT,
                "Batch %s %s: ✓ %d %s, = %d unchanged, ✗ %d failed, ↷ %d skipped of %d in %s (%.1f/min).",
                b.id(), b.status().wireName(), b.successfulItems() - b.unchangedItems(),
                review ? "proposed" : b.operation().rewritesContent() ? "enhanced" : "with keywords",
                b.unchangedItems(),
                b.failedItems(), b.skippedItems(), b.totalItems(), Durations.clock(s.elapsed()), s.itemsPerMinute());
        if (b.promptTokens() + b.completionTokens() > 0) {
            // nothing spent at prices of 0 is prices not set, not a free model (as the window says it)
            boolean known = b.costUsd() != null && b.costUsd().signum() > 0 || Costs.known(settings.provider());
            text += String.format(Locale.ROOT, " Tokens: %d in, %d out; %s.", b.promptTokens(), b.completionTokens(),
                    known ? String.format(Locale.ROOT, "cost $%.4f", b.costUsd()) : Costs.UNKNOWN);
        }
        if (review && b.successfulItems() > b.unchangedItems()) {
            text += " Nothing was written yet; review the proposals with: goldsmith review list --batch " + b.id();
        }
        if (b.canResume()) {
            text += " Resume with: goldsmith resume " + b.id();
        } else if (b.failedItems() > 0) {
            text += " Retry the failed ones with: goldsmith retry-failed " + b.id();
        }
        return text;
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
