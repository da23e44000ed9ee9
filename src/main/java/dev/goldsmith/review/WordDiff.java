package dev.goldsmith.review;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word-level diff of two texts, for a screen to render: runs of equal, deleted and inserted text that, read in
 * order, give back both texts exactly — the equal and deleted runs make the before, the equal and inserted runs the
 * after — whitespace and punctuation included. Words, runs of whitespace and single punctuation marks are compared as
 * units (java-diff-utils' Myers diff); a change never splits a word. A run of whitespace alone between two changes is
 * folded into them, so "Helped with" → "Led" reads as one change, not two. Within a change the deleted run comes first.
 */
public final class WordDiff {

    /** What a run is. */
    public enum Kind {
        /** In both texts. */
        EQUAL,
        /** Only in the before. */
        DELETED,
        /** Only in the after. */
        INSERTED
    }

    /** A stretch of text of one kind; never empty. */
    public record Run(Kind kind, String text) {
        public Run {
            Objects.requireNonNull(kind, "kind");
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a run has text");
            }
        }
    }

    /** A word (letters, digits, with inner apostrophes: "don't"), a run of whitespace, or any one other character. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}_]+(?:['’][\\p{L}\\p{M}\\p{N}_]+)*|\\s+|.", Pattern.DOTALL);

    private WordDiff() {
    }

    /** The runs that turn {@code before} into {@code after}; empty when both are empty. */
    public static List<Run> of(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        List<Run> tokens = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int at = delta.getSource().getPosition();
            for (; next < at; next++) {
                tokens.add(new Run(Kind.EQUAL, a.get(next)));
            }
            delta.getSource().getLines().forEach(t -> tokens.add(new Run(Kind.DELETED, t)));
            delta.getTarget().getLines().forEach(t -> tokens.add(new Run(Kind.INSERTED, t)));
            next = at + delta.getSource().size();
        }
        for (; next < a.size(); next++) {
            tokens.add(new Run(Kind.EQUAL, a.get(next)));
        }
        return trimmed(grouped(absorbLoneSpaces(tokens)));
    }

    /** The before text the runs stand for. */
    public static String before(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        runs.stream().filter(r -> r.kind() != Kind.INSERTED).forEach(r -> s.append(r.text()));
        return s.toString();
    }

    /** The after text the runs stand for. */
    public static String after(List<Run> runs) {
        StringBuilder s = new StringBuilder();
        runs.stream().filter(r -> r.kind() != Kind.DELETED).forEach(r -> s.append(r.text()));
        return s.toString();
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** An equal run of whitespace alone, with changes on both sides, becomes part of the change: deleted and inserted. */
    private static List<Run> absorbLoneSpaces(List<Run> tokens) {
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Run t = tokens.get(i);
            boolean lone = t.kind() == Kind.EQUAL && t.text().isBlank() && i > 0 && i + 1 < tokens.size()
                    && tokens.get(i - 1).kind() != Kind.EQUAL && tokens.get(i + 1).kind() != Kind.EQUAL;
            if (lone) {
                out.add(new Run(Kind.DELETED, t.text()));
                out.add(new Run(Kind.INSERTED, t.text()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /** Adjacent equal runs joined; each stretch of changes as one deleted run then one inserted run. */
    private static List<Run> grouped(List<Run> tokens) {
        List<Run> out = new ArrayList<>();
        StringBuilder equal = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        for (Run t : tokens) {
            if (t.kind() == Kind.EQUAL) {
                flushChange(out, deleted, inserted);
                equal.append(t.text());
            } else {
                flush(out, Kind.EQUAL, equal);
                (t.kind() == Kind.DELETED ? deleted : inserted).append(t.text());
            }
        }
        flushChange(out, deleted, inserted);
        flush(out, Kind.EQUAL, equal);
        return List.copyOf(out);
    }

    /**
     * Whitespace that a change's deleted and inserted runs both start or end with is no change: it moves out to the
     * equal text beside them ("Helped with " → "Led " reads "Helped with" → "Led", then " the").
     */
    private static List<Run> trimmed(List<Run> runs) {
        List<Run> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            boolean change = r.kind() == Kind.DELETED && i + 1 < runs.size() && runs.get(i + 1).kind() == Kind.INSERTED;
            if (!change) {
                out.add(r);
                continue;
            }
            String d = r.text();
            String ins = runs.get(++i).text();
            String lead = commonWhitespace(d, ins, true);
            String trail = commonWhitespace(d.substring(lead.length()), ins.substring(lead.length()), false);
            d = d.substring(lead.length(), d.length() - trail.length());
            ins = ins.substring(lead.length(), ins.length() - trail.length());
            StringBuilder equal = new StringBuilder(lead);
            flush(out, Kind.EQUAL, equal);
            StringBuilder deleted = new StringBuilder(d);
            StringBuilder inserted = new StringBuilder(ins);
            flushChange(out, deleted, inserted);
            flush(out, Kind.EQUAL, new StringBuilder(trail));
        }
        List<Run> joined = new ArrayList<>();
        for (Run r : out) {
            Run last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && last.kind() == r.kind()) {
                joined.set(joined.size() - 1, new Run(r.kind(), last.text() + r.text()));
            } else {
                joined.add(r);
            }
        }
        return List.copyOf(joined);
    }

    /** The whitespace both texts start (or end) with, never all of either. */
    private static String commonWhitespace(String a, String b, boolean leading) {
        int n = 0;
        int max = Math.min(a.length(), b.length()) - 1;
        while (n < max) {
            char x = leading ? a.charAt(n) : a.charAt(a.length() - 1 - n);
            char y = leading ? b.charAt(n) : b.charAt(b.length() - 1 - n);
            if (x != y || !Character.isWhitespace(x)) {
                break;
            }
            n++;
        }
        return leading ? a.substring(0, n) : a.substring(a.length() - n);
    }

    private static void flushChange(List<Run> out, StringBuilder deleted, StringBuilder inserted) {
        flush(out, Kind.DELETED, deleted);
        flush(out, Kind.INSERTED, inserted);
    }

    private static void flush(List<Run> out, Kind kind, StringBuilder text) {
        if (!text.isEmpty()) {
            out.add(new Run(kind, text.toString()));
            text.setLength(0);
        }
    }
}
