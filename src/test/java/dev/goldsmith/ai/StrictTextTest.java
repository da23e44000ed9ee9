package dev.goldsmith.ai;

import static dev.goldsmith.ai.TestData.item;
import static dev.goldsmith.ai.TestData.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.ai.EnhanceResult.Failure;
import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.vault.QualityTier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 9.11: an answer with invalid UTF-8 or a lone surrogate is invalid and retried, never stored with U+FFFD. */
class StrictTextTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    private EnhanceResult answer(MockResponse response) throws Exception {
        server.enqueue(response);
        try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(server))) {
            return enhancer.enhance(item("Led the rollout.", QualityTier.BRONZE), Operation.ENHANCE).get(15, TimeUnit.SECONDS);
        }
    }

    /** A 200 chat completion whose assistant text is {@code before} + raw bytes + {@code after}, sent as they are. */
    private static MockResponse rawCompletion(String before, byte[] raw, String after) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"enhanced_content\\\": \\\"" + before).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(raw);
        body.writeBytes((after + "\\\", \\\"new_tier\\\": \\\"silver\\\", \\\"suggested_keywords\\\": []}\"}}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}}").getBytes(StandardCharsets.UTF_8));
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(new Buffer().write(body.toByteArray())).build();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a stray continuation byte", bytes(0x80)),
                Arguments.of("a lead byte without its continuation", bytes(0xC3, 0x28)),
                Arguments.of("a cut-off three-byte sequence", bytes(0xE2, 0x82)),
                Arguments.of("an overlong '/'", bytes(0xC0, 0xAF)),
                Arguments.of("a surrogate encoded as UTF-8 (CESU-8)", bytes(0xED, 0xA0, 0xBD)),
                Arguments.of("a byte that never occurs in UTF-8", bytes(0xFF)),
                Arguments.of("a code point past U+10FFFF", bytes(0xF4, 0x90, 0x80, 0x80)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedUtf8IsRejectedAndRetriedInOneSentence(String name, byte[] raw) throws Exception {
        EnhanceResult result = answer(rawCompletion("Led ", raw, " the rollout"));

        assertThat(result).isInstanceOf(Failure.class);
        Failure f = (Failure) result;
        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.httpStatus()).isEqualTo(200);
        assertThat(f.message()).matches(
                "The model's answer was rejected: it is not valid UTF-8 \\(a malformed byte sequence at byte \\d+\\)\\.");
    }

    @Test
    void theBytePositionNamesWhereTheBadSequenceStarts() throws Exception {
        Failure f = (Failure) answer(rawCompletion("Led ", bytes(0xFF), ""));
        String before = "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"{\\\"enhanced_content\\\": \\\"Led ";

        assertThat(f.message()).contains("at byte " + before.getBytes(StandardCharsets.UTF_8).length + ")");
    }

    @Test
    void wellFormedUtf8WithEveryPlaneStillWorks() throws Exception {
        Success s = (Success) answer(rawCompletion("Led ", "Zürich, 中文 and 🚀".getBytes(StandardCharsets.UTF_8), " the rollout"));

        assertThat(s.content()).isEqualTo("Led Zürich, 中文 and 🚀 the rollout");
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws Exception {
        String json = "{\"choices\":[{\"message\":{\"content\":" + TestData.JSON.writeValueAsString(
                TestData.enhanceAnswer("Led the rollout.", "silver")) + "}}]}";
        Buffer body = new Buffer().write(bytes(0xEF, 0xBB, 0xBF)).writeUtf8(json);

        assertThat(answer(new MockResponse.Builder().body(body).build())).isInstanceOf(Success.class);
    }

    static Stream<Arguments> loneSurrogates() {
        // escaped once: in the model's JSON; escaped twice: in the completion's JSON, around the model's text
        return Stream.of(
                Arguments.of("a high surrogate escaped in the model's JSON", "Led \\\\ud83d the rollout", "\\uD83D"),
                Arguments.of("a low surrogate escaped in the model's JSON", "Led \\\\udc00 the rollout", "\\uDC00"),
                Arguments.of("a high surrogate escaped in the completion", "Led \\ud83d the rollout", "\\uD83D"),
                Arguments.of("a pair the wrong way round", "Led \\ude80\\ud83d the rollout", "\\uDE80"),
                Arguments.of("a high surrogate at the very end", "Led the rollout \\ud83d", "\\uD83D"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("loneSurrogates")
    void aLoneSurrogateInTheContentIsRejected(String name, String escaped, String named) throws Exception {
        Failure f = (Failure) answer(rawCompletion("", escaped.getBytes(StandardCharsets.UTF_8), ""));

        assertThat(f.kind()).isEqualTo(FailureKind.RETRYABLE);
        assertThat(f.message()).startsWith("The model's answer was rejected: 'enhanced_content' holds a lone surrogate ("
                + named + " at character ").endsWith("), which is not valid Unicode.");
    }

    @Test
    void aLoneSurrogateInAKeywordIsRejected() throws Exception {
        Failure f = (Failure) answer(TestData.completion("{\"enhanced_content\": \"Led the rollout.\", \"new_tier\": "
                + "\"silver\", \"suggested_keywords\": [\"Rollout\", \"Lead\\ud83d\"]}"));

        assertThat(f.message()).isEqualTo("The model's answer was rejected: 'suggested_keywords[1]' holds a lone "
                + "surrogate (\\uD83D at character 5), which is not valid Unicode.");
    }

    @Test
    void anEscapedPairIsOneCharacterAndFine() throws Exception {
        Success s = (Success) answer(rawCompletion("Led ", "\\\\ud83d\\\\ude80".getBytes(StandardCharsets.UTF_8), " the rollout"));

        assertThat(s.content()).isEqualTo("Led 🚀 the rollout");
    }

    @Test
    void anErrorAnswerWithBadBytesKeepsItsStatus() throws Exception {
        Buffer body = new Buffer().writeUtf8("{\"error\":{\"message\":\"bad ").write(bytes(0xFF)).writeUtf8(" request\"}}");

        Failure f = (Failure) answer(new MockResponse.Builder().code(400).body(body).build());

        assertThat(f.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(f.httpStatus()).isEqualTo(400);
    }
}
