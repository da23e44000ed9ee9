package dev.goldsmith.ai;

/** Builds the {@link Enhancer} a {@link ProviderSettings} asks for: its {@link ProviderKind} does. */
public final class Enhancers {

    private Enhancers() {
    }

    /**
     * {@code rules} → {@link RulesEnhancer}; {@code openai}, {@code azure} → {@link OpenAiEnhancer};
     * {@code anthropic} → {@link AnthropicEnhancer}.
     *
     * @throws IllegalArgumentException for settings it cannot run with (a base URL that is
     *                                  invalid or plain http to a host that is not loopback, an empty model, a missing
     *                                  Azure deployment: one sentence, no key)
     */
    public static Enhancer create(ProviderSettings settings) {
        return settings.kind().create(settings);
    }
}
