package dev.goldsmith.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VaultJsonTest {

    static final String VAULT = "{\"id\": \"v-jordan\", \"name\": \"Jordan Lee\", \"owner\": \"jordan@example.com\"}";

    static String file(String... items) {
        return "{\"vault\": " + VAULT + ", \"items\": [" + String.join(",", items) + "]}";
    }

    static VaultFile read(String json) {
        try {
            return VaultJson.read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsTheDesignExample() {
        VaultFile f = read(file("{\"id\": \"pp-1\", \"type\": \"power_phrase\", \"content\": \"Led a team of 5\","
                + " \"quality_tier\": \"bronze\", \"keywords\": [\"leadership\"], \"confidence_score\": 0.6}"));
        assertThat(f.vault().id()).isEqualTo("v-jordan");
        assertThat(f.vault().name()).isEqualTo("Jordan Lee");
        assertThat(f.vault().owner()).isEqualTo("jordan@example.com");
        VaultItem item = f.items().get(0);
        assertThat(item.id()).isEqualTo("pp-1");
        assertThat(item.vaultId()).isEqualTo("v-jordan");
        assertThat(item.type()).isEqualTo(ItemType.POWER_PHRASE);
        assertThat(item.content()).isEqualTo("Led a team of 5");
        assertThat(item.tier()).isEqualTo(QualityTier.BRONZE);
        assertThat(item.keywords()).containsExactly("leadership");
        assertThat(item.confidenceScore()).isEqualTo(0.6);
    }

    @Test
    void fillsDefaultsForOptionalFields() {
        VaultFile f = read(file("{\"type\": \"hidden_competency\", \"content\": \"Calm in a crisis\"}",
                "{\"type\": \"transferable_skill\", \"content\": \"SQL\", \"quality_tier\": null, \"keywords\": null}"));
        assertThat(f.items()).allSatisfy(item -> {
            assertThat(item.id()).matches("[0-9a-f-]{36}");
            assertThat(item.tier()).isEqualTo(QualityTier.ASSUMED);
            assertThat(item.keywords()).isEmpty();
            assertThat(item.confidenceScore()).isNull();
        });
        assertThat(f.items().get(0).id()).isNotEqualTo(f.items().get(1).id());
    }

    @Test
    void anEmptyItemListAndAMissingOwnerAreFine() {
        VaultFile f = read("{\"vault\": {\"id\": \"v\", \"name\": \"N\"}, \"items\": []}");
        assertThat(f.vault().owner()).isNull();
        assertThat(f.items()).isEmpty();
    }

    static Stream<Arguments> rejections() {
        String ok = "\"type\": \"power_phrase\", \"content\": \"Led a team\"";
        return Stream.of(
                Arguments.of("unknown tier", file("{" + ok + "}", "{" + ok + ", \"quality_tier\": \"platinum\"}"),
                        "items[1].quality_tier: 'platinum' is not one of assumed, bronze, silver, gold"),
                Arguments.of("unknown type", file("{\"type\": \"hobby\", \"content\": \"x\"}"),
                        "items[0].type: 'hobby' is not one of power_phrase, transferable_skill, hidden_competency"),
                Arguments.of("missing type", file("{\"content\": \"x\"}"),
                        "items[0].type: missing; expected one of power_phrase, transferable_skill, hidden_competency"),
                Arguments.of("empty content", file("{\"type\": \"power_phrase\", \"content\": \"\"}"),
                        "items[0].content: empty; every item needs some text"),
                Arguments.of("blank content", file("{\"type\": \"power_phrase\", \"content\": \" \\n\\t \"}"),
                        "items[0].content: empty; every item needs some text"),
                Arguments.of("missing content", file("{\"type\": \"power_phrase\"}"),
                        "items[0].content: missing; every item needs some text"),
                Arguments.of("content too long", file("{\"type\": \"power_phrase\", \"content\": \"" + "é".repeat(10_001) + "\"}"),
                        "items[0].content: 10,001 characters is over the limit of 10,000"),
                Arguments.of("duplicate id", file("{\"id\": \"pp-3\", " + ok + "}", "{\"id\": \"x\", " + ok + "}",
                        "{\"id\": \"pp-3\", " + ok + "}"),
                        "items[2].id: 'pp-3' is a duplicate of items[0]; ids must be unique within a file"),
                Arguments.of("blank id", file("{\"id\": \"\", " + ok + "}"),
                        "items[0].id: '' is blank; give the item an id or leave the field out to have one made"),
                Arguments.of("number id", file("{\"id\": 7, " + ok + "}"), "items[0].id: 7 is a number, not a string"),
                Arguments.of("content not a string", file("{\"type\": \"power_phrase\", \"content\": [\"x\"]}"),
                        "items[0].content: an array was given, not a string"),
                Arguments.of("keywords not strings", file("{" + ok + ", \"keywords\": [\"sql\", 3]}"),
                        "items[0].keywords[1]: 3 is a number, not a string"),
                Arguments.of("keywords not an array", file("{" + ok + ", \"keywords\": \"sql;python\"}"),
                        "items[0].keywords: 'sql;python' is a string, not an array of strings"),
                Arguments.of("blank keyword", file("{" + ok + ", \"keywords\": [\"sql\", \" \"]}"),
                        "items[0].keywords[1]: ' ' is blank; a keyword needs some text"),
                Arguments.of("confidence a string", file("{" + ok + ", \"confidence_score\": \"high\"}"),
                        "items[0].confidence_score: 'high' is a string, not a number from 0 to 1"),
                Arguments.of("confidence above 1", file("{" + ok + ", \"confidence_score\": 1.5}"),
                        "items[0].confidence_score: 1.5 is not a number from 0 to 1"),
                Arguments.of("confidence below 0", file("{" + ok + ", \"confidence_score\": -0.1}"),
                        "items[0].confidence_score: -0.1 is not a number from 0 to 1"),
                Arguments.of("unknown item field", file("{" + ok + ", \"qualty_tier\": \"gold\"}"),
                        "items[0]: unknown field 'qualty_tier'; accepted fields are confidence_score, content, id, "
                                + "keywords, quality_tier, type"),
                Arguments.of("item not an object", file("\"just text\""), "items[0]: 'just text' is a string, not an object"),
                Arguments.of("missing vault", "{\"items\": []}",
                        "vault: missing; the file needs a 'vault' object with an id and a name"),
                Arguments.of("missing vault name", "{\"vault\": {\"id\": \"v\"}, \"items\": []}",
                        "vault.name: missing; a vault needs an id and a name"),
                Arguments.of("missing vault id", "{\"vault\": {\"name\": \"N\"}, \"items\": []}",
                        "vault.id: missing; a vault needs an id and a name"),
                Arguments.of("vault name a number", "{\"vault\": {\"id\": \"v\", \"name\": 5}, \"items\": []}",
                        "vault.name: 5 is a number, not a string"),
                Arguments.of("missing items", "{\"vault\": " + VAULT + "}",
                        "items: missing; the file needs an 'items' array (it may be empty)"),
                Arguments.of("items not an array", "{\"vault\": " + VAULT + ", \"items\": {}}",
                        "items: an object was given, not an array of items"),
                Arguments.of("root an array", "[]", "the file: an array was given, not an object"),
                Arguments.of("empty file", "  ", "the file is empty; a JSON vault file is an object with 'vault' and 'items'"),
                Arguments.of("bad JSON", "{\"vault\": " + VAULT + ",\n \"items\": [,]}",
                        "malformed JSON at line 2, column 12: Unexpected character (','"),
                Arguments.of("duplicate key", "{\"vault\": " + VAULT + ", \"vault\": " + VAULT + ", \"items\": []}",
                        "malformed JSON at line 1, column"),
                Arguments.of("trailing data", file() + " {}", "malformed JSON at line 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectsAWholeFileWithAMessageNamingTheCulprit(String what, String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(VaultFileException.class).hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void countsContentLengthInCharactersNotUtf16Units() {
        String tenThousandEmoji = "🚀".repeat(10_000);
        assertThat(read(file("{\"type\": \"power_phrase\", \"content\": \"" + tenThousandEmoji + "\"}")).items())
                .hasSize(1);
    }

    @Test
    void writesWhatItReadsBackUnchanged() {
        List<VaultItem> items = NastyItems.items("v-nasty", true);
        items = new java.util.ArrayList<>(items);
        items.add(new VaultItem("json-only", "v-nasty", ItemType.POWER_PHRASE, "Keywords only JSON keeps",
                QualityTier.GOLD, NastyItems.jsonOnlyKeywords(), 0.5, null, null));
        VaultFile original = new VaultFile(new Vault("v-nasty", "Nästy \"Vault\" 🚀", null, null, null), items);
        StringWriter out = new StringWriter();
        VaultJson.write(original, out);
        VaultFile back = read(out.toString());
        assertThat(back).isEqualTo(original);
        StringWriter again = new StringWriter();
        VaultJson.write(back, again);
        assertThat(again.toString()).isEqualTo(out.toString());
    }

    @Test
    void aLeadingByteOrderMarkIsSkipped() {
        VaultFile f = read("\uFEFF" + file("{\"id\": \"pp-1\", \"type\": \"power_phrase\", \"content\": \"Led\"}"));
        assertThat(f.vault().id()).isEqualTo("v-jordan");
        assertThat(f.items()).extracting(VaultItem::content).containsExactly("Led");
    }

    @Test
    void aTierOrKeywordsAbsentOrNullIsLeftOut() {
        VaultFile f = read(file("{\"id\": \"a\", \"type\": \"power_phrase\", \"content\": \"x\"}",
                "{\"id\": \"b\", \"type\": \"power_phrase\", \"content\": \"x\", \"quality_tier\": null, \"keywords\": []}",
                "{\"id\": \"c\", \"type\": \"power_phrase\", \"content\": \"x\", \"quality_tier\": \"gold\", \"keywords\": null}",
                "{\"id\": \"d\", \"type\": \"power_phrase\", \"content\": \"x\", \"quality_tier\": \"gold\", \"keywords\": []}"));
        assertThat(f.leftOut("a")).containsExactlyInAnyOrder(ItemField.QUALITY_TIER, ItemField.KEYWORDS);
        assertThat(f.leftOut("b")).containsExactly(ItemField.QUALITY_TIER);
        assertThat(f.leftOut("c")).containsExactly(ItemField.KEYWORDS);
        assertThat(f.leftOut("d")).isEmpty();
        assertThat(f.rebound("v-other", null).leftOut("a")).hasSize(2);
    }
}
