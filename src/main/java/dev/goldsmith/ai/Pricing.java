package dev.goldsmith.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices in US dollars per million tokens; cost of a {@link Usage}. */
public record Pricing(BigDecimal promptPerMillion, BigDecimal completionPerMillion) {
    public static final Pricing FREE = new Pricing(BigDecimal.ZERO, BigDecimal.ZERO);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Pricing {
        if (promptPerMillion.signum() < 0 || completionPerMillion.signum() < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    public static Pricing perMillion(double prompt, double completion) {
        return new Pricing(BigDecimal.valueOf(prompt), BigDecimal.valueOf(completion));
    }

    public BigDecimal cost(Usage usage) {
        return promptPerMillion.multiply(BigDecimal.valueOf(usage.promptTokens()))
                .add(completionPerMillion.multiply(BigDecimal.valueOf(usage.completionTokens())))
                .divide(MILLION, 8, RoundingMode.HALF_UP);
    }
}
