package dev.goldsmith.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Writes the one JSON value a {@code --json} command prints on stdout. Besides the C0 controls JSON always escapes,
 * every character a terminal could act on ({@link TerminalText#isUnsafe}: DEL, C1 controls, bidirectional overrides)
 * is written as a <code>&#92;uXXXX</code> escape, so the output is safe to show as it is and parses to the exact texts.
 */
final class CliJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafe());
    }

    private CliJson() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON's standard escapes plus <code>&#92;uXXXX</code> for every other character a terminal could act on. */
    private static final class TerminalSafe extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        TerminalSafe() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch >= 0x80 && ch <= 0xffff && TerminalText.isUnsafe((char) ch)
                    ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
