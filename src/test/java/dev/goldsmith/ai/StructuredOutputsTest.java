package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.JSON;
import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.enhanceAnswer;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Structured outputs (issue 13.4): the operation's JSON schema is asked for first; a server that refuses it is asked
 * with JSON mode, then without {@code response_format}; and the rest of the enhancer's calls — the batch — use what
 * worked, with one refused request per step even when several calls are made while the first refusal is on its way.
 */
class StructuredOutputsTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Opens the held first request, so no test leaves a server thread waiting. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void openTheServer() {
        release.countDown();
    }

    /**
     * A server that refuses the formats it is told to (400 naming {@code response_format}, as OpenAI words it), answers
     * the others with an enhancement, and can hold its first request until {@link #release} opens.
     */
    final class FormatServer extends Dispatcher {
        private final Set<String> refused;
        private final boolean holdFirst;
        private final AtomicInteger requests = new AtomicInteger();
        final List<String> formats = Collections.synchronizedList(new ArrayList<>());
        volatile MockResponse firstAnswer;

        FormatServer(boolean holdFirst, String... refused) {
            this.holdFirst = holdFirst;
            this.refused = Set.of(refused);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String format;
            try {
                format = JSON.readTree(request.getBody().utf8()).path("response_format").path("type").asText("none");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            formats.add(format);
            boolean first = requests.getAndIncrement() == 0;
            if (first && holdFirst) {
                release.await(20, TimeUnit.SECONDS);
            }
            if (refused.contains(format)) {
                return TestData.error(400, "Invalid parameter: 'response_format' of type '" + format
                        + "' is not supported with this model.", null);
            }
            if (first && firstAnswer != null) {
                return firstAnswer;
            }
            return completion("Here you are: " + enhanceAnswer("Led the onboarding of 12 hires a month.", "silver", "HR"));
        }
    }

    private static List<EnhanceResult> all(List<CompletableFuture<EnhanceResult>> futures) throws Exception {
        List<EnhanceResult> out = new ArrayList<>();
        for (CompletableFuture<EnhanceResult> f : futures) {
            out.add(f.get(15, TimeUnit.SECONDS));
        }
        return out;
    }

    private List<CompletableFuture<EnhanceResult>> launch(Enhancer enhancer, int calls) {
        List<CompletableFuture<EnhanceResult>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(enhancer.enhance(item("Helped with onboarding.", QualityTier.BRONZE), Operation.ENHANCE));
        }
        return futures;
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void eachOperationsSchemaFollowsTheStrictModeRules(Operation operation) {
        JsonNode schema = operation.answerSchema();

        assertThat(operation.schemaName()).matches("[a-zA-Z0-9_-]{1,64}");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertStrict(schema, "$");
    }

    /** Every object lists all its properties as required and allows no others (OpenAI's strict mode). */
    private static void assertStrict(JsonNode node, String path) {
        if (node.isObject() && "object".equals(node.path("type").asText())) {
            assertThat(node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean())
                    .as(path + ".additionalProperties is false").isTrue();
            List<String> properties = new ArrayList<>();
            node.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            node.path("required").forEach(r -> required.add(r.asText()));
            assertThat(required).as(path + ".required").containsExactlyInAnyOrderElementsOf(properties);
        }
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            assertStrict(e.getValue(), path + "." + e.getKey());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertStrict(node.get(i), path + "[" + i + "]");
            }
        }
    }

    @Test
    void theSchemaAnswerIsWhatTheParserAccepts() throws Exception {
        // an answer shaped exactly by the schema — every property there, nothing else — is a valid answer
        server.enqueue(completion("{\"enhanced_content\": \"Led onboarding for 12 hires a month.\", \"new_tier\": \"silver\","
                + " \"suggested_keywords\": [\"Onboarding\"], \"confidence\": 0.7}"));
        server.enqueue(completion("{\"keywords\": [\"Onboarding\", \"HR\"]}"));
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            Success enhanced = (Success) enhancer.enhance(item("Helped with onboarding.", QualityTier.BRONZE),
                    Operation.ENHANCE).get(15, TimeUnit.SECONDS);
            Success keywords = (Success) enhancer.enhance(item("Helped with onboarding.", QualityTier.BRONZE),
                    Operation.KEYWORD_SUGGEST).get(15, TimeUnit.SECONDS);

            assertThat(enhanced.newTier()).isEqualTo(QualityTier.SILVER);
            assertThat(keywords.keywords()).containsExactly("Onboarding", "HR");
        }
        server.takeRequest(5, TimeUnit.SECONDS);
        JsonNode second = JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(second.at("/response_format/json_schema/name").asText()).isEqualTo("keyword_suggest_answer");
        assertThat(second.at("/response_format/json_schema/schema")).isEqualTo(Operation.KEYWORD_SUGGEST.answerSchema());
    }

    @Test
    void aServerThatRefusesTheSchemaIsAskedWithJsonModeAndSoIsEveryLaterCall() throws Exception {
        FormatServer formats = new FormatServer(false, "json_schema");
        server.setDispatcher(formats);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            assertThat(all(launch(enhancer, 1))).allMatch(Success.class::isInstance);
            assertThat(all(launch(enhancer, 2))).allMatch(Success.class::isInstance);
            assertThat(enhancer.responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
        }

        assertThat(formats.formats).containsExactly("json_schema", "json_object", "json_object", "json_object");
    }

    @Test
    void aServerThatRefusesBothIsAskedWithoutResponseFormat() throws Exception {
        FormatServer formats = new FormatServer(false, "json_schema", "json_object");
        server.setDispatcher(formats);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            assertThat(all(launch(enhancer, 1))).allMatch(Success.class::isInstance);
            assertThat(all(launch(enhancer, 2))).allMatch(Success.class::isInstance);
        }

        assertThat(formats.formats).containsExactly("json_schema", "json_object", "none", "none", "none");
    }

    @Test
    void severalCallsMadeWhileTheFirstRefusalIsOnItsWayCostOneRefusedRequestNotOneEach() throws Exception {
        FormatServer formats = new FormatServer(true, "json_schema");
        server.setDispatcher(formats);
        List<EnhanceResult> results;
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) { // 4 connections
            List<CompletableFuture<EnhanceResult>> futures = launch(enhancer, 8); // all made before any answer
            release.countDown();
            results = all(futures);
        }

        assertThat(results).hasSize(8).allMatch(Success.class::isInstance);
        assertThat(formats.formats).as("one refused request, then JSON mode for all eight")
                .containsExactly("json_schema", "json_object", "json_object", "json_object", "json_object",
                        "json_object", "json_object", "json_object", "json_object");
    }

    @Test
    void withBothRefusedWhileCallsWaitEachStepIsRefusedOnce() throws Exception {
        FormatServer formats = new FormatServer(true, "json_schema", "json_object");
        server.setDispatcher(formats);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            List<CompletableFuture<EnhanceResult>> futures = launch(enhancer, 6);
            release.countDown();
            assertThat(all(futures)).allMatch(Success.class::isInstance);
        }

        assertThat(formats.formats).containsExactly("json_schema", "json_object", "none", "none", "none", "none", "none", "none");
    }

    @Test
    void aFirstCallThatFailsForAnotherReasonLetsTheWaitingCallsGo() throws Exception {
        FormatServer formats = new FormatServer(true);
        formats.firstAnswer = TestData.error(503, "busy", null);
        server.setDispatcher(formats);
        List<EnhanceResult> results;
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            List<CompletableFuture<EnhanceResult>> futures = launch(enhancer, 4);
            release.countDown();
            results = all(futures);
        }

        assertThat(results.get(0)).isInstanceOf(Failure.class).extracting(r -> ((Failure) r).kind())
                .isEqualTo(FailureKind.RETRYABLE);
        assertThat(results.subList(1, 4)).allMatch(Success.class::isInstance);
        assertThat(formats.formats).containsExactly("json_schema", "json_schema", "json_schema", "json_schema");
    }

    @Test
    void aCallCancelledWhileItWaitsIsNeverSent() throws Exception {
        FormatServer formats = new FormatServer(true);
        server.setDispatcher(formats);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            CompletableFuture<EnhanceResult> first = launch(enhancer, 1).get(0);
            CompletableFuture<EnhanceResult> waiting = launch(enhancer, 1).get(0);
            assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("the first call is out").isNotNull();

            assertThat(waiting.cancel(true)).isTrue();
            release.countDown();

            assertThat(first.get(15, TimeUnit.SECONDS)).isInstanceOf(Success.class);
            assertThat(waiting).isCancelled();
            assertThat(server.getRequestCount()).as("the cancelled call was never sent").isEqualTo(1);
        }
    }

    @Test
    void closingTheProviderEndsTheCallsThatWait() throws Exception {
        server.setDispatcher(new FormatServer(true));
        OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server));
        List<CompletableFuture<EnhanceResult>> futures = launch(enhancer, 3);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        enhancer.close();

        for (EnhanceResult r : all(futures)) {
            assertThat(r).isInstanceOf(Failure.class);
            assertThat(((Failure) r).message()).isEqualTo("The call was cancelled because the provider was closed.");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void twoCallsRefusedForTheSameFormatMoveItOneStepNotTwo() {
        FormatGate gate = new FormatGate(ResponseFormat.JSON_SCHEMA, "test:1");
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        FormatGate.Caller first = caller("first", sent);
        FormatGate.Caller second = caller("second", sent);
        FormatGate.Caller third = caller("third", sent);

        gate.enter(first);
        gate.enter(second);
        assertThat(sent).as("the second waits for the first").containsExactly("first json_schema probe");
        gate.settled(true); // the first answered: the schema is taken
        gate.enter(third);
        assertThat(sent).containsExactly("first json_schema probe", "second json_schema", "third json_schema");

        // a server that changes its mind refuses both calls in flight, each sent with the schema
        assertThat(gate.refused(ResponseFormat.JSON_SCHEMA, false)).isEqualTo(new FormatGate.Pass(ResponseFormat.JSON_OBJECT, false));
        assertThat(gate.refused(ResponseFormat.JSON_SCHEMA, false)).isEqualTo(new FormatGate.Pass(ResponseFormat.JSON_OBJECT, false));
        assertThat(gate.current()).isEqualTo(ResponseFormat.JSON_OBJECT);
    }

    @Test
    void noFormatMeansNothingToLearnAndNoCallWaits() {
        FormatGate gate = new FormatGate(ResponseFormat.NONE, "test:1");
        List<String> sent = new ArrayList<>();

        gate.enter(caller("a", sent));
        gate.enter(caller("b", sent));

        assertThat(sent).containsExactly("a none", "b none");
    }

    private static FormatGate.Caller caller(String name, List<String> sent) {
        return new FormatGate.Caller() {
            @Override
            public void go(ResponseFormat format, boolean probe) {
                sent.add(name + " " + format.wireName() + (probe ? " probe" : ""));
            }

            @Override
            public void closed() {
                sent.add(name + " closed");
            }
        };
    }

    @Test
    void refusalsAreTheFourHundredsThatNameTheFormat() {
        assertThat(ResponseFormat.refused(400, "{\"error\":{\"message\":\"Invalid parameter: 'response_format' of type"
                + " 'json_schema' is not supported with this model.\"}}")).isTrue();
        assertThat(ResponseFormat.refused(400, "{\"error\":\"'response_format.type' must be 'json_schema' or 'text'\"}")).isTrue();
        assertThat(ResponseFormat.refused(422, "{\"detail\":[{\"loc\":[\"body\",\"response_format\"]}]}")).isTrue();
        assertThat(ResponseFormat.refused(400, "{\"error\":{\"message\":\"Unsupported value in the request\"}}")).isFalse();
        assertThat(ResponseFormat.refused(500, "response_format")).isFalse();
        assertThat(ResponseFormat.refused(429, "json_schema")).isFalse();
    }
}
