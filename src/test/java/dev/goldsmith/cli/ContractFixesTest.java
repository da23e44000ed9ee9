package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What driving every command of DESIGN §6 as a user would found off the contract: a cost that cannot be told read as
 * $0, number options refused with Java's words or the settings screen's ("Rpm must be"), a mistyped command said as an "unmatched argument at index 2", and
 * {@code migrate-store} naming {@code --db} for its {@code --from}.
 * ({@code --help} on every command is pinned by {@link DesignContractTest}.)
 */
class ContractFixesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() throws IOException {
        db = dir.resolve("g.db");
        Path file = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration of 12 services"},
                           {"id": "b", "type": "transferable_skill", "content": "Was responsible for SQL reporting"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    @Test
    void anEstimateWithNoPricesKnownHasNoCostNotZeroDollars() throws IOException {
        // before: "cost_usd": 0.000000 and "cost $0.0000", read as free, with nothing said about it
        CliRun run = CliRun.run(db, "estimate", "--vault", "v1", "--provider", "openai", "--model", "some-model", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode e = JSON.readTree(run.out());
        assertThat(e.has("cost_usd")).isTrue();
        assertThat(e.get("cost_usd").isNull()).as("unknown, not 0").isTrue();
        assertThat(e.get("prompt_tokens").asLong()).isPositive();
        assertThat(run.err()).contains("Cost: unknown, no token prices are set for openai some-model; set prices in Settings.\n");

        CliRun text = CliRun.run(db, "estimate", "--vault", "v1", "--provider", "openai", "--model", "some-model");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("  cost        unknown: set prices in Settings\n").doesNotContain("$0");
    }

    @Test
    void anEstimateAtAPresetsListPriceSaysSo() throws IOException {
        CliRun run = CliRun.run(db, "estimate", "--vault", "v1", "--provider", "openai", "--model", "gpt-4o-mini", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode e = JSON.readTree(run.out());
        assertThat(e.get("cost_usd").isNumber()).isTrue();
        assertThat(e.get("cost_usd").decimalValue()).isPositive();
        assertThat(run.err()).contains("Cost: at OpenAI's list prices for gpt-4o-mini as of 2026-12-01 ($0.15 in, $0.60 out"
                + " per million tokens); check them on its pricing page.");

        // a model a preset lists as free (run on one's own computer) costs a known 0
        CliRun local = CliRun.run(db, "estimate", "--vault", "v1", "--provider", "openai", "--base-url",
                "http://localhost:11434/v1", "--model", "llama3.2", "--json");
        assertThat(local.exitCode()).as(local.err()).isZero();
        assertThat(JSON.readTree(local.out()).get("cost_usd").isNumber()).isTrue();
        assertThat(local.err()).contains("Cost: none, Ollama lists llama3.2 as free.");

        // the rules engine uses no tokens: nothing to price, and that is known too
        CliRun rules = CliRun.run(db, "estimate", "--vault", "v1", "--provider", "rules", "--json");
        assertThat(JSON.readTree(rules.out()).get("cost_usd").decimalValue()).isZero();
        assertThat(rules.err()).doesNotContain("Cost:");
    }

    @Test
    void aBatchThatUsedTokensAtNoPricesSaysTheCostIsUnknown() throws IOException {
        // before: "Tokens: 200 in, 80 out; cost $0.0000."
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new ScriptedProviderServer());
            server.start();

            CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--provider", "openai", "--base-url",
                    server.url("/v1").toString(), "--model", "m1");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains(" Tokens: 200 in, 80 out; cost unknown: set prices in Settings.")
                    .doesNotContain("$0");
        }
    }

    @Test
    void numberOptionsAreRefusedInWordsNamingTheOption() {
        // before: "cannot convert 'abc' to BigDecimal (java.lang.NumberFormatException: Character a is neither a
        // decimal digit number, …)" and "'x' is not an int"
        CliRun cost = CliRun.run(db, "enhance", "--vault", "v1", "--max-cost", "abc");
        assertThat(cost.exitCode()).isEqualTo(2);
        assertThat(cost.err()).startsWith("goldsmith: Invalid value for option '--max-cost': 'abc' is not an amount such as"
                + " 2.50\n").doesNotContain("java.", "BigDecimal");

        CliRun limit = CliRun.run(db, "history", "--limit", "x");
        assertThat(limit.exitCode()).isEqualTo(2);
        assertThat(limit.err()).startsWith("goldsmith: Invalid value for option '--limit': 'x' is not a whole number\n");

        CliRun delay = CliRun.run(db, "estimate", "--vault", "v1", "--base-delay-ms", "1.5");
        assertThat(delay.exitCode()).isEqualTo(2);
        assertThat(delay.err()).startsWith("goldsmith: Invalid value for option '--base-delay-ms': '1.5' is not a whole number\n");
        assertThat(CliRun.run(db, "history", "--json").out().strip()).as("no batch was recorded").isEqualTo("[ ]");
    }

