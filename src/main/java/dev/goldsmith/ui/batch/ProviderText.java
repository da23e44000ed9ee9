package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ui.Messages;

/** How the window names a provider and its model: in the launch panel, the resume dialog and History. */
public final class ProviderText {

    private final Messages messages;

    public ProviderText(Messages messages) {
        this.messages = messages;
    }

    /** "Offline rules engine — not an AI model" or "OpenAI-compatible · gpt-4o-mini · https://api.openai.com/v1". */
    public String describe(ProviderSettings p) {
        if (isRules(p)) {
            return messages.get("launch.provider.rules");
        }
        return messages.get("launch.provider.remote", kind(p), p.model(), p.baseUrl());
    }

    /** "Offline rules engine" or "gpt-4o-mini": a History cell, a button. */
    public String shortName(ProviderSettings p) {
        return isRules(p) ? messages.get("provider.short.rules") : p.model();
    }

    /** "OpenAI-compatible", or the provider's own name when the window has no words for it. */
    public String kind(ProviderSettings p) {
        String key = "settings.provider." + p.provider();
        return messages.has(key) ? messages.get(key) : p.provider();
    }

    public static boolean isRules(ProviderSettings p) {
        return ProviderSettings.RULES.equals(p.provider());
    }

    /** Whether two settings send to the same provider, endpoint and model (the rest is not what people choose by). */
    public static boolean sameProvider(ProviderSettings a, ProviderSettings b) {
        return a.provider().equals(b.provider()) && (isRules(a)
                || java.util.Objects.equals(a.baseUrl(), b.baseUrl()) && java.util.Objects.equals(a.model(), b.model()));
    }
}
