package dev.goldsmith.ai;

import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rules} provider: offline and deterministic, not an AI model. It does honest text work
 * ({@link TextRewriter}: weak openers to strong verbs, filler out, tidy punctuation) and finds keywords from the
 * bundled {@link SkillsLexicon}.
 *
 * <p>{@code enhance}: when the text really changed, the rewrite is returned one tier up (gold stays gold);
 * when nothing of substance changed, the content and tier come back unchanged — still a {@link Success},
 * since there was no error to retry, only nothing to improve. Keywords are the item's own, then the lexicon's
 * matches, at most 10. The confidence score is the item's own (a rule has no confidence to report).
 * {@code keyword_suggest}: the same keywords, content and tier {@code null}. Usage is always zero.
 *
 * <p>Work runs on one daemon thread, so a caller's completion callbacks never run inside {@code enhance}.
 * Cancelling a future is harmless: the result is dropped.
 */
public final class RulesEnhancer implements Enhancer {

    private static final Logger LOG = LoggerFactory.getLogger(RulesEnhancer.class);

    private final SkillsLexicon lexicon;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "goldsmith-rules");
        t.setDaemon(true);
        return t;
    });

    public RulesEnhancer() {
        this(SkillsLexicon.bundled());
    }

    RulesEnhancer(SkillsLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public String providerName() {
        return ProviderSettings.RULES;
    }

    @Override
    public String model() {
        return "offline rules (not an AI model)";
    }

    @Override
    public CompletableFuture<EnhanceResult> enhance(VaultItem item, Operation operation) {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(operation, "operation");
        return CompletableFuture.supplyAsync(() -> apply(item, operation), executor);
    }

    /** The result for one item, computed on the calling thread. */
    public Success apply(VaultItem item, Operation operation) {
        long started = System.nanoTime();
        Success result;
        if (operation == Operation.KEYWORD_SUGGEST) {
            result = success(null, null, keywords(item, item.content()), item, started);
        } else {
            TextRewriter.Rewrite rewrite = TextRewriter.rewrite(item.content(), item.type());
            QualityTier tier = rewrite.changed() ? item.tier().next() : item.tier();
            result = success(rewrite.text(), tier, keywords(item, rewrite.text()), item, started);
            LOG.debug("item {}: {}", item.id(), rewrite.changed() ? String.join("; ", rewrite.edits()) : "nothing to improve");
        }
        return result;
    }

    private List<String> keywords(VaultItem item, String text) {
        return Keywords.merge(item.keywords(), lexicon.find(text));
    }

    private Success success(String content, QualityTier tier, List<String> keywords, VaultItem item, long started) {
        return new Success(content, tier, keywords, item.confidenceScore(), providerName(), Usage.NONE,
                Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