    @Test
    void anEngineOptionOutOfRangeIsNamedAsTyped() {
        // before: "Rpm must be …", "Max attempts must be …" — the settings screen's words, not the option given
        String[][] cases = {
                {"--concurrency", "0", "--concurrency must be between 1 and 64, not 0."},
                {"--rpm", "-1", "--rpm must be 0 (no cap) or a number of requests per minute up to 100000, not -1."},
                {"--tpm", "-1", "--tpm must be 0 (no cap) or a number of tokens per minute up to 1000000000, not -1."},
                {"--max-attempts", "0", "--max-attempts must be between 1 and 20, not 0."},
                {"--max-cost", "-1", "--max-cost must be a positive amount of US dollars, not -1."}};
        for (String[] c : cases) {
            for (String command : new String[] {"enhance", "estimate"}) {
                CliRun run = CliRun.run(db, command, "--vault", "v1", c[0], c[1]);
                assertThat(run.exitCode()).as(command + " " + c[0]).isEqualTo(2);
                assertThat(run.err()).isEqualTo("goldsmith: " + c[2] + "\n");
            }
        }
        assertThat(CliRun.run(db, "history", "--json").out().strip()).as("no batch was recorded").isEqualTo("[ ]");
    }

    @Test
    void providerCheckRefusesOptionsTheProviderHasNoUseForAsTheEngineOptionsDo() {
        // before: "OK: the rules provider works offline …", exit 0 — --model and --deployment silently ignored
        CliRun model = CliRun.run(db, "provider-check", "--provider", "rules", "--model", "gpt-4o-mini");
        assertThat(model.exitCode()).isEqualTo(2);
        assertThat(model.err()).isEqualTo("goldsmith: --model is for a provider that calls a server, and --provider rules"
                + " is the offline engine: leave it out, or use --provider openai, azure or anthropic.\n");
        assertThat(model.out()).isEmpty();

        CliRun azure = CliRun.run(db, "provider-check", "--provider", "rules", "--deployment", "d");
        assertThat(azure.exitCode()).isEqualTo(2);
        assertThat(azure.err()).isEqualTo("goldsmith: --deployment is for Azure OpenAI, and the provider is rules: leave it"
                + " out, or use --provider azure.\n");
        CliRun both = CliRun.run(db, "provider-check", "--provider", "openai", "--deployment", "d", "--api-version", "v");
        assertThat(both.err()).isEqualTo("goldsmith: --deployment and --api-version are for Azure OpenAI, and the provider"
                + " is openai: leave them out, or use --provider azure.\n");
        assertThat(CliRun.run(db, "provider-check", "--provider", "rules").exitCode()).isZero();
    }

    @Test
    void aWordPicocliCannotPlaceIsNamedInOneSentence() {
        // before: "Unmatched argument at index 2: 'enhanse'" — an index counting --db and its value
        CliRun command = CliRun.run(db, "enhanse", "--vault", "v1");
        assertThat(command.exitCode()).isEqualTo(2);
        assertThat(command.err()).isEqualTo("goldsmith: 'enhanse' is not a goldsmith command; run 'goldsmith --help' to"
                + " list them.\n");

        CliRun sub = CliRun.run(db, "review", "approve", "b1");
        assertThat(sub.exitCode()).isEqualTo(2);
        assertThat(sub.err()).isEqualTo("goldsmith: 'approve' is not a goldsmith review command; run 'goldsmith review"
                + " --help' to list them.\n");

        CliRun extra = CliRun.run(db, "vaults", "extra");
        assertThat(extra.exitCode()).isEqualTo(2);
        assertThat(extra.err()).isEqualTo("goldsmith: goldsmith vaults: unexpected argument 'extra'.\n"
                + "Try 'goldsmith vaults --help' for usage.\n");
        assertThat(command.out() + sub.out() + extra.out()).isEmpty();
    }

    @Test
    void migrateStoreNamesFromForAFileThatIsNoDatabase() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.db"), "this is not a database");

        CliRun run = CliRun.run(db, "migrate-store", "--from", notes.toString(), "--to", "postgresql://nobody@127.0.0.1:1/team");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("goldsmith: " + notes.toAbsolutePath() + " is not a Goldsmith database (it is not"
                + " an SQLite file); choose another file with --from.\n");
        assertThat(Files.readString(notes)).isEqualTo("this is not a database");
    }
}
