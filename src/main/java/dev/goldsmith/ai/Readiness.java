package dev.goldsmith.ai;

/**
 * Whether provider settings can run a batch before anything is sent: the rules engine always can; an
 * OpenAI-compatible endpoint needs a valid base URL and an API key, unless the server is on this computer.
 */
public enum Readiness {
    READY, NO_KEY, BAD_BASE_URL, UNKNOWN_PROVIDER;

    public static Readiness of(ProviderSettings provider, boolean hasKey) {
        if (ProviderSettings.RULES.equals(provider.provider())) {
            return READY;
        }
        if (!ProviderSettings.OPENAI.equals(provider.provider())) {
            return UNKNOWN_PROVIDER;
        }
        String host;
        try {
            host = BaseUrls.require(provider.baseUrl()).host();
        } catch (IllegalArgumentException e) {
            return BAD_BASE_URL;
        }
        return hasKey || BaseUrls.isLoopback(host) ? READY : NO_KEY;
    }
}
