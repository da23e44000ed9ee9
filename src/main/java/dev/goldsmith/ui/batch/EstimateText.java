package dev.goldsmith.ui.batch;

import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.Estimate;
import dev.goldsmith.ui.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Estimate} in a person's words, for the line under Start and the confirmation: items to send, tokens,
 * cost (or that it is unknown without prices), duration, and which of those figures are assumptions.
 */
final class EstimateText {

    private final Messages messages;

    EstimateText(Messages messages) {
        this.messages = messages;
    }

    /** "57 items to send (3 gold skipped) · ~45,600 tokens (…) · $0.02 · about 1:20. Assumed: completion tokens." */
    String line(Estimate e, boolean priced) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.get("launch.estimate.items", e.toSend())
                + (e.skipped() > 0 ? " " + messages.get("launch.estimate.skipped", e.skipped()) : ""));
        boolean counted = e.completionSource() != Estimate.Source.NONE;
        if (counted) {
            parts.add(messages.get("launch.estimate.tokens", e.promptTokens() + e.completionTokens(), e.promptTokens(),
                    e.completionTokens()));
            parts.add(priced ? cost(e.costUsd()) : messages.get("launch.estimate.costUnknown"));
        } else {
            parts.add(messages.get("launch.estimate.noTokens"));
        }
        parts.add(messages.get("launch.estimate.duration", Durations.clock(e.duration())));
        String line = String.join(" \u00b7 ", parts);
        List<String> assumed = new ArrayList<>();
        if (e.completionSource() == Estimate.Source.ASSUMED) {
            assumed.add(messages.get("launch.estimate.assumed.completion"));
        }
        if (e.latencySource() == Estimate.Source.ASSUMED && counted) { // the rules engine answers at once
            assumed.add(messages.get("launch.estimate.assumed.duration"));
        }
        return assumed.isEmpty() ? line : line + ". " + messages.get("launch.estimate.assumed", String.join(
                messages.get("launch.estimate.and"), assumed)) ;
    }

    private String cost(BigDecimal usd) {
        if (usd.signum() > 0 && usd.compareTo(new BigDecimal("0.01")) < 0) {
            return messages.get("launch.estimate.costTiny");
        }
        return messages.get("launch.estimate.cost", usd.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
}
