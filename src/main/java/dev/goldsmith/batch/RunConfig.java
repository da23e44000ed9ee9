package dev.goldsmith.batch;

import dev.goldsmith.ai.Enhancer;
import dev.goldsmith.ai.Pricing;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * What one run of a batch works with.
 *
 * @param writer     the single thread that runs {@code checkpoints}; results come back on {@code loop}
 * @param delivery   where listeners are called
 * @param random     0..1, for retry jitter
 * @param heartbeat  how often the owner's heartbeat is written
 * @param callDeadline how long a call may go without its provider saying anything — an answer, a failure, an
 *                   error — before the engine gives up on it (well past the provider's own timeout: a call that
 *                   outlives it was lost, say by a provider thread that died)
 */
record RunConfig(BatchOptions options, Enhancer enhancer, Pricing pricing, EngineLoop loop, Executor writer,
                 CheckpointWriter checkpoints, BatchStore store, Executor delivery, DoubleSupplier random,
                 String ownerId, Duration heartbeat, Duration callDeadline) {
}
