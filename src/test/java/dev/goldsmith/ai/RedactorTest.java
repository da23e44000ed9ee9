package dev.goldsmith.ai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 9.14: any run of 8 or more characters of the key is hidden, wherever it stands in a message. */
class RedactorTest {

    private static final String KEY = "gsx_9fK2mQ7pL4vT8wZ1";

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Invalid key gsx_9fK2mQ7pL4vT8wZ1.               | Invalid key [redacted].
            Invalid key ****mQ7pL4vT8wZ1.                   | Invalid key ****[redacted].
            Key ends in 4vT8wZ1x, which is unknown           | Key ends in 4vT8wZ1x, which is unknown
            Key ends in L4vT8wZ1, which is unknown           | Key ends in [redacted], which is unknown
            prefix gsx_9fK2 and suffix pL4vT8wZ1            | prefix [redacted] and suffix [redacted]
            glued:9fK2mQ7pxyz                               | glued:[redacted]xyz
            seven 9fK2mQ7 is not enough                     | seven 9fK2mQ7 is not enough
            twice 9fK2mQ7p and again 9fK2mQ7pL4             | twice [redacted] and again [redacted]
            nothing here                                    | nothing here
            also sk-proj-abcd1234 is key-shaped             | also [redacted] is key-shaped
            """)
    void everyRunOfEightCharactersOfTheKeyIsHidden(String text, String scrubbed) {
        assertThat(new Redactor(KEY).scrub(text)).isEqualTo(scrubbed);
    }

    @ParameterizedTest
    @CsvSource({"short, my short key, my [redacted] key", "'', my key, my key"})
    void aShortKeyIsHiddenWholeAndNoKeyHidesNothingButKeyShapes(String key, String text, String scrubbed) {
        assertThat(new Redactor(key).scrub(text)).isEqualTo(scrubbed);
    }
}
