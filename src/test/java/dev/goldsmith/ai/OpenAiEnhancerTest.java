package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.JSON;
import static dev.goldsmith.ai.TestData.KEY;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.EventListener;
import org.junit.jupiter.api.Test;

class OpenAiEnhancerTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult call(ProviderSettings settings, VaultItem item, Operation operation) throws Exception {
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings)) {
            return enhancer.enhance(item, operation).get(15, TimeUnit.SECONDS);
        }
    }

    @Test
    void aGoodAnswerBecomesASuccessWithUsageAndMergedKeywords() throws Exception {
        server.enqueue(completion(enhanceAnswer("Led a team of 5 to cut release time by 40%.", "silver",
                "Team Leadership", "Release Management", "leadership")));

        EnhanceResult result = call(settings(server), item("Led a team.", QualityTier.BRONZE, "Leadership"), Operation.ENHANCE);

        assertThat(result).isInstanceOf(Success.class);
        Success s = (Success) result;
        assertThat(s.content()).isEqualTo("Led a team of 5 to cut release time by 40%.");
        assertThat(s.newTier()).isEqualTo(QualityTier.SILVER);
        assertThat(s.keywords()).containsExactly("Leadership", "Team Leadership", "Release Management");
        assertThat(s.confidence()).isEqualTo(0.82);
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.usage()).isEqualTo(new Usage(120, 45));
        assertThat(s.latency()).isPositive();
        assertThat(settings(server).pricing().cost(s.usage())).isEqualByComparingTo(new BigDecimal("0.000045"));
    }

    @Test
    void theRequestHasExactlyTheDocumentedBodyAndHeaders() throws Exception {
        server.enqueue(completion(enhanceAnswer("Better.", "silver")));
        VaultItem item = item("Helped with onboarding.", QualityTier.BRONZE, "HR");

        call(settings(server), item, Operation.ENHANCE);

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("model", "messages", "temperature", "max_tokens", "response_format");
        assertThat(body.get("model").asText()).isEqualTo("gpt-test");
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(500);
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/name").asText()).isEqualTo("enhance_answer");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(Operation.ENHANCE.answerSchema());
        assertThat(body.at("/response_format/json_schema").fieldNames()).toIterable().containsExactly("name", "strict", "schema");
        Prompts.Messages expected = Prompts.forItem(item, Operation.ENHANCE);
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo(expected.system());
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo(expected.user())
                .contains("\"bronze\"", "\"silver\"", "Helped with onboarding.", "HR", "3 ATS keywords", "JSON only");
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() throws Exception {
        server.enqueue(completion(enhanceAnswer("Better.", "silver")));

        call(settings(server, null, Duration.ofSeconds(10)), item("Text.", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void keywordSuggestSendsItsOwnPromptAndReturnsOnlyKeywords() throws Exception {
        server.enqueue(completion("{\"suggested_keywords\": [\"SQL\", \"ETL\"]}"));

        Success s = (Success) call(settings(server), item("Built ETL jobs.", QualityTier.GOLD, "Python"),
                Operation.KEYWORD_SUGGEST);

        assertThat(s.content()).isNull();
        assertThat(s.newTier()).isNull();
        assertThat(s.keywords()).containsExactly("Python", "SQL", "ETL");
        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.at("/messages/1/content").asText())
                .isEqualTo(Prompts.forItem(item("Built ETL jobs.", QualityTier.GOLD, "Python"), Operation.KEYWORD_SUGGEST).user());
    }

    @Test
    void unicodeEmojiQuotesAndBracesSurviveTheRoundTrip() throws Exception {
        String text = "Führte „Café Zürich“ 🚀 — \"quoted\", 'single', {next_tier} & <b>中文</b> \\ back\\slash";
        server.enqueue(completion(enhanceAnswer(text + " ✅", "silver", "Ünïcödé 💡")));

        Success s = (Success) call(settings(server), item(text, QualityTier.BRONZE), Operation.ENHANCE);

        JsonNode body = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.at("/messages/1/content").asText()).contains(text);
        assertThat(s.content()).isEqualTo(text + " ✅");
        assertThat(s.keywords()).containsExactly("Ünïcödé 💡");
    }

    @Test
    void aReadTimeoutIsRetryable() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").bodyDelay(3, TimeUnit.SECONDS).build());

        Failure f = (Failure) call(settings(server, KEY, Duration.ofMillis(300)), item("Text.", QualityTier.BRONZE),
                Operation.ENHANCE);

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.httpStatus()).isZero();
        assertThat(f.message()).contains("timeout").contains("300 ms");
    }

    @Test
    void anUnreachableServerIsToldApart() throws Exception {
        ProviderSettings settings = settings(server);
        server.close();

        Failure f = (Failure) call(settings, item("Text.", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(f.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(f.message()).contains("could not be reached");
    }

    @Test
    void cancellingTheFutureCancelsTheHttpCallAtOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CountDownLatch canceled = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        EventListener listener = new EventListener() {
            @Override
            public void canceled(Call call) {
                canceled.countDown();
            }

            @Override
            public void callFailed(Call call, IOException ioe) {
                ended.countDown();
            }
        };
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server, KEY, Duration.ofSeconds(60)),
                Clock.systemUTC(), listener)) {
            var future = enhancer.enhance(item("Text.", QualityTier.BRONZE), Operation.ENHANCE);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the server saw the request").isNotNull();

            assertThat(future.cancel(true)).isTrue();

            assertThat(canceled.await(2, TimeUnit.SECONDS)).as("OkHttp call canceled").isTrue();
            assertThat(ended.await(2, TimeUnit.SECONDS)).as("OkHttp call ended").isTrue();
            assertThat(future).isCancelled();
        }
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedBeforeConnecting() {
        ProviderSettings remote = new ProviderSettings(ProviderKind.OPENAI, "http://api.example.com/v1", "m", KEY, 0.7, 500,
                Duration.ofSeconds(5), 1, null);

        assertThatThrownBy(() -> new OpenAiEnhancer(remote)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Plain http is allowed only to this computer (localhost); use https for 'api.example.com'.");
        assertThatThrownBy(() -> Enhancers.create(remote)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theFactoryBuildsEveryProvider() {
        try (Enhancer rules = Enhancers.create(ProviderSettings.rules());
             Enhancer openai = Enhancers.create(settings(server))) {
            assertThat(rules.providerName()).isEqualTo("rules");
            assertThat(openai.providerName()).isEqualTo("openai");
            assertThat(openai.model()).isEqualTo("gpt-test");
        }
        assertThat(List.of(settings(server).toString())).noneMatch(s -> s.contains(KEY));
    }
}
