package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.TableSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class VaultCommandsTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = """
            {"vault": {"id": "v-jordan", "name": "Jordan Lee", "owner": "jordan@example.com"},
             "items": [{"id": "pp-1", "type": "power_phrase", "content": "Led a team of 5 🚀",
                        "quality_tier": "bronze", "keywords": ["leadership"], "confidence_score": 0.6},
                       {"id": "ts-1", "type": "transferable_skill", "content": "SQL, \\"Excel\\"\\nand Python"},
                       {"id": "hc-1", "type": "hidden_competency", "content": "Calm", "quality_tier": "gold"}]}
            """;

    @TempDir
    Path dir;
    TestStore db;

    @BeforeEach
    void setUp() {
        db = store.fresh(dir);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private CliRun run(String... args) {
        return CliRun.run(db, args);
    }

    @Test
    void anEmptyDatabaseListsNoVaultsAndSeedsNothing() throws IOException {
        CliRun run = run("vaults", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).isArray()).isTrue();
        assertThat(JSON.readTree(run.out())).isEmpty();
        assertThat(run("vaults").out()).contains("No vaults yet");
    }

    @Test
    void importThenVaultsAndItemsPrintTheDesignShapes() throws IOException {
        CliRun imported = run("import", write("jordan.json", FILE).toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("3 added");

        JsonNode vaults = JSON.readTree(run("vaults", "--json").out());
        assertThat(vaults).hasSize(1);
        JsonNode v = vaults.get(0);
        assertThat(fieldNames(v)).containsExactly("id", "name", "owner", "item_count", "tiers");
        assertThat(v.get("id").asText()).isEqualTo("v-jordan");
        assertThat(v.get("name").asText()).isEqualTo("Jordan Lee");
        assertThat(v.get("owner").asText()).isEqualTo("jordan@example.com");
        assertThat(v.get("item_count").asInt()).isEqualTo(3);
        assertThat(fieldNames(v.get("tiers"))).containsExactly("assumed", "bronze", "silver", "gold");
        assertThat(v.get("tiers").get("assumed").asInt()).isEqualTo(1);
        assertThat(v.get("tiers").get("bronze").asInt()).isEqualTo(1);
        assertThat(v.get("tiers").get("silver").asInt()).isZero();
        assertThat(v.get("tiers").get("gold").asInt()).isEqualTo(1);

        CliRun items = run("items", "--vault", "v-jordan", "--json");
        assertThat(items.exitCode()).isZero();
        JsonNode list = JSON.readTree(items.out());
        assertThat(list).hasSize(3);
        JsonNode first = list.get(0);
        assertThat(fieldNames(first)).containsExactly("id", "type", "content", "quality_tier", "keywords",
                "confidence_score", "last_updated_at");
        assertThat(first.get("id").asText()).isEqualTo("pp-1");
        assertThat(first.get("type").asText()).isEqualTo("power_phrase");
        assertThat(first.get("content").asText()).isEqualTo("Led a team of 5 🚀");
        assertThat(first.get("quality_tier").asText()).isEqualTo("bronze");
        assertThat(first.get("keywords").get(0).asText()).isEqualTo("leadership");
        assertThat(first.get("confidence_score").asDouble()).isEqualTo(0.6);
        assertThat(Instant.parse(first.get("last_updated_at").asText())).isNotNull();
        JsonNode second = list.get(1);
        assertThat(second.get("content").asText()).isEqualTo("SQL, \"Excel\"\nand Python");
        assertThat(second.get("quality_tier").asText()).isEqualTo("assumed");
        assertThat(second.get("keywords")).isEmpty();
        assertThat(second.get("confidence_score").isNull()).isTrue();
    }

    @Test
    void humanOutputIsATable() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        assertThat(run("vaults").out()).contains("ID", "NAME", "ITEMS", "GOLD", "v-jordan", "Jordan Lee");
        String items = run("items", "--vault", "v-jordan").out();
        assertThat(items.lines()).hasSize(4);
        assertThat(items).contains("pp-1", "bronze", "SQL, \"Excel\"\\nand Python"); // the line break shown, not made
    }

    @Test
    void anUnknownVaultExitsTwoWithOneSentence() throws IOException {
        for (String[] args : List.of(new String[] {"items", "--vault", "x"}, new String[] {"items", "--vault", "x", "--json"},
                new String[] {"export", "--vault", "x"})) {
            CliRun run = run(args);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("goldsmith: No vault with id 'x'; run 'goldsmith vaults' to list them."
                    + System.lineSeparator());
        }
        Path out = dir.resolve("x.json");
        assertThat(run("export", "--vault", "x", "--out", out.toString()).exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("items").exitCode()).isEqualTo(2);
        assertThat(run("export", "--vault", "v", "--format", "xml").err()).contains("--format: 'xml' is not one of json, csv.");
        assertThat(run("import", dir.resolve("missing.json").toString()).err()).contains("missing.json: no such file.");
    }

    @Test
    void exportWritesJsonToStdoutThatImportsBackExactly() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        CliRun exported = run("export", "--vault", "v-jordan");
        assertThat(exported.exitCode()).isZero();
        JsonNode file = JSON.readTree(exported.out());
        assertThat(fieldNames(file)).containsExactly("vault", "items");
        assertThat(fieldNames(file.get("items").get(0)))
                .containsExactly("id", "type", "content", "quality_tier", "keywords", "confidence_score");
        assertThat(file.get("vault")).isEqualTo(JSON.readTree(FILE).get("vault"));
        assertThat(file.get("items").get(0)).isEqualTo(JSON.readTree(FILE).get("items").get(0));
        assertThat(file.get("items").get(1).get("quality_tier").asText()).isEqualTo("assumed");

        Path again = write("again.json", exported.out());
        Path otherDb = dir.resolve("other.db");
        assertThat(CliRun.run(otherDb, "import", again.toString()).exitCode()).isZero();
        assertThat(CliRun.run(otherDb, "export", "--vault", "v-jordan").out()).isEqualTo(exported.out());
    }

    @Test
    void exportToACsvFileAndImportItUnderANewVault() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        Path csv = dir.resolve("jordan.csv");
        CliRun exported = run("export", "--vault", "v-jordan", "--out", csv.toString());
        assertThat(exported.exitCode()).isZero();
        assertThat(Files.readString(csv)).startsWith("id,type,content,quality_tier,keywords\r\n");
        assertThat(run("import", csv.toString(), "--vault", "v-copy", "--name", "Copy").exitCode()).isZero();
        JsonNode original = JSON.readTree(run("items", "--vault", "v-jordan", "--json").out());
        JsonNode copy = JSON.readTree(run("items", "--vault", "v-copy", "--json").out());
        for (int i = 0; i < original.size(); i++) {
            for (String field : List.of("id", "type", "content", "quality_tier", "keywords")) {
                assertThat(copy.get(i).get(field)).isEqualTo(original.get(i).get(field));
            }
        }
    }

    @Test
    void csvExportGuardsFormulasAndImportGivesBackTheExactTexts() throws IOException {
        run("import", write("risky.json", """
                {"vault": {"id": "v-risky", "name": "Risky"},
                 "items": [{"id": "-1", "type": "power_phrase", "content": "=HYPERLINK(\\"http://evil\\",\\"x\\")",
                            "keywords": ["@risk", "+1"]},
                           {"id": "'quoted", "type": "power_phrase", "content": "'=already an apostrophe"},
                           {"id": "tab", "type": "power_phrase", "content": "\\tcmd|' /C calc'!A0"}]}
                """).toString());
        Path csv = dir.resolve("risky.csv");
        assertThat(run("export", "--vault", "v-risky", "--out", csv.toString()).exitCode()).isZero();
        assertThat(Files.readString(csv)).isEqualTo("id,type,content,quality_tier,keywords\r\n"
                + "\"'-1\",power_phrase,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",assumed,\"'@risk;+1\"\r\n"
                + "\"''quoted\",power_phrase,\"''=already an apostrophe\",assumed,\r\n"
                + "tab,power_phrase,\"'\tcmd|' /C calc'!A0\",assumed,\r\n");

        assertThat(run("import", csv.toString(), "--vault", "v-back", "--name", "Back").exitCode()).isZero();
        JsonNode original = JSON.readTree(run("items", "--vault", "v-risky", "--json").out());
        JsonNode back = JSON.readTree(run("items", "--vault", "v-back", "--json").out());
        for (int i = 0; i < original.size(); i++) {
            for (String field : List.of("id", "content", "keywords")) {
                assertThat(back.get(i).get(field)).isEqualTo(original.get(i).get(field));
            }
        }
    }

    @Test
    void csvWithKeywordsHoldingSemicolonsIsRefusedOnExport() throws IOException {
        run("import", write("k.json", FILE.replace("[\"leadership\"]", "[\"R&D; strategy\"]")).toString());
        Path csv = dir.resolve("k.csv");
        CliRun run = run("export", "--vault", "v-jordan", "--out", csv.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Vault 'v-jordan' cannot be written as CSV: item 'pp-1', keyword 'R&D; strategy'");
        assertThat(csv).doesNotExist();
    }

    @Test
    void mergeUpdatesAndAddsItems() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        Path csv = write("more.csv", "id,type,content,quality_tier,keywords\npp-1,power_phrase,Led 7 people,silver,lead\n"
                + "pp-9,power_phrase,New one,,\n");
        CliRun merged = run("import", csv.toString(), "--vault", "v-jordan", "--merge");
        assertThat(merged.exitCode()).isZero();
        assertThat(merged.out()).contains("1 added, 1 updated, 0 unchanged");
        JsonNode v = JSON.readTree(run("vaults", "--json").out()).get(0);
        assertThat(v.get("name").asText()).isEqualTo("Jordan Lee");
        assertThat(v.get("item_count").asInt()).isEqualTo(4);
    }

    @Test
    void aCsvMergeWithoutTierOrKeywordColumnsLeavesThoseFieldsAsTheyAre() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        Path csv = write("content-only.csv", "id,type,content\npp-1,power_phrase,Led a team of 7\n"
                + "hc-1,hidden_competency,Calm\npp-9,power_phrase,Brand new\n");
        CliRun merged = run("import", csv.toString(), "--vault", "v-jordan", "--merge");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("1 added, 1 updated, 1 unchanged");

        JsonNode items = JSON.readTree(run("items", "--vault", "v-jordan", "--json").out());
        JsonNode pp1 = items.get(0);
        assertThat(pp1.get("content").asText()).isEqualTo("Led a team of 7");
        assertThat(pp1.get("quality_tier").asText()).as("not demoted").isEqualTo("bronze");
        assertThat(pp1.get("keywords")).extracting(JsonNode::asText).containsExactly("leadership");
        assertThat(pp1.get("confidence_score").asDouble()).isEqualTo(0.6);
        assertThat(items.get(2).get("quality_tier").asText()).as("the gold item stays gold").isEqualTo("gold");
        JsonNode added = items.get(3);
        assertThat(added.get("id").asText()).isEqualTo("pp-9");
        assertThat(added.get("quality_tier").asText()).as("a new item takes the default").isEqualTo("assumed");
        assertThat(added.get("keywords")).isEmpty();
    }

    @Test
    void aCsvMergeWithAnEmptyTierCellKeepsTheTierAndAnEmptyKeywordsCellClearsThem() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        Path csv = write("blank.csv", "id,type,content,quality_tier,keywords\npp-1,power_phrase,Led a team of 7,,\n");
        assertThat(run("import", csv.toString(), "--vault", "v-jordan", "--merge").exitCode()).isZero();
        JsonNode pp1 = JSON.readTree(run("items", "--vault", "v-jordan", "--json").out()).get(0);
        assertThat(pp1.get("quality_tier").asText()).isEqualTo("bronze");
        assertThat(pp1.get("keywords")).as("an empty cell is how export writes no keywords").isEmpty();
    }

    @Test
    void aJsonMergeLeavingOutTierKeywordsAndScoreKeepsThem() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        Path json = write("partial.json", """
                {"vault": {"id": "v-jordan", "name": "Jordan Lee", "owner": "jordan@example.com"},
                 "items": [{"id": "pp-1", "type": "power_phrase", "content": "Led a team of 7"},
                           {"id": "hc-1", "type": "hidden_competency", "content": "Calm", "quality_tier": null,
                            "keywords": null, "confidence_score": null},
                           {"id": "pp-9", "type": "power_phrase", "content": "Brand new"}]}
                """);
        CliRun merged = run("import", json.toString(), "--merge");
        assertThat(merged.exitCode()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("1 added, 1 updated, 1 unchanged");
        JsonNode items = JSON.readTree(run("items", "--vault", "v-jordan", "--json").out());
        assertThat(items.get(0).get("quality_tier").asText()).isEqualTo("bronze");
        assertThat(items.get(0).get("keywords")).extracting(JsonNode::asText).containsExactly("leadership");
        assertThat(items.get(0).get("confidence_score").asDouble()).isEqualTo(0.6);
        assertThat(items.get(2).get("quality_tier").asText()).isEqualTo("gold");
        assertThat(items.get(3).get("quality_tier").asText()).isEqualTo("assumed");
    }

    @Test
    void aJsonOrCsvFileWithAUtf8BomImports() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path json = dir.resolve("bom.json");
        Files.write(json, concat(bom, FILE.getBytes(StandardCharsets.UTF_8)));
        CliRun imported = run("import", json.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("3 added");

        Path csv = dir.resolve("bom.csv");
        Files.write(csv, concat(bom, "id,type,content\npp-7,power_phrase,From a spreadsheet\n"
                .getBytes(StandardCharsets.UTF_8)));
        CliRun csvImported = run("import", csv.toString(), "--vault", "v-jordan", "--merge");
        assertThat(csvImported.exitCode()).as(csvImported.err()).isZero();
        assertThat(JSON.readTree(run("items", "--vault", "v-jordan", "--json").out()).get(3).get("id").asText())
                .isEqualTo("pp-7");
    }

    @Test
    void aFolderGivenAsTheImportFileIsNamedAsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("vaults.json"));
        CliRun run = run("import", folder.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("goldsmith: " + folder + " is a folder, not a vault file; give the path of a "
                + ".json or .csv file." + System.lineSeparator());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void rejectedImportsExitTwoNameTheCulpritAndChangeNothing() throws IOException {
        run("import", write("jordan.json", FILE).toString());
        var before = TableSnapshot.of(db.open());
        String item = "{\"id\": \"pp-1\", \"type\": \"power_phrase\", \"content\": \"Changed\"}";
        List<String[]> cases = List.of(
                new String[] {write("exists.json", FILE).toString()},
                new String[] {write("tier.json", FILE.replace("\"gold\"", "\"platinum\"")).toString(), "--merge"},
                new String[] {write("type.json", FILE.replace("\"transferable_skill\"", "\"skill\"")).toString(), "--merge"},
                new String[] {write("empty.json", FILE.replace("\"Calm\"", "\"\"")).toString(), "--merge"},
                new String[] {write("long.json", FILE.replace("Calm", "x".repeat(10_001))).toString(), "--merge"},
                new String[] {write("dup.json", FILE.replace("\"ts-1\"", "\"pp-1\"")).toString(), "--merge"},
                new String[] {write("bad.json", FILE.substring(0, 100)).toString(), "--merge"},
                new String[] {write("kw.json", FILE.replace("[\"leadership\"]", "[1]")).toString(), "--merge"},
                new String[] {write("score.json", FILE.replace("0.6", "\"0.6\"")).toString(), "--merge"},
                new String[] {write("novault.json", "{\"items\": [" + item + "]}").toString(), "--merge"},
                new String[] {write("noname.json", "{\"vault\": {\"id\": \"v-jordan\"}, \"items\": []}").toString()},
                new String[] {write("items.csv", "id,type,content\npp-1,power_phrase,Changed\n").toString()},
                new String[] {dir.resolve("items.csv").toString(), "--vault", "v-new"},
                new String[] {write("late.csv", "type,content\npower_phrase,ok\npower_phrase,\n").toString(),
                        "--vault", "v-jordan", "--merge"},
                new String[] {write("latin1.json", "").toString()});
        Files.write(dir.resolve("latin1.json"), FILE.replace("Calm", "Calm \u00e9").getBytes(StandardCharsets.ISO_8859_1));
        for (String[] args : cases) {
            String[] full = new String[args.length + 1];
            full[0] = "import";
            System.arraycopy(args, 0, full, 1, args.length);
            CliRun run = run(full);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("goldsmith: ").doesNotContain("Exception")
                    .hasLineCount(1);
            assertThat(TableSnapshot.of(db.open())).as(String.join(" ", args)).isEqualTo(before);
        }
    }

    @Test
    void aJsonFileCanBeImportedUnderAnotherIdAndName() throws IOException {
        Path file = write("jordan.json", FILE);
        run("import", file.toString());
        CliRun copy = run("import", file.toString(), "--vault", "v-copy", "--name", "Jordan (copy)");
        assertThat(copy.exitCode()).isZero();
        JsonNode vaults = JSON.readTree(run("vaults", "--json").out());
        assertThat(vaults).extracting(v -> v.get("id").asText()).containsExactlyInAnyOrder("v-jordan", "v-copy");
        assertThat(JSON.readTree(run("items", "--vault", "v-copy", "--json").out())).hasSize(3);
    }

    @Test
    void aRejectionNamesTheFileItemFieldAndValue() throws IOException {
        CliRun run = run("import", write("tier.json", FILE.replace("\"gold\"", "\"platinum\"")).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("goldsmith: tier.json: items[2].quality_tier: 'platinum' is not one of assumed, "
                + "bronze, silver, gold" + System.lineSeparator());
        assertThat(JSON.readTree(run("vaults", "--json").out())).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }
}
