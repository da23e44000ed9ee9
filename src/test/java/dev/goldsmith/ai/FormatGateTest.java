package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who waits for the first call's answer: only calls to a server whose abilities are not known. */
class FormatGateTest {

    private record Sent(ResponseFormat format, boolean probe) {
    }

    private static final class Recorder implements FormatGate.Caller {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public void go(ResponseFormat format, boolean probe) {
            sent.add(new Sent(format, probe));
        }

        @Override
        public void closed() {
        }
    }

    @Test
    void aServerOfUnknownAbilitiesGetsOneProbeWhileTheOthersWait() {
        FormatGate gate = new FormatGate(ResponseFormat.JSON_SCHEMA, "localhost:1234");
        Recorder first = new Recorder();
        Recorder second = new Recorder();

        gate.enter(first);
        gate.enter(second);

        assertThat(first.sent).containsExactly(new Sent(ResponseFormat.JSON_SCHEMA, true));
        assertThat(second.sent).isEmpty();
    }

    @Test
    void aServerKnownToTakeTheFormatHoldsNoCall() {
        FormatGate gate = new FormatGate(ResponseFormat.JSON_SCHEMA, "api.openai.com:443", true);
        Recorder first = new Recorder();
        Recorder second = new Recorder();

        gate.enter(first);
        gate.enter(second);

        assertThat(first.sent).containsExactly(new Sent(ResponseFormat.JSON_SCHEMA, false));
        assertThat(second.sent).containsExactly(new Sent(ResponseFormat.JSON_SCHEMA, false));
    }

    @Test
    void openAiItselfAndAzureWithStructuredOutputsAreKnownLocalServersAreNot() {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(ChatCompletions.openAi(settings(ProviderKind.OPENAI, "https://api.openai.com/v1", null), mapper)
                .takesFirstFormat()).isTrue();
        assertThat(ChatCompletions.openAi(settings(ProviderKind.OPENAI, "http://localhost:1234/v1", null), mapper)
                .takesFirstFormat()).isFalse();
        assertThat(ChatCompletions.openAi(settings(ProviderKind.OPENAI, "https://openrouter.ai/api/v1", null), mapper)
                .takesFirstFormat()).isFalse();
        assertThat(ChatCompletions.azure(settings(ProviderKind.AZURE, "https://acme.openai.azure.com", "2024-10-21"), mapper)
                .takesFirstFormat()).isTrue();
        assertThat(ChatCompletions.azure(settings(ProviderKind.AZURE, "https://acme.openai.azure.com", "2024-06-01"), mapper)
                .takesFirstFormat()).isFalse();
    }

    private static ProviderSettings settings(ProviderKind provider, String baseUrl, String apiVersion) {
        ProviderSettings p = new ProviderSettings(provider, baseUrl, "gpt-4o-mini", null, 0.7, 500,
                Duration.ofSeconds(30), 4, Pricing.FREE);
        return provider.usesDeployment() ? p.withDeployment("prod").withApiVersion(apiVersion) : p;
    }
}
