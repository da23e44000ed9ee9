package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.completion;
import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the model wrote, as the server returned it, against DESIGN §5 Validation. */
class AnswerValidationTest {

    private static final String GOOD = "{\"enhanced_content\": \"Cut costs by 12%.\", \"new_tier\": \"gold\", "
            + "\"suggested_keywords\": [\"Cost Reduction\"]}";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult answer(MockResponse response, VaultItem item, Operation operation) throws Exception {
        server.enqueue(response);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            return enhancer.enhance(item, operation).get(15, TimeUnit.SECONDS);
        }
    }

    private EnhanceResult enhance(String modelText) throws Exception {
        return answer(completion(modelText), item("Cut costs.", QualityTier.SILVER), Operation.ENHANCE);
    }

    static Stream<String> wrapped() {
        return Stream.of(
                GOOD,
                "```json\n" + GOOD + "\n```",
                "```\n" + GOOD + "\n```",
                "Here is the improved item:\n```json\n" + GOOD + "\n```\nLet me know if you need more.",
                "Sure! " + GOOD + " Hope this helps.",
                "Using {braces} in prose first: " + GOOD);
    }

    @ParameterizedTest
    @MethodSource("wrapped")
    void theJsonObjectIsFoundInFencesAndProse(String modelText) throws Exception {
        Success s = (Success) enhance(modelText);

        assertThat(s.content()).isEqualTo("Cut costs by 12%.");
        assertThat(s.newTier()).isEqualTo(QualityTier.GOLD);
        assertThat(s.keywords()).containsExactly("Cost Reduction");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("I cannot help with that.", "it contains no JSON object."),
                Arguments.of("{\"new_tier\": \"gold\"}", "'enhanced_content' is missing."),
                Arguments.of("{\"enhanced_content\": \"   \", \"new_tier\": \"gold\"}", "'enhanced_content' is empty."),
                Arguments.of("{\"enhanced_content\": 42, \"new_tier\": \"gold\"}", "'enhanced_content' is not a string."),
                Arguments.of("{\"enhanced_content\": \"" + "x".repeat(4001) + "\", \"new_tier\": \"gold\"}",
                        "'enhanced_content' has 4001 characters, more than the 4000 allowed."),
                Arguments.of("{\"enhanced_content\": \"ok\"}", "'new_tier' is missing."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"platinum\"}",
                        "'new_tier' is 'platinum', not one of bronze, silver, gold."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"assumed\"}",
                        "'new_tier' is 'assumed', not one of bronze, silver, gold."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"bronze\"}",
                        "'new_tier' is 'bronze', lower than the item's tier 'silver'."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"gold\", \"suggested_keywords\": \"SQL, ETL\"}",
                        "'suggested_keywords' is not a list."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"gold\", \"suggested_keywords\": [\"SQL\", 7]}",
                        "'suggested_keywords[1]' is not a string."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"gold\", \"suggested_keywords\": [\"  \"]}",
                        "'suggested_keywords[0]' is an empty keyword."),
                Arguments.of("{\"enhanced_content\": \"ok\", \"new_tier\": \"gold\", \"suggested_keywords\": [\""
                        + "k".repeat(61) + "\"]}", "not a keyword of 1–60 characters."),
                Arguments.of("", "it is empty."));
    }

    @ParameterizedTest
    @MethodSource("rejections")
    void anInvalidAnswerIsRejectedWithAReadableReasonAndIsRetryable(String modelText, String reason) throws Exception {
        Failure f = (Failure) enhance(modelText);

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.httpStatus()).isEqualTo(200);
        assertThat(f.message()).startsWith("The model's answer was rejected: ").endsWith(reason);
        assertThat(f.usage()).as("tokens were still spent").isEqualTo(new Usage(120, 45));
    }

    @Test
    void aReplyThatIsNotAChatCompletionIsRejected() throws Exception {
        Failure f = (Failure) answer(TestData.json(200, "{\"result\": \"ok\"}"), item("x", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The model's answer was rejected: the server's reply is not a chat completion.");
    }

    @Test
    void aTruncatedAnswerSaysItWasCutOff() throws Exception {
        Failure f = (Failure) answer(completion("{\"enhanced_content\": \"Led a team of", "length", 300, 500),
                item("x", QualityTier.BRONZE), Operation.ENHANCE);

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).isEqualTo("The model's answer was rejected: it contains no JSON object "
                + "(the answer was cut off at max_tokens 500).");
        assertThat(f.usage()).isEqualTo(new Usage(300, 500));
    }

    @Test
    void anEqualTierIsAcceptedAndAJumpIsCappedAtTheNextTier() throws Exception {
        Success same = (Success) answer(completion("{\"enhanced_content\": \"ok\", \"new_tier\": \"silver\"}"),
                item("x", QualityTier.SILVER), Operation.ENHANCE);
        Success jump = (Success) answer(completion("{\"enhanced_content\": \"ok\", \"new_tier\": \"GOLD\"}"),
                item("x", QualityTier.ASSUMED), Operation.ENHANCE);

        assertThat(same.newTier()).isEqualTo(QualityTier.SILVER);
        assertThat(jump.newTier()).isEqualTo(QualityTier.BRONZE);
        assertThat(same.keywords()).isEmpty();
    }

    @Test
    void keywordsAreTrimmedDeDuplicatedIgnoringCaseAndCappedAtTen() throws Exception {
        String keywords = "[\" SQL \", \"sql\", \"ETL\", \"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\"]";
        Success s = (Success) answer(completion("{\"enhanced_content\": \"ok\", \"new_tier\": \"gold\", "
                + "\"suggested_keywords\": " + keywords + ", \"confidence\": 7}"), item("x", QualityTier.SILVER), Operation.ENHANCE);

        assertThat(s.keywords()).containsExactly("SQL", "ETL", "a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(s.confidence()).as("a confidence outside 0..1 is dropped").isNull();
    }

    @Test
    void keywordSuggestAcceptsBothFieldNamesAndRejectsNone() throws Exception {
        VaultItem item = item("x", QualityTier.GOLD);
        Success a = (Success) answer(completion("{\"keywords\": [\"Kafka\"]}"), item, Operation.KEYWORD_SUGGEST);
        Success b = (Success) answer(completion("```json\n{\"suggested_keywords\": [\"Spark\"]}\n```"), item, Operation.KEYWORD_SUGGEST);
        Failure none = (Failure) answer(completion("{\"keywords\": []}"), item, Operation.KEYWORD_SUGGEST);
        Failure missing = (Failure) answer(completion("{\"tags\": [\"x\"]}"), item, Operation.KEYWORD_SUGGEST);

        assertThat(a.keywords()).containsExactly("Kafka");
        assertThat(b.keywords()).containsExactly("Spark");
        assertThat(none.message()).isEqualTo("The model's answer was rejected: 'keywords' is empty.");
        assertThat(missing.message()).isEqualTo("The model's answer was rejected: 'keywords' is missing.");
    }
}
