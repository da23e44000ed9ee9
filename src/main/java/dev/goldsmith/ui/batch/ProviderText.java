package dev.goldsmith.ui.batch;

import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.ai.ProviderPreset;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.ui.Messages;
import java.util.Objects;

/** How the window names a provider and its model: in the launch panel, the resume dialog and History. */
public final class ProviderText {

    private final Messages messages;

    public ProviderText(Messages messages) {
        this.messages = messages;
    }

    /**
     * "Offline rules engine — not an AI model", "Groq · llama-3.3-70b-versatile · https://api.groq.com/openai/v1"
     * (the preset's name where the settings point at one, else "OpenAI-compatible"), or "Azure OpenAI · deployment
     * prod-4o · https://NAME.openai.azure.com".
     */
    public String describe(ProviderSettings p) {
        return switch (p.kind()) {
            case RULES -> messages.get("launch.provider.rules");
            case OPENAI, ANTHROPIC -> messages.get("launch.provider.remote", service(p), p.model(), p.baseUrl());
            case AZURE -> messages.get("launch.provider.azure", service(p), p.deployment(), p.baseUrl());
        };
    }

    /** The service's name: its preset's ("Groq", "OpenAI"), else the kind's ("OpenAI-compatible"). */
    private String service(ProviderSettings p) {
        return ProviderPreset.matching(p).map(ProviderPreset::displayName).orElseGet(() -> kind(p.kind()));
    }

    /** "Offline rules" or "gpt-4o-mini" (for Azure without a model, the deployment): a History cell, a button. */
    public String shortName(ProviderSettings p) {
        if (isRules(p)) {
            return messages.get("provider.short.rules");
        }
        return p.model() != null ? p.model() : Objects.requireNonNullElse(p.deployment(), "");
    }

    /** "OpenAI-compatible", "Azure OpenAI", "Anthropic", "Offline rules (no AI)". */
    public String kind(ProviderKind kind) {
        return messages.get("settings.provider." + kind.id());
    }

    public static boolean isRules(ProviderSettings p) {
        return !p.kind().isRemote();
    }

    /** Whether two settings send to the same provider, endpoint and model (the rest is not what people choose by). */
    public static boolean sameProvider(ProviderSettings a, ProviderSettings b) {
        return a.kind() == b.kind() && (isRules(a) || Objects.equals(a.baseUrl(), b.baseUrl())
                && Objects.equals(a.model(), b.model()) && Objects.equals(a.deployment(), b.deployment()));
    }
}
