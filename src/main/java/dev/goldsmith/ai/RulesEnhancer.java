package dev.goldsmith.ai;

import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code rules} provider: offline and deterministic, not an AI model. It does honest text work
 * ({@link TextRewriter}: weak openers and passive voice to action verbs, skills and competencies phrased as
 * capabilities, filler out and wording tightened, a change between two numbers also stated as its percentage,
 * résumé style) and finds keywords from the bundled {@link SkillsLexicon}. It never adds a fact or a number the
 * text does not give, and a second pass over its own output changes nothing.
 *
 * <p>{@code enhance}: the rewrite, one tier up when it is stronger (see {@link #tier}); when nothing of substance
 * changed, the content and tier come back as they were — still a {@link Success}, since there was no error to
 * retry, only nothing to improve (the engine records it as {@code unchanged}). Keywords are the item's own, then
 * the lexicon's matches, at most 10. The confidence score is the item's own (a rule has no confidence to report).
 * {@code keyword_suggest}: the same keywords, content and tier {@code null}. Usage is always zero.
 *
 * <p>Work runs on one daemon thread, so a caller's completion callbacks never run inside {@code enhance}.
 * Cancelling a future is harmless: the result is dropped.
 */
public final class RulesEnhancer implements Enhancer {

    private static final Logger LOG = LoggerFactory.getLogger(RulesEnhancer.class);

    private static final Pattern MEASURED = Pattern.compile("\\d");

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
        return ProviderKind.RULES.id();
    }

    @Override
    public boolean answersOverHttp() {
        return false;
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
        return switch (operation) {
            case KEYWORD_SUGGEST -> success(null, null, keywords(item, item.content()), item, started);
            case ENHANCE -> {
                TextRewriter.Rewrite rewrite = TextRewriter.rewrite(item.content(), item.type());
                if (LOG.isDebugEnabled()) {
                    LOG.debug("item {}: {}", item.id(), rewrite.changed() ? String.join("; ", rewrite.descriptions())
                            : "nothing to improve");
                }
                yield success(rewrite.text(), tier(item.tier(), rewrite), keywords(item, rewrite.text()), item, started);
            }
        };
    }

    /**
     * One tier up only for a stronger text (a weak opener replaced, a capability phrasing, a result stated), never
     * for tightening or style alone; gold only when the text states a measured result (a number), as gold items do.
     * Never lower than the item's own tier.
     */
    static QualityTier tier(QualityTier current, TextRewriter.Rewrite rewrite) {
        if (!rewrite.stronger()) {
            return current;
        }
        QualityTier next = current.next();
        if (next == QualityTier.GOLD && current != QualityTier.GOLD && !MEASURED.matcher(rewrite.text()).find()) {
            return current;
        }
        return next;
    }

    /**
     * The item's own keywords, then the lexicon's matches in the rewrite and in the original text (a rewrite may
     * drop the word a skill was named by), without near-duplicates of what is there ("OKR" beside "OKRs").
     */
    private List<String> keywords(VaultItem item, String text) {
        Set<String> seen = new HashSet<>();
        for (String k : item.keywords()) {
            seen.add(SkillsLexicon.key(k));
        }
        List<String> found = new ArrayList<>();
        for (String k : lexicon.find(text)) {
            if (seen.add(SkillsLexicon.key(k))) {
                found.add(k);
            }
        }
        if (!text.equals(item.content())) {
            for (String k : lexicon.find(item.content())) {
                if (seen.add(SkillsLexicon.key(k))) {
                    found.add(k);
                }
            }
        }
        return Keywords.merge(item.keywords(), found);
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
