package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids, names and contents are data, not terminal commands: human output shows control characters and escape
 * sequences visibly ({@code \x1b[2J}, {@code \n}); JSON output keeps the exact text (JSON escapes them itself).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class TerminalOutputTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();
    static final String ESC = "\u001b";
    static final String CONTENT = "Led " + ESC + "[2J" + ESC + "]0;pwned\u0007 the team\nsecond line\tand a tab\u009b31m"
            + " \u202eevil\u007f";

    @TempDir
    Path dir;
    TestStore db;

    @BeforeEach
    void importAHostileVault() throws IOException {
        db = store.fresh(dir);
        String file = JSON.writeValueAsString(JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("vault", JSON.createObjectNode()
                        .put("id", "v-" + ESC + "[31mred").put("name", "Name" + ESC + "[8m hidden")
                        .put("owner", "o\rwner"))
                .set("items", JSON.createArrayNode().add(JSON.createObjectNode().put("id", "pp-" + ESC + "[1A")
                        .put("type", "power_phrase").put("content", CONTENT).put("quality_tier", "bronze")
                        .set("keywords", JSON.createArrayNode().add("k" + ESC + "[5m")))));
        Path path = Files.writeString(dir.resolve("hostile.json"), file, StandardCharsets.UTF_8);
        CliRun imported = CliRun.run(db, "import", path.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertNoControls(imported.out());
        assertThat(imported.out()).contains("v-\\x1b[31mred", "Name\\x1b[8m hidden");
    }

    /** Nothing a terminal would act on: no C0 control but the line ends, no DEL, no C1 control, no bidi override. */
    static void assertNoControls(String text) {
        String withoutLineEnds = text.replace(System.lineSeparator(), "");
        assertThat(withoutLineEnds.codePoints().filter(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069)).as(text).isEmpty();
    }

    @Test
    void vaultsShowsTheIdNameAndOwnerVisibly() {
        CliRun run = CliRun.run(db, "vaults");
        assertThat(run.exitCode()).isZero();
        assertNoControls(run.out());
        assertThat(run.out()).contains("v-\\x1b[31mred", "Name\\x1b[8m hidden", "o\\rwner");
    }

    @Test
    void itemsShowsIdsContentsAndKeywordsVisibly() {
        CliRun run = CliRun.run(db, "items", "--vault", "v-" + ESC + "[31mred");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertNoControls(run.out());
        assertThat(run.out().lines()).hasSize(2);
        assertThat(run.out()).contains("pp-\\x1b[1A", "Led \\x1b[2J\\x1b]0;pwned\\x07 the team\\nsecond line\\tand a tab",
                "k\\x1b[5m");
    }

    @Test
    void jsonOutputKeepsTheExactTextsEscapedAsJson() throws IOException {
        CliRun vaults = CliRun.run(db, "vaults", "--json");
        CliRun items = CliRun.run(db, "items", "--vault", "v-" + ESC + "[31mred", "--json");
        for (CliRun run : new CliRun[] {vaults, items}) {
            assertThat(run.exitCode()).isZero();
            assertNoControls(run.out().replace("\n", ""));
        }
        assertThat(items.out()).contains("\\u001B[2J");
        JsonNode item = JSON.readTree(items.out()).get(0);
        assertThat(item.get("id").asText()).isEqualTo("pp-" + ESC + "[1A");
        assertThat(item.get("content").asText()).isEqualTo(CONTENT);
        assertThat(item.get("keywords").get(0).asText()).isEqualTo("k" + ESC + "[5m");
        assertThat(JSON.readTree(vaults.out()).get(0).get("name").asText()).isEqualTo("Name" + ESC + "[8m hidden");
    }

    @Test
    void errorsShowTheCulpritVisiblyToo() throws IOException {
        Path dup = Files.writeString(dir.resolve("dup.json"), "{\"vault\": {\"id\": \"v2\", \"name\": \"N\"}, \"items\": ["
                + "{\"id\": \"a\\u001b[2J\", \"type\": \"power_phrase\", \"content\": \"x\"},"
                + "{\"id\": \"a\\u001b[2J\", \"type\": \"power_phrase\", \"content\": \"y\"}]}");
        CliRun run = CliRun.run(db, "import", dup.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertNoControls(run.err());
        assertThat(run.err()).contains("items[1].id: 'a\\x1b[2J' is a duplicate");

        CliRun missing = CliRun.run(db, "items", "--vault", "x" + ESC + "]0;t\u0007");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertNoControls(missing.err());
        assertThat(missing.err()).contains("No vault with id 'x\\x1b]0;t\\x07'");
    }

    @Test
    void batchCommandsShowIdsVisiblyAndTheirJsonStaysExact() throws IOException {
        String vault = "v-" + ESC + "[31mred";
        CliRun enhance = CliRun.run(db, "enhance", "--vault", vault, "--json");
        assertThat(enhance.exitCode()).as(enhance.err()).isZero();
        assertNoControls(enhance.out().replace("\n", ""));
        assertNoControls(enhance.err().replace("\r", "").replace("\n", ""));
        String batch = JSON.readTree(enhance.out()).get("batch_operation_id").asText();
        assertThat(JSON.readTree(enhance.out()).get("vault_id").asText()).isEqualTo(vault);

        CliRun history = CliRun.run(db, "history");
        CliRun status = CliRun.run(db, "status", batch, "--items");
        for (CliRun run : new CliRun[] {history, status}) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertNoControls(run.out());
            assertThat(run.out()).contains("v-\\x1b[31mred");
        }
        assertThat(status.out()).contains("pp-\\x1b[1A");

        CliRun historyJson = CliRun.run(db, "history", "--json");
        CliRun statusJson = CliRun.run(db, "status", batch, "--items", "--json");
        for (CliRun run : new CliRun[] {historyJson, statusJson}) {
            assertThat(run.exitCode()).isZero();
            assertNoControls(run.out().replace("\n", ""));
        }
        assertThat(JSON.readTree(historyJson.out()).get(0).get("vault_id").asText()).isEqualTo(vault);
        assertThat(JSON.readTree(statusJson.out()).get("items").get(0).get("item_id").asText()).isEqualTo("pp-" + ESC + "[1A");
    }
}
