package dev.goldsmith.ai;

import java.util.Locale;

/** Builds the {@link Enhancer} a {@link ProviderSettings} asks for. */
public final class Enhancers {

    private Enhancers() {
    }

    /**
     * {@code rules} → {@link RulesEnhancer}; {@code openai} → {@link OpenAiEnhancer}.
     *
     * @throws IllegalArgumentException for an unknown provider, or an {@code openai} base URL that is invalid or
     *                                  plain http to a host that is not loopback (one sentence, no key)
     */
    public static Enhancer create(ProviderSettings settings) {
        String provider = settings.provider().strip().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case ProviderSettings.RULES -> new RulesEnhancer();
            case ProviderSettings.OPENAI -> new OpenAiEnhancer(settings);
            default -> throw new IllegalArgumentException("The provider '" + settings.provider()
                    + "' is not one of rules, openai.");
        };
    }
}
