package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Base URLs, API key lookup and the skills lexicon. */
class SettingsHelpersTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://api.openai.com/v1", "https://openrouter.ai/api/v1", "http://localhost:11434/v1",
        "http://127.0.0.1:1234/v1/", "http://[::1]:8080/v1", "http://127.8.9.10/v1", "http://[0:0:0:0:0:0:0:1]/v1"})
    void acceptedBaseUrls(String url) {
        assertThat(BaseUrls.require(url).toString()).startsWith(url.substring(0, 8));
    }

    @Test
    void loopbackIsDecidedOnTheAddressOkHttpWillConnectTo() {
        assertThat(BaseUrls.require("http://LOCALHOST:8080/v1").host()).isEqualTo("localhost");
        assertThat(BaseUrls.require("http://[::ffff:127.0.0.1]/v1").host()).isEqualTo("127.0.0.1");
        assertThat(BaseUrls.isLoopback("evil.localhost")).isFalse();
        assertThat(BaseUrls.isLoopback("localhost")).isTrue();
        assertThat(BaseUrls.isLoopback("127.255.255.254")).isTrue();
        assertThat(BaseUrls.isLoopback("[::1]")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://api.openai.com/v1       | Plain http is allowed only to this computer (localhost); use https for 'api.openai.com'.
            http://192.168.1.20:11434/v1   | Plain http is allowed only to this computer (localhost); use https for '192.168.1.20'.
            http://localhost.example.com/v1| Plain http is allowed only to this computer (localhost); use https for 'localhost.example.com'.
            http://evil.localhost/v1       | Plain http is allowed only to this computer (localhost); use https for 'evil.localhost'.
            http://ollama.localhost:11434/v1| Plain http is allowed only to this computer (localhost); use https for 'ollama.localhost'.
            http://localhost./v1           | Plain http is allowed only to this computer (localhost); use https for 'localhost.'.
            http://127.1/v1                | Plain http is allowed only to this computer (localhost); use https for '127.1'.
            http://2130706433/v1           | Plain http is allowed only to this computer (localhost); use https for '2130706433'.
            http://0.0.0.0:11434/v1        | Plain http is allowed only to this computer (localhost); use https for '0.0.0.0'.
            http://[::]:11434/v1           | Plain http is allowed only to this computer (localhost); use https for '::'.
            http://[::ffff:10.0.0.1]/v1    | Plain http is allowed only to this computer (localhost); use https for '10.0.0.1'.
            ftp://example.com/v1           | The base URL 'ftp://example.com/v1' is not a valid http or https URL (for example https://api.openai.com/v1).
            api.openai.com/v1              | The base URL 'api.openai.com/v1' is not a valid http or https URL (for example https://api.openai.com/v1).
            https://example.com/v1?x=1     | The base URL for example.com must not carry a query or a fragment (a key in the URL would end up in logs and history).
            """)
    void refusedBaseUrls(String url, String message) {
        assertThatThrownBy(() -> BaseUrls.require(url)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void chatCompletionsIsAddedAfterTheBasePath() {
        assertThat(BaseUrls.resolve(BaseUrls.require("http://localhost:1234/v1/"), "chat/completions").toString())
                .isEqualTo("http://localhost:1234/v1/chat/completions");
        assertThat(BaseUrls.resolve(BaseUrls.require("https://openrouter.ai/api/v1"), "chat/completions").toString())
                .isEqualTo("https://openrouter.ai/api/v1/chat/completions");
    }

    @Test
    void theKeyComesFromGoldsmithThenOpenAiThenTheStore() {
        Map<String, String> both = Map.of("GOLDSMITH_API_KEY", " gs-key ", "OPENAI_API_KEY", "oa-key");
        assertThat(ApiKeys.resolve(both, Optional.of("stored"))).get()
                .isEqualTo(new ApiKey("gs-key", ApiKey.Source.ENVIRONMENT, "GOLDSMITH_API_KEY"));
        assertThat(ApiKeys.resolve(Map.of("GOLDSMITH_API_KEY", " ", "OPENAI_API_KEY", "oa-key"), Optional.empty()))
                .get().extracting(ApiKey::value, ApiKey::origin).containsExactly("oa-key", "OPENAI_API_KEY");
        ApiKey stored = ApiKeys.resolve(Map.of(), Optional.of("stored-key-123456")).orElseThrow();
        assertThat(stored.source()).isEqualTo(ApiKey.Source.SETTINGS);
        assertThat(stored.describeOrigin()).isEqualTo("the settings store");
        assertThat(stored.masked()).isEqualTo("****3456");
        assertThat(stored.toString()).doesNotContain("stored-key");
        assertThat(ApiKeys.resolve(Map.of(), Optional.of(""))).isEmpty();
    }

    @Test
    void theBundledLexiconHoldsHundredsOfSkillsAndMatchesWholePhrasesOnly() {
        SkillsLexicon lexicon = SkillsLexicon.bundled();

        assertThat(lexicon.size()).isGreaterThan(300);
        assertThat(lexicon.find("Ran project management for C++ and C# services on AWS; CI/CD via GitLab."))
                .containsExactly("Project Management", "C++", "C#", "AWS", "CI/CD", "GitLab");
        assertThat(lexicon.find("javascripts? no: JavaScript, not Java alone; ASP.NET; Sqlite")).containsExactly("JavaScript", "Java");
        assertThat(lexicon.find("Ran budgets and audits")).containsExactly("Audit");
    }
}
