package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.JSON;
import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.error;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class ProviderCheckTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void okWhenTheModelAnswersWithOneTinyRequest() throws Exception {
        server.enqueue(completion("{\"ok\": true}"));

        ProviderCheckResult result = ProviderCheck.check(settings(server));

        assertThat(result.ok()).isTrue();
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.message()).matches("OK: model gpt-test answered in \\d+ ms\\.");
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(5);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theCheckAsksForTheEnhanceAnswersSchemaAsABatchWould() throws Exception {
        server.enqueue(completion("{\"ok\": true}"));

        assertThat(ProviderCheck.check(settings(server)).message()).matches("OK: model gpt-test answered in \\d+ ms\\.");

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(Operation.ENHANCE.answerSchema());
    }

    @Test
    void aServerWithoutStructuredOutputsButWithJsonModeIsOkAndSaysSo() throws Exception {
        server.enqueue(error(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this"
                + " model.", null));
        server.enqueue(completion("{\"ok\": true}"));

        ProviderCheckResult result = ProviderCheck.check(settings(server, null, Duration.ofSeconds(5)));

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).endsWith(" ms (with JSON mode: this server does not take a JSON schema, structured outputs).");
        assertThat(JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).at("/response_format/type")
                .asText()).isEqualTo("json_schema");
        assertThat(JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).at("/response_format/type")
                .asText()).isEqualTo("json_object");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerWithoutJsonModeIsStillOkAndSaysSo() throws Exception {
        server.enqueue(TestData.json(400, "{\"error\":\"'response_format.type' must be 'json_object' or 'text'\"}"));
        server.enqueue(TestData.json(400, "{\"error\":\"'response_format.type' must be 'json_schema' or 'text'\"}"));
        server.enqueue(completion("ok"));

        ProviderCheckResult result = ProviderCheck.check(settings(server, null, Duration.ofSeconds(5)));

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).endsWith("(without JSON mode, which this server does not support).");
        server.takeRequest(5, TimeUnit.SECONDS);
        server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).has("response_format")).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRefusedKeyIsReportedAsSuch() {
        server.enqueue(error(401, "Incorrect API key provided.", "invalid_api_key"));

        ProviderCheckResult result = ProviderCheck.check(settings(server));

        assertThat(result.ok()).isFalse();
        assertThat(result.httpStatus()).isEqualTo(401);
        assertThat(result.message()).startsWith("The API key was refused (401)");
    }

    @Test
    void anUnknownModelIsNamed() {
        server.enqueue(error(404, "The model `gpt-test` does not exist.", "model_not_found"));

        ProviderCheckResult result = ProviderCheck.check(settings(server));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).startsWith("Model 'gpt-test' does not exist on this server (404)");
    }

    @Test
    void aServerThatIsNotThereCouldNotBeReached() {
        ProviderSettings settings = settings(server, null, Duration.ofSeconds(5));
        server.close();

        ProviderCheckResult result = ProviderCheck.check(settings);

        assertThat(result.ok()).isFalse();
        assertThat(result.httpStatus()).isZero();
        assertThat(result.message()).startsWith("The server at ").contains("could not be reached");
    }

    @Test
    void aServerThatIsNotAnOpenAiApiIsToldApart() {
        server.enqueue(TestData.json(200, "{\"hello\": \"world\"}"));

        ProviderCheckResult result = ProviderCheck.check(settings(server));

        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("not as an OpenAI-compatible API").contains("/v1");
    }

    @Test
    void badSettingsAreReportedWithoutAnyRequest() {
        ProviderSettings remoteHttp = new ProviderSettings(ProviderKind.OPENAI, "http://10.1.2.3:8080/v1", "m", null, 0.7, 5,
                Duration.ofSeconds(5), 1, null);

        assertThat(ProviderCheck.check(remoteHttp).message()).startsWith("Plain http is allowed only to this computer");
        assertThat(ProviderCheck.check(ProviderSettings.rules()).ok()).isTrue();
        assertThat(ProviderCheck.check(ProviderSettings.rules()).message()).contains("not an AI model");
    }
}
