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
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole batches through the command line and the real OpenAI-compatible provider, against a loopback server. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class EndToEndTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "sk-e2e-SECRET-abcdef0123456789";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final ScriptedProviderServer provider = new ScriptedProviderServer();

    @TempDir
    Path dir;
    TestStore db;

    @BeforeEach
    void setUp() throws IOException {
        server.setDispatcher(provider);
        db = store.fresh(dir);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            items.append(i == 0 ? "" : ",").append("{\"id\": \"i").append(i)
                    .append("\", \"type\": \"power_phrase\", \"content\": \"Helped with release [[i").append(i)
                    .append("]] of the “Orion” app — 😀 \\\"quoted\\\"\", \"quality_tier\": \"bronze\"}");
        }
        Path file = Files.writeString(dir.resolve("v.json"),
                "{\"vault\": {\"id\": \"v1\", \"name\": \"E2E\"}, \"items\": [" + items + "]}", StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private CliRun enhance(String... more) {
        String[] base = {"enhance", "--vault", "v1", "--provider", "openai", "--base-url", server.url("/v1").toString(),
                "--model", "e2e", "--base-delay-ms", "5", "--json"};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return CliRun.run(db, Map.of("GOLDSMITH_API_KEY", KEY), args);
    }

    @Test
    void mixedFaultsAreRetriedOrFailedAsDesignedAndTheCountsAddUp() throws IOException {
        provider.then("i1", ScriptedProviderServer.error(500, "boom"))
                .then("i1", ScriptedProviderServer.error(503, "busy"))
                .then("i2", ScriptedProviderServer.error(429, "slow down").newBuilder()
                        .setHeader("retry-after-ms", "30").build())
                .then("i3", ScriptedProviderServer.error(400, "This item was flagged by moderation"))
                .then("i5", ScriptedProviderServer.completion("Sure! Here you go: not json at all"))
                .then("i5", ScriptedProviderServer.completion("{\"enhanced_content\": \"\", \"new_tier\": \"silver\"}"))
                .then("i5", ScriptedProviderServer.completion("{\"new_tier\": \"platinum\", \"enhanced_content\": \"x\"}"))
                .then("i7", new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body("{\"choices\": []}").build());

        CliRun run = enhance("--concurrency", "4");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode status = JSON.readTree(run.out());
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("successful_items").asInt()).isEqualTo(10);
        assertThat(status.get("failed_items").asInt()).isEqualTo(2);
        assertThat(status.get("processed_items").asInt()).isEqualTo(12);
        assertThat(status.get("prompt_tokens").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(provider.calls("i1")).as("two 5xx then success").isEqualTo(3);
        assertThat(provider.calls("i2")).as("429 then success").isEqualTo(2);
        assertThat(provider.calls("i3")).as("400 is not retried").isEqualTo(1);
        assertThat(provider.calls("i5")).as("three invalid answers").isEqualTo(3);

        String id = status.get("batch_operation_id").asText();
        JsonNode items = JSON.readTree(CliRun.run(db, "status", id, "--items", "--json").out()).get("items");
        JsonNode i2 = items.get(2);
        assertThat(i2.get("status").asText()).isEqualTo("succeeded");
        assertThat(i2.get("attempts").asInt()).as("the 429 did not use an attempt").isEqualTo(1);
        JsonNode i3 = items.get(3);
        assertThat(i3.get("status").asText()).isEqualTo("failed");
        assertThat(i3.get("http_status").asInt()).isEqualTo(400);
        assertThat(i3.get("last_error").asText()).contains("flagged by moderation");
        assertThat(items.get(5).get("last_error").asText()).contains("platinum");

        JsonNode vault = JSON.readTree(CliRun.run(db, "items", "--vault", "v1", "--json").out());
        assertThat(vault.get(0).get("content").asText()).isEqualTo("Led [[i0]] end to end, cutting cycle time by 30%");
        assertThat(vault.get(0).get("quality_tier").asText()).isEqualTo("silver");
        assertThat(vault.get(3).get("quality_tier").asText()).as("failed items are untouched").isEqualTo("bronze");

        String everything = run.out() + run.err() + CliRun.run(db, "history", "--json").out()
                + CliRun.run(db, "status", id, "--items", "--json").out() + db.contents();
        assertThat(everything).doesNotContain(KEY);
    }

    @Test
    void aRefusedKeyStopsTheBatchAsFailedWithItemsStillPending() throws IOException {
        provider.then("i0", ScriptedProviderServer.error(401, "Incorrect API key provided"));
        for (int i = 1; i < 12; i++) {
            provider.then("i" + i, ScriptedProviderServer.error(401, "Incorrect API key provided"));
        }

        CliRun run = enhance("--concurrency", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        JsonNode status = JSON.readTree(run.out());
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("error_message").asText()).isNotBlank();
        assertThat(status.get("processed_items").asInt()).isZero();
        assertThat(provider.total()).as("stopped at the first 401: %s", provider).isEqualTo(1);
        assertThat(run.err()).contains("goldsmith: ").doesNotContain(KEY);
    }
}
