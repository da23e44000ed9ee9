package dev.goldsmith.ai;

import java.util.Optional;

/**
 * Whether provider settings can run a batch before anything is sent: the rules engine always can; an HTTP provider
 * needs a valid base URL (Azure has no default one), Azure a deployment, and an API key unless the server is on this
 * computer.
 */
public enum Readiness {
    READY, NO_KEY, BAD_BASE_URL,
    /** Azure OpenAI without a deployment name: nothing to call. */
    NO_DEPLOYMENT;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static Readiness of(ProviderSettings provider, boolean hasKey) {
        ProviderKind kind = provider.kind();
        return switch (kind) {
            case RULES -> READY;
            case OPENAI, AZURE, ANTHROPIC -> {
                Optional<String> host = host(provider, kind);
                if (host.isEmpty()) {
                    yield BAD_BASE_URL;
                }
                if (kind.usesDeployment() && provider.deployment() == null) {
                    yield NO_DEPLOYMENT;
                }
                yield hasKey || BaseUrls.isLoopback(host.get()) ? READY : NO_KEY;
            }
        };
    }

    /**
     * Why these settings cannot run a batch, in one sentence naming the culprit — everything {@link #of} checks, and
     * also what only building the provider would find (an Azure deployment that is missing, an empty model); empty
     * when they can.
     */
    public static Optional<String> problem(ProviderSettings provider, boolean hasKey) {
        ProviderKind kind = provider.kind();
        if (!kind.isRemote()) {
            return Optional.empty();
        }
        Wire wire;
        try {
            wire = kind.wire(provider, JSON);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (!hasKey && !BaseUrls.isLoopback(wire.endpoint().host())) {
            return Optional.of("No API key is set for " + wire.endpoint().host() + ": set "
                    + String.join(" or ", ApiKeys.variables(provider)) + ", or save one in the settings.");
        }
        return Optional.empty();
    }

    private static Optional<String> host(ProviderSettings provider, ProviderKind kind) {
        String url = provider.baseUrl() == null || provider.baseUrl().isBlank()
                ? kind.defaultBaseUrl().orElse(null) : provider.baseUrl();
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BaseUrls.require(url).host());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
