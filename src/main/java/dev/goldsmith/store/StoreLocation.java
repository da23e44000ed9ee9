package dev.goldsmith.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the store is: an SQLite file, or a PostgreSQL database (the team store, DESIGN §3). Parsed from what the user
 * gave {@code --db}, {@code GOLDSMITH_DB} or the settings screen. Anything that looks like a URL but is not a
 * PostgreSQL one ({@code mysql://…}, {@code http://…}, {@code jdbc:mysql:…}) is refused: it would otherwise become a
 * folder named after its scheme and a private, empty SQLite file.
 */
public sealed interface StoreLocation permits StoreLocation.SqliteFile, PostgresUrl {

    /** A scheme of two or more characters and a colon: {@code C:\…} stays a Windows path. */
    Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    /** Shown to the user: the file, or the URL without any password. */
    String label();

    /** An SQLite database file. */
    record SqliteFile(Path file) implements StoreLocation {
        public SqliteFile {
            file = file.toAbsolutePath();
        }

        @Override
        public String label() {
            return file.toString();
        }
    }

    /**
     * Parses a store location.
     *
     * @param origin where the text came from, for the error ({@code --db}, {@code GOLDSMITH_DB})
     * @throws StoreException one sentence naming the culprit (never echoing a password)
     */
    static StoreLocation parse(String text, String origin) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new StoreException(origin + " is empty; give a database file or a postgresql:// URL.");
        }
        var scheme = SCHEME.matcher(value);
        if (!scheme.find()) {
            return new SqliteFile(Path.of(value));
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("postgresql") || name.equals("postgres")) {
            return PostgresUrl.parse(value, origin);
        }
        if (name.equals("jdbc")) {
            String rest = value.substring(scheme.end());
            if (rest.toLowerCase(Locale.ROOT).startsWith("postgresql:")) {
                return PostgresUrl.parse(rest, origin);
            }
            String vendor = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
            throw new StoreException(origin + " names a " + Texts.visible(vendor) + " database (jdbc:" + Texts.visible(vendor)
                    + ":…); Goldsmith stores its data in an SQLite file or in PostgreSQL (postgresql://USER@HOST:PORT/DBNAME).");
        }
        throw new StoreException(origin + " '" + Texts.visible(safe(value, name)) + "' is neither a file path nor a PostgreSQL URL"
                + " (postgresql://USER@HOST:PORT/DBNAME); for a file whose name holds a colon, write ./" + "NAME.");
    }

    /** The text without its user-info part, which may hold a password. */
    private static String safe(String value, String scheme) {
        int start = value.indexOf("//");
        int at = value.indexOf('@');
        if (start >= 0 && at > start) {
            int end = value.indexOf('/', start + 2);
            if (end < 0 || at < end) {
                return value.substring(0, start + 2) + "…" + value.substring(at);
            }
        }
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }

    /** Small text helpers for messages. */
    final class Texts {
        private Texts() {
        }

        /** Control characters shown as escapes, so a message cannot act on a terminal. */
        static String visible(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || cp == 0x202e || cp == 0x202d) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.toString();
        }
    }
}
