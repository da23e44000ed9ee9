/**
 * The batch engine: a bounded sliding window per batch on one loop thread, retry and rate-limit policies, one
 * checkpoint transaction per item through a single writer, progress snapshots, resume. May import {@code vault},
 * {@code ai} and {@code store}; never {@code cli}, the UI or JavaFX.
 */
package dev.goldsmith.batch;
