package dev.goldsmith.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VaultCsvTest {

    static final Vault VAULT = new Vault("v-csv", "Csv Person", null, null, null);
    static final String HEADER = "id,type,content,quality_tier,keywords\r\n";

    static VaultFile read(String csv) {
        try {
            return VaultCsv.read(new StringReader(csv), VAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheDesignLayout() {
        VaultFile f = read(HEADER + "pp-1,power_phrase,\"Led a team of 5, shipped \"\"Atlas\"\"\",bronze,leadership; delivery ;\r\n"
                + ",hidden_competency,Calm in a crisis,,\r\n");
        assertThat(f.vault()).isEqualTo(VAULT);
        VaultItem first = f.items().get(0);
        assertThat(first.id()).isEqualTo("pp-1");
        assertThat(first.vaultId()).isEqualTo("v-csv");
        assertThat(first.content()).isEqualTo("Led a team of 5, shipped \"Atlas\"");
        assertThat(first.tier()).isEqualTo(QualityTier.BRONZE);
        assertThat(first.keywords()).containsExactly("leadership", "delivery");
        VaultItem second = f.items().get(1);
        assertThat(second.id()).matches("[0-9a-f-]{36}");
        assertThat(second.tier()).isEqualTo(QualityTier.ASSUMED);
        assertThat(second.keywords()).isEmpty();
        assertThat(second.confidenceScore()).isNull();
    }

    @Test
    void acceptsColumnsInAnyOrderABomBlankLinesAndAConfidenceColumn() {
        VaultFile f = read("\uFEFFcontent,type,confidence_score\n\n\"Two\nlines\",transferable_skill,0.25\n\n");
        assertThat(f.items()).singleElement().satisfies(item -> {
            assertThat(item.content()).isEqualTo("Two\nlines");
            assertThat(item.type()).isEqualTo(ItemType.TRANSFERABLE_SKILL);
            assertThat(item.confidenceScore()).isEqualTo(0.25);
        });
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("unknown tier, named by line and id", HEADER
                                + "pp-1,power_phrase,\"Two\r\nlines\",gold,\r\n"
                                + "pp-2,power_phrase,Fine,silver,\r\n"
                                + "pp-3,power_phrase,Bad,platinum,\r\n",
                        "line 5 (id 'pp-3'), quality_tier: 'platinum' is not one of assumed, bronze, silver, gold"),
                Arguments.of("unknown type", HEADER + ",skill,Text,,\r\n",
                        "line 2, type: 'skill' is not one of power_phrase, transferable_skill, hidden_competency"),
                Arguments.of("empty content", HEADER + "a,power_phrase,,,\r\n",
                        "line 2 (id 'a'), content: missing; every item needs some text"),
                Arguments.of("blank content", HEADER + "a,power_phrase,\"  \",,\r\n",
                        "line 2 (id 'a'), content: empty; every item needs some text"),
                Arguments.of("content too long", HEADER + "a,power_phrase," + "x".repeat(10_001) + ",,\r\n",
                        "line 2 (id 'a'), content: 10,001 characters is over the limit of 10,000"),
                Arguments.of("duplicate id", HEADER + "a,power_phrase,One,,\r\na,power_phrase,Two,,\r\n",
                        "line 3 (id 'a'), id: 'a' is a duplicate of line 2 (id 'a'); ids must be unique within a file"),
                Arguments.of("too few fields", HEADER + "a,power_phrase,One\r\n",
                        "line 2: 3 fields where the header has 5; quote any field that holds a comma"),
                Arguments.of("too many fields", HEADER + "a,power_phrase,One, two,,\r\n",
                        "line 2: 6 fields where the header has 5"),
                Arguments.of("unknown column", "id,type,content,tier\r\n",
                        "line 1, header: unknown column 'tier'; accepted columns are id, type, content, quality_tier,"),
                Arguments.of("missing content column", "id,type\r\n",
                        "line 1, header: column 'content' is missing; the header is id,type,content,quality_tier,keywords"),
                Arguments.of("repeated column", "type,content,type\r\n", "line 1, header: column 'type' appears twice"),
                Arguments.of("bad confidence", "type,content,confidence_score\r\npower_phrase,x,high\r\n",
                        "line 2, confidence_score: 'high' is not a number from 0 to 1"),
                Arguments.of("confidence out of range", "type,content,confidence_score\r\npower_phrase,x,2\r\n",
                        "line 2, confidence_score: '2' is not a number from 0 to 1"),
                Arguments.of("unclosed quote", HEADER + "a,power_phrase,\"never closed,,\r\nb,c\r\n",
                        "malformed CSV in the record starting at line 2"),
                Arguments.of("empty file", "", "the file is empty; a CSV vault file starts with the header"),
                Arguments.of("blank file", "\r\n\r\n", "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsAWholeFileWithAMessageNamingTheLine(String what, String csv, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(VaultFileException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void writesTheDesignHeaderAndReadsNastyTextsBackUnchanged() {
        List<VaultItem> items = NastyItems.items("v-csv", false);
        StringWriter out = new StringWriter();
        VaultCsv.write(items, out);
        assertThat(out.toString()).startsWith("id,type,content,quality_tier,keywords\r\n");
        VaultFile back = read(out.toString());
        assertThat(back.items()).isEqualTo(items);
        StringWriter again = new StringWriter();
        VaultCsv.write(back.items(), again);
        assertThat(again.toString()).isEqualTo(out.toString());
    }

    @Test
    void refusesToWriteKeywordsItCouldNotReadBack() {
        VaultItem item = new VaultItem("pp-9", "v", ItemType.POWER_PHRASE, "x", QualityTier.GOLD,
                List.of("ok", "R&D; strategy"), null, null, null);
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> VaultCsv.write(List.of(item), out)).isInstanceOf(VaultFileException.class)
                .hasMessage("item 'pp-9', keyword 'R&D; strategy': holds ';', which separates keywords in CSV; "
                        + "export as JSON to keep it exactly");
        assertThat(out.toString()).isEmpty();
        VaultItem padded = new VaultItem("pp-10", "v", ItemType.POWER_PHRASE, "x", QualityTier.GOLD,
                List.of(" padded"), null, null, null);
        assertThatThrownBy(() -> VaultCsv.checkWritable(List.of(padded)))
                .hasMessageContaining("has spaces at an end, which CSV import trims");
    }

    static final String TRIGGERS = "=+-@\t\r'";

    /** Texts that start (or not) with everything a spreadsheet may run, mixed with quoting and line hazards. */
    static List<String> formulaLikeTexts() {
        List<String> texts = new ArrayList<>(List.of("=SUM(A1:A2)", "+1", "-1", "@cmd", "\tTabbed", "\rReturn",
                "'quoted", "''twice", "'=already guarded", "'", "''", "'+", "=", "-", "=HYPERLINK(\"http://x\",\"y\")",
                "- a bullet", "plain", " =leading space", "a=b", "@@", "'\t", "\r\n=next line"));
        texts.add("=" + "x".repeat(9_999)); // at the length limit: the guard does not count
        for (String nasty : NastyItems.contents()) {
            texts.add(nasty);
            if (nasty.codePointCount(0, nasty.length()) >= 9_999) {
                continue;
            }
            for (char t : TRIGGERS.toCharArray()) {
                texts.add(t + nasty);
                texts.add("'" + t + nasty);
            }
        }
        String alphabet = TRIGGERS + "\n \",;aé🚀\\";
        int[] points = alphabet.codePoints().toArray();
        Random random = new Random(13);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int len = 1 + random.nextInt(8); len > 0; len--) {
                sb.appendCodePoint(points[random.nextInt(points.length)]);
            }
            texts.add(sb.toString());
        }
        return texts.stream().filter(t -> !t.isBlank()).toList();
    }

    @Test
    void formulaLikeCellsAreGuardedOnExportAndEveryTextRoundTripsExactly() throws IOException {
        List<String> texts = formulaLikeTexts();
        List<VaultItem> items = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String keyword = text.replace(";", "").trim();
            List<String> keywords = keyword.isEmpty() ? List.of() : List.of(keyword, "k" + i);
            items.add(new VaultItem(text + "#" + i, VAULT.id(), ItemType.POWER_PHRASE, text, QualityTier.SILVER,
                    keywords, null, null, null));
        }
        StringWriter out = new StringWriter();
        VaultCsv.write(items, out);

        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = new CsvMapper().readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(out.toString())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            VaultItem item = items.get(i);
            String[] row = rows.get(i + 1);
            assertGuarded(row[0], item.id());
            assertGuarded(row[2], item.content());
            assertGuarded(row[4], String.join(";", item.keywords()));
        }
        assertThat(read(out.toString()).items()).isEqualTo(items);
    }

    /** A raw cell never starts with a formula character unless it is the guard in front of the exact text. */
    private static void assertGuarded(String cell, String text) {
        boolean risky = !text.isEmpty() && TRIGGERS.indexOf(text.charAt(0)) >= 0;
        assertThat(cell).as("cell for %s", ItemRules.quote(text)).isEqualTo(risky ? "'" + text : text);
    }

    @Test
    void aHandWrittenApostropheBeforeOrdinaryTextIsKept() {
        VaultFile f = read(HEADER + "'pp-1,power_phrase,'Tis the season,bronze,'n' roll\r\n"
                + "'=id,power_phrase,'=1+2,silver,'-dash\r\n");
        assertThat(f.items().get(0)).extracting(VaultItem::id, VaultItem::content, VaultItem::keywords)
                .containsExactly("'pp-1", "'Tis the season", List.of("'n' roll"));
        assertThat(f.items().get(1)).extracting(VaultItem::id, VaultItem::content, VaultItem::keywords)
                .containsExactly("=id", "=1+2", List.of("-dash"));
    }

    @Test
    void aMissingTierOrKeywordsColumnOrAnEmptyTierCellIsLeftOut() {
        VaultFile noColumns = read("id,type,content\r\npp-1,power_phrase,Led\r\n");
        assertThat(noColumns.leftOut("pp-1")).containsExactlyInAnyOrder(ItemField.QUALITY_TIER, ItemField.KEYWORDS);
        assertThat(noColumns.items().get(0).tier()).as("the default, for a new item").isEqualTo(QualityTier.ASSUMED);

        VaultFile cells = read(HEADER + "pp-1,power_phrase,Led,,\r\npp-2,power_phrase,Ran,gold,\r\n");
        assertThat(cells.leftOut("pp-1")).containsExactly(ItemField.QUALITY_TIER);
        assertThat(cells.carries("pp-1", ItemField.KEYWORDS)).as("an empty keywords cell means none").isTrue();
        assertThat(cells.leftOut("pp-2")).isEmpty();
    }
}
