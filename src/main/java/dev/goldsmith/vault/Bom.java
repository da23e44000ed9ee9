package dev.goldsmith.vault;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/** The UTF-8 byte order mark some editors (Excel, Notepad) put at the start of a text file: skipped on reading. */
final class Bom {

    private static final int BOM = '\uFEFF';

    private Bom() {
    }

    /** {@code in} without a leading byte order mark, if it has one. */
    static Reader skipped(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != BOM) {
            reader.unread(first);
        }
        return reader;
    }
}
