package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Issue 9.14: plain http, and so the key in clear text, goes only to this computer — decided on the address. */
class PlainHttpTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private static ProviderSettings at(String baseUrl) {
        return new ProviderSettings(ProviderKind.OPENAI, baseUrl, "gpt-test", KEY, 0.7, 500, Duration.ofSeconds(5), 1, null);
    }

    @Test
    void aNameThatOnlyLooksLikeLocalhostIsRefusedBeforeAnythingIsSent() {
        String evil = "http://evil.localhost:" + server.getPort() + "/v1";

        assertThatThrownBy(() -> new OpenAiEnhancer(at(evil))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plain http is allowed only to this computer (localhost); use https for 'evil.localhost'.");
        assertThat(ProviderCheck.check(at(evil)).message())
                .isEqualTo("Plain http is allowed only to this computer (localhost); use https for 'evil.localhost'.");
        assertThat(Readiness.of(at(evil), false)).isEqualTo(Readiness.BAD_BASE_URL);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void plainHttpToLocalhostConnectsOnlyToLoopbackAddressesWhateverTheNameResolvesTo() throws Exception {
        InetAddress lan = InetAddress.getByAddress("localhost", new byte[] {10, 0, 0, 5});
        InetAddress loop = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        InetAddress loop6 = InetAddress.getByName("::1");

        assertThat(new LoopbackDns(host -> List.of(lan, loop, loop6)).lookup("localhost")).containsExactly(loop, loop6);
        assertThatThrownBy(() -> new LoopbackDns(host -> List.of(lan)).lookup("localhost"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("localhost does not resolve to this computer; plain http goes nowhere else");
    }

    @Test
    void plainHttpToTheRealLocalhostStillWorks() throws Exception {
        server.enqueue(TestData.completion(TestData.enhanceAnswer("Better.", "silver")));
        String local = "http://localhost:" + server.getPort() + "/v1";

        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(at(local))) {
            assertThat(enhancer.enhance(TestData.item("Text.", dev.goldsmith.vault.QualityTier.BRONZE), Operation.ENHANCE)
                    .get(15, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(EnhanceResult.Success.class);
        }
    }
}
