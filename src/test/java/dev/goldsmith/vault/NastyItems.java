package dev.goldsmith.vault;

import java.util.ArrayList;
import java.util.List;

/** Items whose texts break naive readers and writers: every quoting, line-end, script and size hazard. */
public final class NastyItems {

    private NastyItems() {
    }

    public static List<String> contents() {
        List<String> texts = new ArrayList<>(List.of(
                "Unicode: Zürich, São Paulo, 東京, Ελληνικά, עברית, हिन्दी, Ωmega",
                "Emoji 🚀👩🏽‍💻 and a flag 🇳🇬 and a family 👨‍👩‍👧‍👦",
                "Quotes \"double\", 'single', “curly” and a lone \" in the middle",
                "\"Starts and ends with quotes\"",
                "Line one\nLine two\n\nLine four",
                "Windows line ends\r\nsecond line\r\n",
                "A lone CR\rin the middle",
                "Tabs\tbetween\twords\t",
                "Backslashes \\ and \\n (not a newline) and \\\" and C:\\Users\\maya",
                "Commas, semicolons; both,; and ;; doubled",
                "  padded with spaces at both ends  ",
                "=SUM(A1:A2) looks like a formula",
                "# looks like a comment",
                "Control chars \u0001\u001f and a zero-width\u200bspace and BOM\ufeff inside",
                "Surrogate edge: 𝄞 musical symbol, 𠜎 CJK extension B"));
        texts.add(block("Led the quarterly planning process; ", 2_000));
        texts.add(block("Résumé, naïve café \"quoted\",\nnew line; ", 5_000));
        texts.add(block("🚀 emoji heavy text ", 10_000));
        texts.add("x".repeat(10_000));
        return texts;
    }

    public static List<List<String>> keywords() {
        return List.of(List.of(), List.of("C++", "R&D", "naïve", "emoji 🚀", "quote\"s", "comma, inside", "back\\slash"),
                List.of("leadership"), List.of("東京", "Zürich"));
    }

    /** Keywords only JSON can carry: a ';' inside, spaces at the ends. */
    public static List<String> jsonOnlyKeywords() {
        return List.of("a;b", " padded ");
    }

    public static List<VaultItem> items(String vaultId, boolean withScores) {
        List<String> contents = contents();
        List<List<String>> keywords = keywords();
        ItemType[] types = ItemType.values();
        QualityTier[] tiers = QualityTier.values();
        Double[] scores = {null, 0.0, 1.0, 0.1, 0.333333333333333, 0.75};
        List<VaultItem> items = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            items.add(new VaultItem(i % 5 == 4 ? "id with spaces, \"quotes\"; " + i : "item-" + i, vaultId,
                    types[i % types.length], contents.get(i), tiers[i % tiers.length],
                    keywords.get(i % keywords.size()), withScores ? scores[i % scores.length] : null, null, null));
        }
        return items;
    }

    /** {@code length} code points made of repeats of {@code unit}. */
    static String block(String unit, int length) {
        int[] points = unit.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < length; n++) {
            sb.appendCodePoint(points[n % points.length]);
        }
        return sb.toString();
    }
}
