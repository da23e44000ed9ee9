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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class BatchCommandsTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> STATUS_FIELDS = List.of("batch_operation_id", "vault_id", "operation_type", "status",
            "total_items", "processed_items", "successful_items", "failed_items", "skipped_items", "unchanged_items", "progress",
            "is_complete", "error_message", "created_at", "updated_at", "completed_at", "prompt_tokens",
            "completion_tokens");

    @TempDir
    Path dir;
    TestStore db;

    @BeforeEach
    void setUp() throws IOException {
        db = store.fresh(dir);
        Path file = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration of 12 services"},
                           {"id": "b", "type": "transferable_skill", "content": "Was responsible for SQL reporting",
                            "quality_tier": "bronze"},
                           {"id": "g", "type": "hidden_competency", "content": "Calm under pressure", "quality_tier": "gold"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void enhanceRunsABatchAndPrintsTheStatusObject() throws IOException {
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode status = JSON.readTree(run.out());
        assertThat(fields(status)).containsExactlyElementsOf(STATUS_FIELDS);
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("total_items").asInt()).isEqualTo(3);
        assertThat(status.get("skipped_items").asInt()).isEqualTo(1);
        assertThat(status.get("processed_items").asInt()).isEqualTo(3);
        assertThat(status.get("progress").asDouble()).isEqualTo(100.0);
        assertThat(status.get("is_complete").asBoolean()).isTrue();
        assertThat(run.err()).contains("Completed 3/3 (100%) ✓2 ✗0 ↷1");

        JsonNode items = JSON.readTree(CliRun.run(db, "items", "--vault", "v1", "--json").out());
        assertThat(items.get(0).get("content").asText()).as("the rules provider rewrote the weak opener")
                .doesNotStartWith("Helped with").endsWith("the migration of 12 services");
        assertThat(items.get(0).get("quality_tier").asText()).isEqualTo("bronze");
    }

    @Test
    void statusWithItemsAndHistoryShowTheBatch() throws IOException {
        String id = JSON.readTree(CliRun.run(db, "enhance", "--vault", "v1", "--items", "a,g", "--json").out())
                .get("batch_operation_id").asText();

        JsonNode status = JSON.readTree(CliRun.run(db, "status", id, "--items", "--json").out());
        assertThat(status.get("items")).hasSize(2);
        assertThat(fields(status.get("items").get(0)))
                .containsExactly("item_id", "status", "attempts", "last_error", "http_status", "latency_ms");
        assertThat(status.get("items").get(1).get("status").asText()).isEqualTo("skipped");

        CliRun.run(db, "enhance", "--vault", "v1", "--operation", "keyword_suggest", "--json");
        JsonNode history = JSON.readTree(CliRun.run(db, "history", "--json").out());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("operation_type").asText()).as("newest first").isEqualTo("keyword_suggest");
        assertThat(JSON.readTree(CliRun.run(db, "history", "--status", "failed", "--json").out())).isEmpty();
        assertThat(CliRun.run(db, "history", "--limit", "1", "--json").out()).contains("keyword_suggest")
                .doesNotContain(id);
        assertThat(CliRun.run(db, "status", id).out()).contains("completed", "✓ 1");
    }

    @Test
    void aBudgetWithoutPricesIsWarnedAbout() {
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--max-cost", "0.50");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning: --max-cost cannot stop this batch: the token prices are 0");
    }

    @Test
    void badRequestsExitTwoWithOneSentenceAndChangeNothing() throws IOException {
        assertInvalid(CliRun.run(db, "enhance", "--vault", "nope"), "No vault with id 'nope'");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--items", "a,zz"), "has no item 'zz'");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--concurrency", "0"), "between 1 and 64, not 0");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--rpm", "-5"), "not -5");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--max-attempts", "-1"), "not -1");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "skynet"),
                "The provider 'skynet' is not one of rules, openai, azure, anthropic.");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "openai", "--base-url",
                "http://example.com/v1"), "http");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "openai"),
                "No API key is set for api.openai.com: set GOLDSMITH_API_KEY or OPENAI_API_KEY, or save one in the settings.");
        assertInvalid(CliRun.run(db, Map.of("OPENAI_API_KEY", "sk-openai-0123456789"), "enhance", "--vault", "v1",
                "--provider", "anthropic"), "No API key is set for api.anthropic.com: set GOLDSMITH_API_KEY or"
                + " ANTHROPIC_API_KEY, or save one in the settings.");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "azure", "--base-url",
                "https://acme.openai.azure.com"), "The Azure OpenAI deployment is empty");
        assertInvalid(CliRun.run(db, "status", "nope"), "No batch with id 'nope'");
        assertInvalid(CliRun.run(db, "history", "--status", "done"), "--status must be one of");
        assertThat(JSON.readTree(CliRun.run(db, "history", "--json").out())).as("nothing recorded").isEmpty();

        String id = JSON.readTree(CliRun.run(db, "enhance", "--vault", "v1", "--json").out())
                .get("batch_operation_id").asText();
        assertInvalid(CliRun.run(db, "resume", id), "is completed; only cancelled, interrupted or failed batches");
        assertInvalid(CliRun.run(db, "retry-failed", id), "has no failed items left to retry");
        assertThat(JSON.readTree(CliRun.run(db, "history", "--json").out())).hasSize(1);
    }

    @Test
    void anAnswerIdenticalToItsItemIsCountedUnchangedInTheJsonTheLineAndTheSummary() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            ScriptedProviderServer provider = new ScriptedProviderServer();
            provider.then("u1", ScriptedProviderServer.completion("{\"enhanced_content\": \"Led the [[u1]] rollout\","
                    + " \"new_tier\": \"silver\", \"suggested_keywords\": [\"delivery\"]}"));
            server.setDispatcher(provider);
            server.start();
            Path file = Files.writeString(dir.resolve("u.json"), """
                    {"vault": {"id": "u", "name": "Unchanged"},
                     "items": [{"id": "u1", "type": "power_phrase", "content": "Led the [[u1]] rollout",
                                "quality_tier": "silver", "keywords": ["delivery"]},
                               {"id": "u2", "type": "power_phrase", "content": "Helped with [[u2]]", "quality_tier": "bronze"}]}
                    """, StandardCharsets.UTF_8);
            assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();

            CliRun run = CliRun.run(db, Map.of("GOLDSMITH_API_KEY", "sk-test-unchanged-0123"), "enhance", "--vault", "u",
                    "--provider", "openai", "--base-url", server.url("/v1").toString(), "--model", "m");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(" completed: ✓ 1 enhanced, = 1 unchanged, ✗ 0 failed, ↷ 0 skipped of 2 in ");
            assertThat(run.err()).contains("Completed 2/2 (100%) ✓1 =1 ✗0 ↷0");
            JsonNode status = JSON.readTree(CliRun.run(db, "history", "--vault", "u", "--json").out()).get(0);
            assertThat(status.get("unchanged_items").asInt()).isEqualTo(1);
            assertThat(status.get("successful_items").asInt()).as("unchanged counts as successful too").isEqualTo(2);
            String id = status.get("batch_operation_id").asText();
            assertThat(CliRun.run(db, "status", id).out()).contains("✓ 1 = 1 ✗ 0 ↷ 0");
            assertThat(CliRun.run(db, "history", "--vault", "u").out()).contains("✓1 =1 ✗0 ↷0");
        }
    }

    @Test
    void aBaseUrlOrAModelMeansTheOpenAiProviderAndIsNeverIgnored() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            ScriptedProviderServer provider = new ScriptedProviderServer();
            server.setDispatcher(provider);
            server.start();
            Map<String, String> env = Map.of("GOLDSMITH_API_KEY", "sk-test-implied-0123");
            String url = server.url("/v1").toString();

            CliRun run = CliRun.run(db, env, "enhance", "--vault", "v1", "--base-url", url, "--model", "m", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(provider.total()).as("both non-gold items went to the server, not the rules engine").isEqualTo(2);
            assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--model", "gpt-4o"),
                    "No API key is set for api.openai.com");
            assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "rules", "--base-url", url),
                    "--base-url is for a provider that calls a server, and --provider rules is the offline engine:"
                            + " leave it out, or use --provider openai, azure or anthropic.");
            assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "rules", "--model", "m"),
                    "--model is for a provider that calls a server");
            assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--provider", "openai", "--deployment", "d"),
                    "--deployment is for Azure OpenAI, and the provider is openai: leave it out, or use --provider azure.");

            provider.then("?", ScriptedProviderServer.error(401, "Incorrect API key provided"));
            CliRun refused = CliRun.run(db, env, "enhance", "--vault", "v1", "--base-url", url, "--model", "m",
                    "--concurrency", "1", "--json");
            String id = JSON.readTree(refused.out()).get("batch_operation_id").asText(); // failed, resumable
            // resume and retry-failed share these options (OldBatchCommand)
            assertInvalid(CliRun.run(db, "resume", id, "--provider", "rules", "--model", "m"), "--model is for");
            assertInvalid(CliRun.run(db, "resume", id, "--api-version", "2024-06-01"),
                    "The Azure OpenAI base URL is empty");
            assertThat(CliRun.run(db, "status", id, "--json").out()).as("nothing changed").contains("\"failed\"");
        }
    }

    @Test
    void aTimeoutOutOfRangeIsRefusedNamingTheOptionAndTheRange() {
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--timeout-ms", "3600001"),
                "--timeout-ms must be between 1 and 3600000 milliseconds (1 hour), not 3600001.");
        assertInvalid(CliRun.run(db, "enhance", "--vault", "v1", "--timeout-ms", "0"),
                "--timeout-ms must be between 1 and 3600000 milliseconds (1 hour), not 0.");
    }

    private static void assertInvalid(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines().count()).as("one sentence: %s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.out()).isEmpty();
    }
}
