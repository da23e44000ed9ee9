package dev.goldsmith.cli;

/**
 * Text from the store or a file made safe to print on a terminal: ids, names, contents and error messages are data,
 * and a control character or escape sequence in them must not clear the screen, retitle the window or hide text.
 * Such characters are shown visibly instead: {@code \n}, {@code \r}, {@code \t}, {@code \x1b} (other C0 controls and
 * DEL), <code>&#92;u009b</code> (C1 controls, the bidirectional overrides and isolates, the line and paragraph separators).
 * Everything else, backslashes included, is left as it is.
 */
final class TerminalText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /** {@code text} with every character a terminal would act on written out visibly. */
    static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String shown = shown(c);
            if (shown != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (shown != null) {
                    sb.append(shown);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Whether a terminal could act on {@code c} (the characters {@link #visible} writes out). */
    static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029';
    }

    private static String shown(char c) {
        if (!isUnsafe(c)) {
            return null;
        }
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x80 ? "\\x" + HEX[c >> 4] + HEX[c & 0xf]
                    : "\\u" + HEX[c >> 12] + HEX[(c >> 8) & 0xf] + HEX[(c >> 4) & 0xf] + HEX[c & 0xf];
        };
    }
}
