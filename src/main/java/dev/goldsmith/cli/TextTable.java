package dev.goldsmith.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain left-aligned table for human output: a header row and columns padded to their widest cell. Every cell is
 * printed through {@link TerminalText#visible}, so a control character or escape sequence in the data shows as
 * {@code \x1b[2J} instead of acting on the terminal.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            text[i] = cells[i] == null ? "" : TerminalText.visible(String.valueOf(cells[i]));
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - width(row[i]) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** The text on one line (line breaks shown as {@code \n}), cut to {@code max} characters with an ellipsis. */
    static String clip(String text, int max) {
        String oneLine = TerminalText.visible(text).replaceAll(" +", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, max - 1)) + "…";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
