package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.JSON;
import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.azure;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code azure} provider: OpenAI's wire format at Azure's URL, with Azure's key header (issue 13.3). */
class AzureTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult call(ProviderSettings settings, MockResponse response) throws Exception {
        server.enqueue(response);
        try (Enhancer enhancer = Enhancers.create(settings)) {
            return enhancer.enhance(item("Helped with onboarding.", QualityTier.BRONZE, "HR"), Operation.ENHANCE)
                    .get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRequestGoesToTheDeploymentWithTheApiVersionAndTheKeyOnlyInApiKey() throws Exception {
        Success s = (Success) call(azure(server, KEY), completion(enhanceAnswer("Led onboarding for 12 hires.", "silver",
                "Onboarding")));

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/prod-4o/chat/completions");
        assertThat(request.getUrl().query()).isEqualTo("api-version=2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("x-api-key")).isNull();
        String raw = request.getBody().utf8();
        assertThat(raw).doesNotContain(KEY);
        JsonNode body = JSON.readTree(raw);
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("model", "messages", "temperature", "max_tokens", "response_format");
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(Operation.ENHANCE.answerSchema());
        assertThat(body.at("/messages/1/content").asText())
                .isEqualTo(Prompts.forItem(item("Helped with onboarding.", QualityTier.BRONZE, "HR"), Operation.ENHANCE).user());

        assertThat(s.content()).isEqualTo("Led onboarding for 12 hires.");
        assertThat(s.keywords()).containsExactly("HR", "Onboarding");
        assertThat(s.usage()).isEqualTo(new Usage(120, 45));
        assertThat(s.provider()).isEqualTo("azure");
    }

    @Test
    void anApiVersionGivenIsSentAndAnOlderOneStartsWithJsonMode() throws Exception {
        call(azure(server, KEY).withApiVersion("2024-06-01"), completion(enhanceAnswer("Better.", "silver")));
        call(azure(server, KEY).withApiVersion("2024-08-01-preview"), completion(enhanceAnswer("Better.", "silver")));

        RecordedRequest old = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest preview = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(old.getUrl().queryParameter("api-version")).isEqualTo("2024-06-01");
        assertThat(JSON.readTree(old.getBody().utf8()).at("/response_format/type").asText()).isEqualTo("json_object");
        assertThat(preview.getUrl().queryParameter("api-version")).isEqualTo("2024-08-01-preview");
        assertThat(JSON.readTree(preview.getBody().utf8()).at("/response_format/type").asText()).isEqualTo("json_schema");
    }

    @ParameterizedTest
    @CsvSource({"2024-10-21, true", "2024-08-01-preview, true", "2025-04-01-preview, true", "preview, true", "v1, true",
        "2024-07-01-preview, false", "2024-06-01, false", "2024-02-01, false", "2023-05-15, false"})
    void structuredOutputsComeWithApiVersion20240801(String version, boolean supported) {
        assertThat(ProviderKind.AZURE.structuredOutputs(azure(server, KEY).withApiVersion(version))).isEqualTo(supported);
    }

    @Test
    void theModelDefaultsToTheDeploymentAndABaseEndingInOpenaiIsTakenAsIs() throws Exception {
        ProviderSettings noModel = new ProviderSettings(ProviderKind.AZURE, server.url("/openai/").toString(), null, KEY, 0.7, 500,
                Duration.ofSeconds(10), 2, null, "team gpt", null);
        assertThatThrownBy(() -> Enhancers.create(noModel)).hasMessage("The Azure OpenAI deployment 'team gpt' is not a"
                + " deployment name (letters, digits, '.', '-' and '_', at most 64).");

        try (Enhancer enhancer = Enhancers.create(noModel.withDeployment("team-gpt"))) {
            assertThat(enhancer.model()).isEqualTo("team-gpt");
            server.enqueue(completion(enhanceAnswer("Better.", "silver")));
            enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
        }

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/team-gpt/chat/completions");
        assertThat(JSON.readTree(request.getBody().utf8()).get("model").asText()).isEqualTo("team-gpt");
    }

    @Test
    void aMissingDeploymentOrBaseUrlIsRefusedWithASentenceBeforeAnythingIsSent() {
        ProviderSettings noDeployment = azure(server, KEY).withDeployment(" ");
        ProviderSettings noBase = new ProviderSettings(ProviderKind.AZURE, null, "gpt-4o-mini", KEY, 0.7, 500, Duration.ofSeconds(5),
                1, null, "prod-4o", null);
        ProviderSettings badVersion = azure(server, KEY).withApiVersion("2024-10-21&x=1");
        String missing = "The Azure OpenAI deployment is empty: give the name of a model deployment of your resource"
                + " (--deployment, or the settings screen).";

        assertThatThrownBy(() -> Enhancers.create(noDeployment)).isInstanceOf(IllegalArgumentException.class).hasMessage(missing);
        assertThat(ProviderCheck.check(noDeployment).message()).isEqualTo(missing);
        assertThat(Readiness.problem(noDeployment, true)).contains(missing);
        assertThatThrownBy(() -> Enhancers.create(noBase)).hasMessage("The Azure OpenAI base URL is empty: give your"
                + " resource's endpoint, such as https://NAME.openai.azure.com.");
        assertThat(Readiness.of(noBase, true)).isEqualTo(Readiness.BAD_BASE_URL);
        assertThatThrownBy(() -> Enhancers.create(badVersion))
                .hasMessage("The Azure OpenAI api-version '2024-10-21&x=1' is not one such as 2024-10-21.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void errorsReadAsOpenAisWithAzuresWords() throws Exception {
        Failure refused = (Failure) call(azure(server, KEY), error(401, "Access denied due to invalid subscription key or"
                + " wrong API endpoint.", "401"));
        Failure noDeployment = (Failure) call(azure(server, KEY), error(404, "The API deployment for this resource does"
                + " not exist.", "DeploymentNotFound"));
        Failure limited = (Failure) call(azure(server, KEY), error(429, "Requests to the ChatCompletions_Create Operation"
                + " have exceeded token rate limit.", "429").newBuilder().addHeader("retry-after", "6")
                .addHeader("x-ratelimit-remaining-requests", "0").addHeader("x-ratelimit-remaining-tokens", "1200").build());
        Failure filtered = (Failure) call(azure(server, KEY), error(400, "The response was filtered due to the prompt"
                + " triggering Azure OpenAI's content management policy.", "content_filter"));

        assertThat(refused.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(refused.message()).isEqualTo("The API key was refused (401); check GOLDSMITH_API_KEY or AZURE_OPENAI_API_KEY.");
        assertThat(noDeployment.kind()).isEqualTo(FailureKind.FATAL);
        assertThat(noDeployment.message()).isEqualTo("Deployment 'prod-4o' does not exist on this server (404): The API"
                + " deployment for this resource does not exist.");
        assertThat(limited.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(6));
        assertThat(limited.limits().requests().orElseThrow().remaining()).hasValue(0);
        assertThat(limited.limits().tokens().orElseThrow().remaining()).hasValue(1200);
        assertThat(filtered.kind()).isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void anAnswerStoppedByTheContentFilterIsRejected() throws Exception {
        Failure f = (Failure) call(azure(server, KEY), completion(null, "content_filter", 120, 0));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The model's answer was rejected: the model declined to answer (the provider's"
                + " content filter stopped it).");
    }

    @Test
    void theProviderCheckCallsTheDeployment() throws Exception {
        server.enqueue(completion("{\"ok\": true}"));

        ProviderCheckResult result = ProviderCheck.check(azure(server, KEY));

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).matches("OK: deployment prod-4o answered in \\d+ ms\\.");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/openai/deployments/prod-4o/chat/completions");
        assertThat(request.getUrl().queryParameter("api-version")).isEqualTo("2024-10-21");
        assertThat(request.getHeaders().get("api-key")).isEqualTo(KEY);
        assertThat(JSON.readTree(request.getBody().utf8()).get("max_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void theProviderCheckSaysWhatIsWrongWithAzuresHint() {
        server.enqueue(TestData.json(200, "<html>nope</html>"));
        server.enqueue(error(401, "Access denied due to invalid subscription key.", "401"));

        assertThat(ProviderCheck.check(azure(server, KEY)).message()).isEqualTo("The server at " + server.getHostName()
                + ":" + server.getPort() + " answered, but not as the Azure OpenAI API; check the base URL (the"
                + " resource's endpoint, such as https://NAME.openai.azure.com).");
        assertThat(ProviderCheck.check(azure(server, KEY)).message())
                .isEqualTo("The API key was refused (401); check GOLDSMITH_API_KEY or AZURE_OPENAI_API_KEY.");
    }

    @Test
    void aKeylessLocalAzureStandInNeedsNoKeyButARemoteResourceDoes() {
        ProviderSettings remote = new ProviderSettings(ProviderKind.AZURE, "https://acme.openai.azure.com", null, null, 0.7, 500,
                Duration.ofSeconds(5), 1, null, "prod-4o", null);

        assertThat(Readiness.of(azure(server, null), false)).isEqualTo(Readiness.READY);
        assertThat(Readiness.of(remote, false)).isEqualTo(Readiness.NO_KEY);
        assertThat(Readiness.of(remote, true)).isEqualTo(Readiness.READY);
        assertThat(Readiness.problem(remote, false)).contains("No API key is set for acme.openai.azure.com: set"
                + " GOLDSMITH_API_KEY or AZURE_OPENAI_API_KEY, or save one in the settings.");
    }
}
