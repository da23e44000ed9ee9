package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.ProviderKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code enhance --provider anthropic|azure} end to end (issue 13): whole batches through the command line and the real
 * providers against a loopback server speaking their APIs, each sent its own key — never another provider's — and a
 * resumed Azure batch that goes back to its deployment and api-version.
 */
class ProvidersEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OPENAI_KEY = "sk-openai-NOT-FOR-OTHERS-0123456789";
    static final String ANTHROPIC_KEY = "sk-ant-e2e-SECRET-0123456789";
    static final String AZURE_KEY = "az-e2e-SECRET-0123456789abcdef";

    @StartStop
    final MockWebServer server = new MockWebServer();
    final WireStandIn provider = new WireStandIn();

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() throws IOException {
        server.setDispatcher(provider);
        db = dir.resolve("g.db");
        Path file = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Providers"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with [[a]] the migration", "quality_tier": "bronze"},
                           {"id": "b", "type": "transferable_skill", "content": "Was responsible for [[b]] reporting"},
                           {"id": "c", "type": "power_phrase", "content": "Worked on [[c]] onboarding", "quality_tier": "bronze"},
                           {"id": "g", "type": "hidden_competency", "content": "Calm under pressure", "quality_tier": "gold"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private static final Map<String, String> ALL_KEYS = Map.of("OPENAI_API_KEY", OPENAI_KEY,
            "ANTHROPIC_API_KEY", ANTHROPIC_KEY, "AZURE_OPENAI_API_KEY", AZURE_KEY);

    @Test
    void anAnthropicBatchSpeaksTheMessagesApiWithTheAnthropicKeyAndCompletes() throws IOException {
        CliRun run = CliRun.run(db, ALL_KEYS, "enhance", "--vault", "v1", "--provider", "anthropic",
                "--base-url", server.url("/v1").toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode status = JSON.readTree(run.out());
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("successful_items").asInt()).isEqualTo(3);
        assertThat(status.get("skipped_items").asInt()).as("gold is skipped").isEqualTo(1);
        assertThat(status.get("prompt_tokens").asLong()).as("Anthropic's input_tokens").isEqualTo(3 * 210);
        assertThat(status.get("completion_tokens").asLong()).as("Anthropic's output_tokens").isEqualTo(3 * 48);
        assertThat(provider.seen()).hasSize(3).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/v1/messages");
            assertThat(r.xApiKey()).as("Anthropic's own key, never OPENAI_API_KEY").isEqualTo(ANTHROPIC_KEY);
            assertThat(r.bearer()).isNull();
            assertThat(r.anthropicVersion()).isEqualTo("2023-06-01");
            assertThat(r.model()).as("the provider's default model").isEqualTo("claude-haiku-4-5");
        });
        JsonNode items = JSON.readTree(CliRun.run(db, "items", "--vault", "v1", "--json").out());
        assertThat(items.get(0).get("content").asText()).isEqualTo("Led [[a]] end to end, cutting cycle time by 30%");
        String id = status.get("batch_operation_id").asText();
        JsonNode again = JSON.readTree(CliRun.run(db, "status", id, "--json").out());
        assertThat(again.get("status").asText()).isEqualTo("completed");
        assertThat(run.out() + run.err() + Files.readString(db, StandardCharsets.ISO_8859_1))
                .doesNotContain(ANTHROPIC_KEY).doesNotContain(OPENAI_KEY);
    }

    @Test
    void anAzureBatchGoesToItsDeploymentWithTheAzureKeyAndResumesThereWithNoOptions() throws IOException {
        provider.thenAnswer(ScriptedProviderServer.error(401, "Access denied due to invalid subscription key."));

        CliRun refused = CliRun.run(db, ALL_KEYS, "enhance", "--vault", "v1", "--provider", "azure",
                "--base-url", server.url("/").toString(), "--deployment", "prod-4o", "--api-version", "2024-06-01",
                "--concurrency", "1", "--json");

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(1);
        JsonNode failed = JSON.readTree(refused.out());
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("processed_items").asInt()).as("only the gold item, skipped").isEqualTo(1);
        String id = failed.get("batch_operation_id").asText();

        CliRun resumed = CliRun.run(db, ALL_KEYS, "resume", id, "--json");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode status = JSON.readTree(resumed.out());
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("successful_items").asInt()).isEqualTo(3);
        assertThat(provider.seen()).hasSize(4).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/openai/deployments/prod-4o/chat/completions");
            assertThat(r.query()).isEqualTo("api-version=2024-06-01");
            assertThat(r.apiKey()).as("Azure's own key").isEqualTo(AZURE_KEY);
            assertThat(r.bearer()).isNull();
            assertThat(r.xApiKey()).isNull();
        });
        assertThat(JSON.readTree(CliRun.run(db, "status", id, "--json").out()).get("status").asText())
                .isEqualTo("completed");
        assertThat(refused.out() + resumed.out() + resumed.err() + Files.readString(db, StandardCharsets.ISO_8859_1))
                .doesNotContain(AZURE_KEY).doesNotContain(OPENAI_KEY);
    }

    @Test
    void providerCheckSpeaksEachProvidersWireWithItsKey() {
        CliRun anthropic = CliRun.run(db, ALL_KEYS, "provider-check", "--provider", "anthropic",
                "--base-url", server.url("/v1").toString());
        CliRun azure = CliRun.run(db, ALL_KEYS, "provider-check", "--base-url", server.url("/").toString(),
                "--deployment", "team-4o");

        assertThat(anthropic.exitCode()).as(anthropic.err()).isZero();
        assertThat(azure.exitCode()).as("--deployment alone means azure: %s", azure.err()).isZero();
        assertThat(provider.seen()).extracting(WireStandIn.Seen::path)
                .containsExactly("/v1/messages", "/openai/deployments/team-4o/chat/completions");
        assertThat(provider.seen().get(0).xApiKey()).isEqualTo(ANTHROPIC_KEY);
        assertThat(provider.seen().get(1).apiKey()).isEqualTo(AZURE_KEY);
        assertThat(provider.seen().get(1).query()).isEqualTo("api-version=2024-10-21");
    }

    @Test
    void theHelpNamesEveryProviderAndTheAzureOptions() {
        String ids = Arrays.stream(ProviderKind.values()).map(ProviderKind::id).collect(Collectors.joining("|"));
        for (String command : new String[] {"enhance", "resume", "retry-failed", "provider-check"}) {
            String usage = usage(command).replaceAll("\\s+", " ");
            assertThat(usage).as(command).contains("--provider=" + ids, "--deployment=NAME", "--api-version=V",
                    "ne of " + ProviderKind.ids() + ":");
        }
    }

    @Test
    void theHelpAndTheErrorNameEveryOperationFromTheType() {
        String ops = Arrays.stream(dev.goldsmith.ai.Operation.values()).map(dev.goldsmith.ai.Operation::wireName)
                .collect(Collectors.joining("|"));
        for (String command : new String[] {"enhance", "resume", "retry-failed", "estimate", "history"}) {
            assertThat(usage(command).replaceAll("\\s+", " ")).as(command).contains("--operation=" + ops);
        }
        CliRun bad = CliRun.run(db, "enhance", "--vault", "v1", "--operation", "summarise");
        assertThat(bad.exitCode()).isEqualTo(Cli.INVALID);
        assertThat(bad.err()).contains("--operation must be " + OperationNames.choices() + ", not 'summarise'.")
                .contains("enhance or keyword_suggest");
    }

    private static String usage(String command) {
        CommandLine cl = new CommandLine(new RootCommand(Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        return cl.getSubcommands().get(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }
}
