package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    private static ProviderSettings openai(String url) {
        return new ProviderSettings(ProviderKind.OPENAI, url, "m", null, 0.7, 500, Duration.ofSeconds(5), 1, null);
    }

    @Test
    void rulesIsAlwaysReadyAndARemoteEndpointNeedsAKeyButALocalOneDoesNot() {
        assertThat(Readiness.of(ProviderSettings.rules(), false)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(openai("https://api.openai.com/v1"), false)).isEqualTo(Readiness.NO_KEY);
        assertThat(Readiness.of(openai("https://api.openai.com/v1"), true)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(openai("http://localhost:11434/v1"), false)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(openai("http://example.com/v1"), true)).isEqualTo(Readiness.BAD_BASE_URL);
        assertThat(Readiness.of(openai("https://user:sk-SECRET-0123456789@api.example.com/v1"), true))
                .isEqualTo(Readiness.BAD_BASE_URL);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> BaseUrls.require("https://user:sk-SECRET-0123456789@api.example.com/v1"))
                .hasMessageNotContaining("sk-SECRET").hasMessageContaining("must not carry a user name or password");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BaseUrls.require("https://api.example.com/v1?key=sk-SECRET"))
                .hasMessageNotContaining("sk-SECRET");
    }
}
