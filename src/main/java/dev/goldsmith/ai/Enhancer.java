package dev.goldsmith.ai;

import dev.goldsmith.vault.VaultItem;
import java.util.concurrent.CompletableFuture;

/**
 * The port the batch engine calls to improve one item.
 *
 * <p>{@link #enhance} never blocks the caller: it returns a future that completes <em>normally</em> with an
 * {@link EnhanceResult} — a success or a classified failure — and exceptionally only on a programming error.
 * Cancelling the returned future aborts the underlying call at once (an HTTP call is cancelled).
 * Implementations are thread-safe.
 */
public interface Enhancer extends AutoCloseable {

    /** The provider's {@link ProviderKind#id()} ("rules", "openai", "azure", "anthropic"): recorded with every outcome and batch. */
    String providerName();

    /** The model name, or a short description for providers without one. */
    String model();

    CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation);

    /**
     * The tokens a provider's token limit will count for this item's request when it arrives: its prompt tokens plus
     * its {@code max_tokens}, estimated before sending (a tokenizer where the model's is known, else about four
     * characters a token). 0 for providers without token limits, such as the offline rules engine.
     */
    default long estimateTokens(VaultItem item, Operation operation) {
        return 0;
    }

    /** Whether its answers come over HTTP, so an answer has a status code to record (not the offline engine). */
    default boolean answersOverHttp() {
        return true;
    }

    /** Releases connection pools and threads. */
    @Override
    default void close() {
    }
}
