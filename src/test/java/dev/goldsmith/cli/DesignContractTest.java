package dev.goldsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderKind;
import dev.goldsmith.store.ProposalStatus;
import dev.goldsmith.vault.VaultFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line of DESIGN §6 as written there — the synopsis, the engine options of issues 11 to 13, {@code --db}
 * and {@code migrate-store} of issue 14 — pinned against picocli's model of the commands, and every JSON object of §6
 * pinned field by field (names, order, types) from real runs. A change that drifts from the contract fails here.
 */
class DesignContractTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code option → takes a value?} per command, exactly as §6 writes the synopsis. */
    static final List<String> ENGINE = List.of("--operation=", "--provider=", "--base-url=", "--model=",
            "--concurrency=", "--rpm=", "--max-attempts=", "--base-delay-ms=", "--timeout-ms=", "--max-cost=",
            // "Engine options also take": issue 13, issue 11, issue 12
            "--deployment=", "--api-version=", "--tpm=", "--review");

    static final Map<String, List<String>> SYNOPSIS = synopsis();

    private static Map<String, List<String>> synopsis() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("vaults", List.of("--json"));
        s.put("items", List.of("--vault=", "--json"));
        s.put("import", List.of("FILE", "--vault=", "--name=", "--merge"));
        s.put("export", List.of("--vault=", "--format=", "--out="));
        s.put("enhance", with(List.of("--vault=", "--items=", "--json"), ENGINE));
        s.put("status", List.of("BATCH_ID", "--items", "--json"));
        s.put("history", List.of("--status=", "--limit=", "--json"));
        s.put("resume", with(List.of("BATCH_ID", "--json"), ENGINE));
        s.put("retry-failed", with(List.of("BATCH_ID", "--json"), ENGINE));
        s.put("provider-check", List.of("--provider=", "--base-url=", "--model=", "--deployment=", "--api-version="));
        s.put("estimate", with(List.of("--vault=", "--items=", "--json"), ENGINE));
        s.put("review list", List.of("--batch=", "--vault=", "--status=", "--json"));
        s.put("review accept", List.of("BATCH_ID", "--items=", "--json"));
        s.put("review reject", List.of("BATCH_ID", "--items=", "--json"));
        s.put("revert", List.of("BATCH_ID", "--json"));
        s.put("migrate-store", List.of("--from=", "--to="));
        return s;
    }

    private static List<String> with(List<String> own, List<String> more) {
        List<String> all = new ArrayList<>(own);
        all.addAll(more);
        return all;
    }

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() throws IOException {
        db = dir.resolve("g.db");
        Path file = Files.writeString(dir.resolve("v.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee", "owner": "jordan@example.com"},
                 "items": [{"id": "a", "type": "power_phrase", "content": "Helped with the migration of 12 services",
                            "confidence_score": 0.5},
                           {"id": "b", "type": "transferable_skill", "content": "Was responsible for SQL reporting",
                            "quality_tier": "bronze"},
                           {"id": "g", "type": "hidden_competency", "content": "Calm under pressure", "quality_tier": "gold"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", file.toString()).exitCode()).isZero();
    }

    private static CommandLine model() {
        PrintWriter none = new PrintWriter(new StringWriter());
        return new CommandLine(new RootCommand(Map.of(), none, none));
    }

    private static CommandSpec spec(String command) {
        CommandLine cl = model();
        for (String part : command.split(" ")) {
            cl = cl.getSubcommands().get(part);
            assertThat(cl).as("§6 command '%s'", command).isNotNull();
        }
        return cl.getCommandSpec();
    }

    @Test
    void everyCommandOfTheSynopsisExistsAndNoOtherTopLevelOne() {
        Set<String> written = SYNOPSIS.keySet().stream().map(c -> c.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(model().getSubcommands().keySet())).isEqualTo(written);
        assertThat(spec("review").subcommands().keySet()).containsExactlyInAnyOrder("list", "accept", "reject");
    }

    @Test
    void eachCommandTakesTheOptionsAsWrittenFlagsWithoutAValueOptionsWithOne() {
        for (Map.Entry<String, List<String>> command : SYNOPSIS.entrySet()) {
            CommandSpec spec = spec(command.getKey());
            List<String> positionals = spec.positionalParameters().stream().map(p -> p.paramLabel()).toList();
            for (String written : command.getValue()) {
                String what = "§6 " + command.getKey() + " " + written;
                if (!written.startsWith("--")) {
                    assertThat(positionals).as(what).containsExactly(written);
                    continue;
                }
                boolean takesValue = written.endsWith("=");
                OptionSpec option = spec.findOption(takesValue ? written.substring(0, written.length() - 1) : written);
                assertThat(option).as(what).isNotNull();
                assertThat(option.arity().max() > 0).as(what + " takes a value").isEqualTo(takesValue);
            }
            // every command is scripted against: --db anywhere, and --help on each of them
            assertThat(spec.findOption("--db")).as(command.getKey() + " --db").isNotNull();
            assertThat(spec.findOption("--help")).as(command.getKey() + " --help").isNotNull();
        }
        assertThat(model().getCommandSpec().findOption("--version")).isNotNull();
        assertThat(model().getCommandSpec().findOption("--db")).isNotNull();
    }

    @Test
    void requiredOptionsAreTheOnesTheSynopsisDoesNotBracket() {
        assertThat(spec("items").findOption("--vault").required()).isTrue();
        assertThat(spec("export").findOption("--vault").required()).isTrue();
        assertThat(spec("enhance").findOption("--vault").required()).isTrue();
        assertThat(spec("estimate").findOption("--vault").required()).isTrue();
        assertThat(spec("migrate-store").findOption("--from").required()).isTrue();
        assertThat(spec("migrate-store").findOption("--to").required()).isTrue();
        for (String bracketed : List.of("--items", "--operation", "--provider", "--model", "--max-cost", "--json")) {
            assertThat(spec("enhance").findOption(bracketed).required()).as(bracketed).isFalse();
        }
    }

    @Test
    void theChoicesWrittenInTheSynopsisAreTheOnesTaken() {
        assertThat(ProviderKind.values()).extracting(ProviderKind::id).containsExactly("rules", "openai", "azure", "anthropic");
        assertThat(spec("enhance").findOption("--provider").completionCandidates())
                .containsExactly("rules", "openai", "azure", "anthropic");
        assertThat(spec("enhance").findOption("--operation").completionCandidates()).containsExactly("enhance", "keyword_suggest");
        assertThat(Operation.values()).extracting(Operation::wireName).containsExactly("enhance", "keyword_suggest");
        for (String format : List.of("json", "csv")) {
            assertThat(VaultFormat.fromWire(format)).as(format).isPresent();
        }
        for (String status : List.of("proposed", "accepted", "rejected", "stale")) {
            assertThat(ProposalStatus.fromWire(status)).as(status).isPresent();
            CliRun run = CliRun.run(db, "review", "list", "--status", status, "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void everyCommandAnswersHelpOnStdoutWithExitZeroListingItsOptions() {
        // before: only the top level and provider-check took --help; `goldsmith enhance --help` exited 2 with "Unknown
        // option: '--help'" and then "Try 'goldsmith enhance --help' for usage."
        for (Map.Entry<String, List<String>> command : SYNOPSIS.entrySet()) {
            List<String> args = new ArrayList<>(List.of(command.getKey().split(" ")));
            args.add("--help");
            CliRun run = CliRun.run(db, args.toArray(String[]::new));
            assertThat(run.exitCode()).as(command.getKey() + " --help: " + run.err()).isZero();
            assertThat(run.out()).as(command.getKey() + " --help").startsWith("Usage: goldsmith " + command.getKey());
            for (String written : command.getValue()) {
                assertThat(run.out()).as(command.getKey() + " --help lists " + written)
                        .contains(written.equals("--review") ? "--[no-]review" // negatable: --review and --no-review
                                : written.startsWith("--") ? written.replace("=", "") : written);
            }
            assertThat(run.err()).isEmpty();
        }
        CliRun review = CliRun.run(db, "review", "--help");
        assertThat(review.exitCode()).isZero();
        assertThat(review.out()).contains("list", "accept", "reject");
        CliRun version = CliRun.run(db, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("goldsmith ");
    }

    @Test
    void exitCodesUnknownIdsAndMalformedInputExitTwoWithOneSentenceNamingThem() throws IOException {
        String[][] unknown = {
                {"nope", "items", "--vault", "nope"}, {"nope", "export", "--vault", "nope"},
                {"nope", "enhance", "--vault", "nope"}, {"nope", "estimate", "--vault", "nope"},
                {"zz", "enhance", "--vault", "v1", "--items", "a,zz"}, {"zz", "estimate", "--vault", "v1", "--items", "zz"},
                {"nope", "status", "nope"}, {"nope", "resume", "nope"}, {"nope", "retry-failed", "nope"},
                {"nope", "revert", "nope"}, {"nope", "review", "accept", "nope"}, {"nope", "review", "reject", "nope"},
                {"nope", "review", "list", "--batch", "nope"}, {"nope", "review", "list", "--vault", "nope"},
                {"bogus", "history", "--status", "bogus"}, {"bogus", "review", "list", "--status", "bogus"},
                {"xml", "export", "--vault", "v1", "--format", "xml"}, {"bogus", "enhance", "--vault", "v1", "--provider", "bogus"},
                {"bogus", "enhance", "--vault", "v1", "--operation", "bogus"}};
        String before = CliRun.run(db, "history", "--json").out() + CliRun.run(db, "items", "--vault", "v1", "--json").out();
        for (String[] c : unknown) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            List<String> withJson = new ArrayList<>(List.of(args));
            if (!args[0].equals("export")) {
                withJson.add("--json");
            }
            CliRun run = CliRun.run(db, withJson.toArray(String[]::new));
            String what = String.join(" ", withJson);
            assertThat(run.exitCode()).as(what).isEqualTo(2);
            assertThat(run.out()).as(what + ": nothing on stdout").isEmpty();
            assertThat(run.err()).as(what).startsWith("goldsmith: ").contains("'" + c[0] + "'").hasLineCount(1);
        }
        assertThat(CliRun.run(db, "history", "--json").out() + CliRun.run(db, "items", "--vault", "v1", "--json").out())
                .as("nothing was changed").isEqualTo(before);

        Path malformed = Files.writeString(dir.resolve("broken.json"), "{\"vault\": {\"id\": \"v2\",", StandardCharsets.UTF_8);
        CliRun imported = CliRun.run(db, "import", malformed.toString());
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).startsWith("goldsmith: broken.json: ").hasLineCount(1);
        assertThat(json("vaults", "--json")).as("nothing was imported").hasSize(1);

        CliRun usage = CliRun.run(db, "items");
        assertThat(usage.exitCode()).as("a required option missing").isEqualTo(2);
        assertThat(usage.err()).contains("--vault");
    }

    @Test
    void aBatchThatEndsFailedExitsOneWithItsStatusObjectAndTheReasonOnStderr() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--provider", "openai", "--base-url",
                "http://127.0.0.1:" + closed + "/v1", "--model", "m", "--max-attempts", "1", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        var parser = JSON.createParser(run.out());
        JsonNode status = JSON.readTree(parser);
        assertThat(parser.nextToken()).as("exactly one JSON value on stdout").isNull();
        assertStatusObject(status);
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(run.err()).contains("goldsmith: The server at 127.0.0.1:" + closed + " could not be reached");
    }

    // --- the JSON objects of §6, field by field ---

    static final List<String> STATUS = List.of("batch_operation_id", "vault_id", "operation_type", "status", "total_items",
            "processed_items", "successful_items", "failed_items", "skipped_items", "unchanged_items", "progress",
            "is_complete", "error_message", "created_at", "updated_at", "completed_at", "prompt_tokens",
            "completion_tokens");

    @Test
    void vaultsAndItems() throws IOException {
        JsonNode vaults = json("vaults", "--json");
        assertThat(vaults.isArray()).isTrue();
        JsonNode v = vaults.get(0);
        assertThat(fields(v)).containsExactly("id", "name", "owner", "item_count", "tiers");
        assertThat(fields(v.get("tiers"))).containsExactly("assumed", "bronze", "silver", "gold");
        assertThat(v.get("id").isTextual() && v.get("name").isTextual() && v.get("owner").isTextual()).isTrue();
        assertThat(v.get("item_count").isInt()).isTrue();
        v.get("tiers").forEach(n -> assertThat(n.isInt()).isTrue());

        JsonNode items = json("items", "--vault", "v1", "--json");
        assertThat(items.isArray()).isTrue();
        JsonNode i = items.get(0);
        assertThat(fields(i)).containsExactly("id", "type", "content", "quality_tier", "keywords", "confidence_score",
                "last_updated_at");
        assertThat(i.get("type").asText()).isEqualTo("power_phrase");
        assertThat(i.get("keywords").isArray()).isTrue();
        assertThat(i.get("confidence_score").isNumber()).isTrue();
        assertThat(items.get(1).get("confidence_score").isNull()).as("no score given").isTrue();
        assertThat(i.get("last_updated_at").isTextual()).isTrue();
    }

    @Test
    void theBatchStatusObjectOfEnhanceStatusHistoryResumeAndRetryFailed() throws IOException {
        JsonNode enhanced = json("enhance", "--vault", "v1", "--provider", "rules", "--json");
        assertStatusObject(enhanced);
        assertThat(enhanced.get("status").asText()).isEqualTo("completed");
        assertThat(enhanced.get("is_complete").asBoolean()).isTrue();
        assertThat(enhanced.get("error_message").isNull()).isTrue();
        assertThat(enhanced.get("completed_at").isTextual()).isTrue();
        String id = enhanced.get("batch_operation_id").asText();

        JsonNode status = json("status", id, "--json");
        assertThat(status).isEqualTo(enhanced);

        JsonNode withItems = json("status", id, "--items", "--json");
        assertThat(fields(withItems)).containsExactlyElementsOf(with(STATUS, List.of("items")));
        JsonNode item = withItems.get("items").get(0);
        assertThat(fields(item)).containsExactly("item_id", "status", "attempts", "last_error", "http_status", "latency_ms");
        assertThat(item.get("item_id").isTextual() && item.get("status").isTextual()).isTrue();
        assertThat(item.get("attempts").isInt()).isTrue();
        assertThat(item.get("last_error").isNull() || item.get("last_error").isTextual()).isTrue();
        withItems.get("items").forEach(n -> {
            assertThat(n.get("http_status").isNull() || n.get("http_status").isInt()).isTrue();
            assertThat(n.get("latency_ms").isNull() || n.get("latency_ms").isIntegralNumber()).isTrue();
        });

        JsonNode second = json("enhance", "--vault", "v1", "--provider", "rules", "--operation", "keyword_suggest", "--json");
        JsonNode history = json("history", "--json");
        assertThat(history.isArray()).isTrue();
        assertThat(history).hasSize(2);
        history.forEach(DesignContractTest::assertStatusObject);
        assertThat(history.get(0).get("batch_operation_id").asText()).as("newest first")
                .isEqualTo(second.get("batch_operation_id").asText());
        assertThat(json("history", "--status", "completed", "--limit", "1", "--json")).hasSize(1);
    }

    static void assertStatusObject(JsonNode b) {
        assertThat(fields(b)).containsExactlyElementsOf(STATUS);
        for (String text : List.of("batch_operation_id", "vault_id", "operation_type", "status", "created_at", "updated_at")) {
            assertThat(b.get(text).isTextual()).as(text).isTrue();
        }
        for (String count : List.of("total_items", "processed_items", "successful_items", "failed_items", "skipped_items",
                "unchanged_items", "prompt_tokens", "completion_tokens")) {
            assertThat(b.get(count).isIntegralNumber()).as(count).isTrue();
        }
        assertThat(b.get("progress").isNumber()).isTrue();
        assertThat(b.get("progress").asDouble()).isBetween(0.0, 100.0);
        assertThat(b.get("is_complete").isBoolean()).isTrue();
        assertThat(b.get("error_message").isNull() || b.get("error_message").isTextual()).isTrue();
        assertThat(b.get("completed_at").isNull() || b.get("completed_at").isTextual()).isTrue();
        assertThat(b.get("unchanged_items").asInt()).as("counted in successful_items too")
                .isLessThanOrEqualTo(b.get("successful_items").asInt());
    }

    @Test
    void reviewListAcceptRejectEstimateAndRevert() throws IOException {
        String id = json("enhance", "--vault", "v1", "--provider", "rules", "--review", "--json")
                .get("batch_operation_id").asText();

        JsonNode list = json("review", "list", "--batch", id, "--json");
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).as("the rules engine proposes a change for both non-gold items").isEqualTo(2);
        JsonNode p = list.get(0);
        assertThat(fields(p)).containsExactly("batch_operation_id", "item_id", "status", "before", "after", "created_at",
                "decided_at");
        for (String state : List.of("before", "after")) {
            assertThat(fields(p.get(state))).as(state).containsExactly("content", "quality_tier", "keywords");
            assertThat(p.get(state).get("content").isTextual()).isTrue();
            assertThat(p.get(state).get("quality_tier").isTextual()).isTrue();
            assertThat(p.get(state).get("keywords").isArray()).isTrue();
        }
        assertThat(p.get("status").asText()).isEqualTo("proposed");
        assertThat(p.get("created_at").isTextual()).isTrue();
        assertThat(p.get("decided_at").isNull()).isTrue();

        JsonNode accepted = json("review", "accept", id, "--items", list.get(0).get("item_id").asText(), "--json");
        assertDecision(accepted, id, 1, 0);
        JsonNode rejected = json("review", "reject", id, "--json");
        assertDecision(rejected, id, 0, 1);
        assertThat(json("review", "list", "--batch", id, "--json").get(0).get("decided_at").isTextual()).isTrue();

        JsonNode estimate = json("estimate", "--vault", "v1", "--json");
        assertThat(fields(estimate)).containsExactly("items", "to_send", "skipped", "prompt_tokens", "completion_tokens",
                "cost_usd", "duration_s");
        for (String count : List.of("items", "to_send", "skipped", "prompt_tokens", "completion_tokens")) {
            assertThat(estimate.get(count).isIntegralNumber()).as(count).isTrue();
        }
        assertThat(estimate.get("cost_usd").isNumber()).as("the rules engine costs nothing, and that is known").isTrue();
        assertThat(estimate.get("duration_s").isNumber()).isTrue();

        // revert's object is README's (§6 gives revert no JSON shape)
        JsonNode reverted = json("revert", id, "--json");
        assertThat(fields(reverted)).containsExactly("batch_operation_id", "reverted", "skipped");
        assertThat(reverted.get("reverted").isArray()).isTrue();
        assertThat(reverted.get("reverted")).hasSize(1);
        assertThat(reverted.get("skipped").isArray()).isTrue();
    }

    private static void assertDecision(JsonNode d, String id, int accepted, int rejected) {
        assertThat(fields(d)).containsExactly("batch_operation_id", "accepted", "rejected", "stale");
        assertThat(d.get("batch_operation_id").asText()).isEqualTo(id);
        assertThat(d.get("accepted").isInt()).isTrue();
        assertThat(d.get("accepted").asInt()).isEqualTo(accepted);
        assertThat(d.get("rejected").asInt()).isEqualTo(rejected);
        assertThat(d.get("stale").isArray()).isTrue();
    }

    /** Runs with {@code --json}: exit 0, exactly one JSON value on stdout. */
    private JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.run(db, args);
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        var parser = JSON.createParser(run.out());
        JsonNode value = JSON.readTree(parser);
        assertThat(parser.nextToken()).as("exactly one JSON value on stdout").isNull();
        return value;
    }

    static List<String> fields(JsonNode n) {
        return StreamSupport.stream(((Iterable<String>) n::fieldNames).spliterator(), false).toList();
    }
}
