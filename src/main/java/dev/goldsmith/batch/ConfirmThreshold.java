package dev.goldsmith.batch;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Above what a new batch asks for confirmation before it starts (with its {@link Estimate}): more than {@code items}
 * items to send, or an estimated cost above {@code costUsd}. Saved in the settings ({@link BatchDefaults}).
 */
public record ConfirmThreshold(int items, BigDecimal costUsd) {

    public static final ConfirmThreshold DEFAULT = new ConfirmThreshold(500, BigDecimal.ONE);

    public ConfirmThreshold {
        Objects.requireNonNull(costUsd, "costUsd");
        if (items < 0) {
            throw new IllegalArgumentException("the confirmation threshold cannot be a negative number of items, not "
                    + items + ".");
        }
        if (costUsd.signum() < 0) {
            throw new IllegalArgumentException("the confirmation threshold cannot be a negative cost, not "
                    + costUsd.toPlainString() + ".");
        }
    }
}
