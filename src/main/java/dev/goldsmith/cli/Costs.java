package dev.goldsmith.cli;

import dev.goldsmith.ai.Pricing;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a cost in dollars can be told, and where its prices come from. Prices of 0 for a model that uses tokens mean
 * "not set", not "free" — the cost is then unknown (the window's "cost unknown: set prices in Settings"), unless a
 * preset lists that model at 0 (a model run on one's own computer).
 */
final class Costs {

    /** The window's words for a cost that cannot be told. */
    static final String UNKNOWN = "cost unknown: set prices in Settings";

    private Costs() {
    }

    /** Whether {@code p}'s prices tell a cost: some price set, or a preset listing its model as free. */
    static boolean known(ProviderSettings p) {
        return !isZero(p.pricing()) || listPrice(p).map(Costs::isZero).orElse(false);
    }

    /** The list price of {@code p}'s model, when a preset of its provider and base URL knows it. */
    static Optional<Pricing> listPrice(ProviderSettings p) {
        return ProviderPreset.matching(p).flatMap(preset -> preset.pricing(p.model()));
    }

    /** One sentence on where the estimate's cost comes from (or why it is unknown), for a person. */
    static String note(ProviderSettings p) {
        String who = p.kind().id() + (p.model() == null ? "" : " " + p.model());
        if (!known(p)) {
            return "Cost: unknown, no token prices are set for " + who + "; set prices in Settings.";
        }
        Pricing price = p.pricing();
        Optional<ProviderPreset> preset = ProviderPreset.matching(p);
        if (preset.isPresent() && listPrice(p).filter(list -> same(list, price)).isPresent()) {
            return isZero(price)
                    ? "Cost: none, " + preset.get().displayName() + " lists " + p.model() + " as free."
                    : String.format(Locale.ROOT, "Cost: at %s's list prices for %s as of %s (%s in, %s out per million"
                            + " tokens); check them on its pricing page.", preset.get().displayName(), p.model(),
                            ProviderPreset.PRICES_AS_OF, dollars(price.promptPerMillion()),
                            dollars(price.completionPerMillion()));
        }
        return "Cost: at the prices of the settings (" + dollars(price.promptPerMillion()) + " in, "
                + dollars(price.completionPerMillion()) + " out per million tokens).";
    }

    private static boolean isZero(Pricing p) {
        return p.promptPerMillion().signum() == 0 && p.completionPerMillion().signum() == 0;
    }

    private static boolean same(Pricing a, Pricing b) {
        return a.promptPerMillion().compareTo(b.promptPerMillion()) == 0
                && a.completionPerMillion().compareTo(b.completionPerMillion()) == 0;
    }

    /** "$0.15", "$0.60", "$0.075". */
    private static String dollars(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return "$" + plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }
}
