package dev.goldsmith.ai;

import dev.goldsmith.vault.QualityTier;
import java.util.List;

/**
 * A model's answer after validation.
 *
 * @param content    the rewritten content ({@code enhance}); {@code null} for {@code keyword_suggest}
 * @param newTier    the tier the answer claims ({@code enhance}); {@code null} for {@code keyword_suggest}
 * @param keywords   the answer's keywords: trimmed, distinct ignoring case, 1–60 characters, at most 10
 * @param confidence the model's own 0..1 confidence when it gave a valid one, else {@code null}
 */
public record ModelAnswer(String content, QualityTier newTier, List<String> keywords, Double confidence) {
    public ModelAnswer {
        keywords = List.copyOf(keywords);
    }
}
