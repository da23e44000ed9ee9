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
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enhance --review}, {@code review list|accept|reject}, {@code estimate} and {@code revert}: JSON and exit codes of §6. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ReviewCommandsTest {

    @Parameter
    StoreKind store;


    static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aReviewBatchWritesNothingAndItsProposalsAreListedInTheShapeOfSection6() throws IOException {
        String items = CliRun.run(db, "items", "--vault", "v1", "--json").out();

        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--review");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = JSON.readTree(CliRun.run(db, "history", "--json").out()).get(0).get("batch_operation_id").asText();
        assertThat(run.out()).contains(" completed: ✓ 2 proposed, = 0 unchanged, ✗ 0 failed, ↷ 1 skipped of 3 in ",
                "Nothing was written yet; review the proposals with: goldsmith review list --batch " + id);
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out()).as("no item changed").isEqualTo(items);

        CliRun list = CliRun.run(db, "review", "list", "--json");
        assertThat(list.exitCode()).isZero();
        JsonNode proposals = JSON.readTree(list.out());
        assertThat(proposals).hasSize(2);
        JsonNode a = proposals.get(0);
        assertThat(fields(a)).containsExactly("batch_operation_id", "item_id", "status", "before", "after", "created_at",
                "decided_at");
        assertThat(fields(a.get("before"))).containsExactly("content", "quality_tier", "keywords");
        assertThat(fields(a.get("after"))).containsExactly("content", "quality_tier", "keywords");
        assertThat(a.get("batch_operation_id").asText()).isEqualTo(id);
        assertThat(a.get("item_id").asText()).isEqualTo("a");
        assertThat(a.get("status").asText()).isEqualTo("proposed");
        assertThat(a.get("before").get("content").asText()).isEqualTo("Helped with the migration of 12 services");
        assertThat(a.get("before").get("quality_tier").asText()).isEqualTo("assumed");
        assertThat(a.get("after").get("content").asText()).isNotEqualTo(a.get("before").get("content").asText());
        assertThat(a.get("after").get("quality_tier").asText()).isEqualTo("bronze");
        assertThat(a.get("created_at").asText()).isNotEmpty();
        assertThat(a.get("decided_at").isNull()).isTrue();

        assertThat(JSON.readTree(CliRun.run(db, "review", "list", "--batch", id, "--status", "proposed", "--json").out()))
                .hasSize(2);
        assertThat(JSON.readTree(CliRun.run(db, "review", "list", "--vault", "v1", "--status", "accepted", "--json")
                .out())).isEmpty();
        CliRun table = CliRun.run(db, "review", "list", "--batch", id);
        assertThat(table.out()).startsWith("BATCH").contains("assumed → bronze", "bronze → silver")
                .contains("2 proposed, 0 accepted, 0 rejected, 0 stale.");
    }

    @Test
    void theSavedDefaultTurnsReviewOnAndNoReviewTurnsItOffForOneBatch() throws IOException {
        var defaults = new dev.goldsmith.batch.BatchDefaults(new dev.goldsmith.store.SettingsRepository(
                db.open(), java.time.Clock.systemUTC()));
        var saved = defaults.load(dev.goldsmith.ai.Operation.ENHANCE);
        defaults.save(saved.withOptions(saved.options().withReview(true)));

        assertThat(CliRun.run(db, "enhance", "--vault", "v1", "--items", "a").out()).contains("✓ 1 proposed");
        assertThat(JSON.readTree(CliRun.run(db, "review", "list", "--json").out())).hasSize(1);

        CliRun direct = CliRun.run(db, "enhance", "--vault", "v1", "--items", "b", "--no-review");
        assertThat(direct.out()).contains("✓ 1 enhanced");
        assertThat(JSON.readTree(CliRun.run(db, "review", "list", "--json").out())).as("no proposal for b").hasSize(1);
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out()).doesNotContain("Was responsible for");
    }

    @Test
    void acceptAndRejectPrintTheirCountsAndWriteOnlyTheAcceptedOnes() throws IOException {
        String id = reviewBatch();

        CliRun accept = CliRun.run(db, "review", "accept", id, "--items", "a", "--json");

        assertThat(accept.exitCode()).as(accept.err()).isZero();
        JsonNode d = JSON.readTree(accept.out());
        assertThat(fields(d)).containsExactly("batch_operation_id", "accepted", "rejected", "stale");
        assertThat(d.get("batch_operation_id").asText()).isEqualTo(id);
        assertThat(d.get("accepted").asInt()).isEqualTo(1);
        assertThat(d.get("rejected").asInt()).isZero();
        assertThat(d.get("stale")).isEmpty();
        JsonNode items = JSON.readTree(CliRun.run(db, "items", "--vault", "v1", "--json").out());
        assertThat(items.get(0).get("content").asText()).isNotEqualTo("Helped with the migration of 12 services");
        assertThat(items.get(1).get("content").asText()).isEqualTo("Was responsible for SQL reporting");

        CliRun reject = CliRun.run(db, "review", "reject", id, "--json");
        assertThat(reject.exitCode()).isZero();
        assertThat(JSON.readTree(reject.out()).get("rejected").asInt()).as("the one left").isEqualTo(1);
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out()).contains("Was responsible for SQL reporting");
        JsonNode accepted = JSON.readTree(CliRun.run(db, "review", "list", "--status", "accepted", "--json").out());
        assertThat(accepted).extracting(n -> n.get("item_id").asText()).containsExactly("a");
        assertThat(accepted.get(0).get("decided_at").isNull()).isFalse();

        CliRun human = CliRun.run(db, "review", "accept", id);
        assertThat(human.out().strip()).isEqualTo("Batch " + id + ": 0 accepted, 0 rejected.");
    }

    @Test
    void aStaleProposalRefusesANamedAcceptWithExitTwoAndIsSkippedAndListedByAcceptAll() throws IOException {
        String id = reviewBatch();
        Path edit = Files.writeString(dir.resolve("edit.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "b", "type": "transferable_skill", "content": "Owned the SQL reporting (edited)"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", edit.toString(), "--merge").exitCode()).isZero();
        String itemsBefore = CliRun.run(db, "items", "--vault", "v1", "--json").out();
        String proposalsBefore = CliRun.run(db, "review", "list", "--json").out();

        CliRun refused = CliRun.run(db, "review", "accept", id, "--items", "a,b", "--json");

        assertInvalid(refused, "Item 'b' was changed after its proposal was made (content), so the proposal is stale;"
                + " nothing was accepted.");
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out()).as("a was not accepted either")
                .isEqualTo(itemsBefore);
        assertThat(JSON.readTree(CliRun.run(db, "review", "list", "--status", "stale", "--json").out()))
                .extracting(n -> n.get("item_id").asText()).containsExactly("b");
        assertThat(CliRun.run(db, "review", "list", "--json").out()).as("no proposal was decided")
                .isEqualTo(proposalsBefore);

        CliRun all = CliRun.run(db, "review", "accept", id, "--json");
        assertThat(all.exitCode()).as(all.err()).isZero();
        JsonNode d = JSON.readTree(all.out());
        assertThat(d.get("accepted").asInt()).isEqualTo(1);
        assertThat(d.get("stale")).extracting(JsonNode::asText).containsExactly("b");
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out()).contains("Owned the SQL reporting (edited)");
        assertThat(CliRun.run(db, "review", "accept", id).out()).contains("1 stale, never applied", ": b.");
    }

    @Test
    void badReviewRequestsExitTwoAndChangeNothing() {
        String id = reviewBatch();
        String before = CliRun.run(db, "review", "list", "--json").out();

        assertInvalid(CliRun.run(db, "review", "accept", "nope"), "No batch with id 'nope'");
        assertInvalid(CliRun.run(db, "review", "accept", id, "--items", "a,zz"),
                "Batch " + id + " has no proposal for item 'zz'; nothing was accepted.");
        assertInvalid(CliRun.run(db, "review", "reject", id, "--items", "g"), "has no proposal for item 'g'");
        assertInvalid(CliRun.run(db, "review", "accept", id, "--items", ","), "--items is empty");
        assertInvalid(CliRun.run(db, "review", "list", "--status", "pending"),
                "--status must be one of proposed, accepted, rejected, stale, not 'pending'.");
        assertInvalid(CliRun.run(db, "review", "list", "--batch", "nope"), "No batch with id 'nope'");
        assertInvalid(CliRun.run(db, "review", "list", "--vault", "nope"), "No vault with id 'nope'");
        assertInvalid(CliRun.run(db, "review"), "review needs a command: list, accept or reject");
        assertThat(CliRun.run(db, "review", "accept").exitCode()).as("BATCH_ID is required").isEqualTo(2);
        assertThat(CliRun.run(db, "review", "list", "--json").out()).isEqualTo(before);

        assertThat(CliRun.run(db, "review", "reject", id, "--items", "a").exitCode()).isZero();
        assertInvalid(CliRun.run(db, "review", "accept", id, "--items", "a,b"),
                "The proposal for item 'a' of batch " + id + " is rejected already; nothing was accepted.");
        assertThat(CliRun.run(db, "items", "--vault", "v1", "--json").out())
                .contains("Helped with the migration of 12 services", "Was responsible for SQL reporting");
    }

    @Test
    void estimatePrintsItsFiguresAndSendsNothingNotEvenWithoutAKey() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();

            CliRun run = CliRun.run(db, "estimate", "--vault", "v1", "--base-url", server.url("/v1").toString(),
                    "--model", "gpt-4o-mini", "--concurrency", "2", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode e = JSON.readTree(run.out());
            assertThat(fields(e)).containsExactly("items", "to_send", "skipped", "prompt_tokens", "completion_tokens",
                    "cost_usd", "duration_s");
            assertThat(e.get("items").asInt()).isEqualTo(3);
            assertThat(e.get("to_send").asInt()).isEqualTo(2);
            assertThat(e.get("skipped").asInt()).isEqualTo(1);
            assertThat(e.get("prompt_tokens").asLong()).isPositive();
            assertThat(e.get("completion_tokens").asLong()).isEqualTo(300);
            assertThat(e.get("cost_usd").isNull()).as("a server of one's own, no prices set: unknown, not $0").isTrue();
            assertThat(e.get("duration_s").asDouble()).isEqualTo(2.0);
            assertThat(run.err()).contains("Completion tokens: assumed 150 a call", "Latency: assumed 2.0 s a call");
            assertThat(server.getRequestCount()).as("nothing was sent").isZero();

            CliRun remote = CliRun.run(db, "estimate", "--vault", "v1", "--items", "a", "--base-url",
                    "https://api.example.com/v1", "--model", "gpt-4o");
            assertThat(remote.exitCode()).as("no key is needed: nothing is sent").isZero();
            assertThat(remote.out()).contains("Estimate for 1 items of vault v1 (enhance, openai gpt-4o):",
                    "  to send     1 (0 skipped)", "Nothing was sent.");
        }
        assertThat(JSON.readTree(CliRun.run(db, "history", "--json").out())).as("no batch was recorded").isEmpty();
        assertInvalid(CliRun.run(db, "estimate", "--vault", "nope"), "No vault with id 'nope'");
        assertInvalid(CliRun.run(db, "estimate", "--vault", "v1", "--items", "a,zz"), "has no item 'zz'");
        assertInvalid(CliRun.run(db, "estimate", "--vault", "v1", "--concurrency", "0"), "between 1 and 64, not 0");
    }

    @Test
    void revertUndoesABatchAndReportsAnItemEditedSince() throws IOException {
        String id = JSON.readTree(CliRun.run(db, "enhance", "--vault", "v1", "--json").out())
                .get("batch_operation_id").asText();
        Path edit = Files.writeString(dir.resolve("edit.json"), """
                {"vault": {"id": "v1", "name": "Jordan Lee"},
                 "items": [{"id": "b", "type": "transferable_skill", "content": "Owned the SQL reporting (edited)"}]}
                """, StandardCharsets.UTF_8);
        assertThat(CliRun.run(db, "import", edit.toString(), "--merge").exitCode()).isZero();

        CliRun run = CliRun.run(db, "revert", id, "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(fields(r)).containsExactly("batch_operation_id", "reverted", "skipped");
        assertThat(r.get("batch_operation_id").asText()).isEqualTo(id);
        assertThat(r.get("reverted")).extracting(JsonNode::asText).containsExactly("a");
        assertThat(r.get("skipped")).hasSize(1);
        assertThat(fields(r.get("skipped").get(0))).containsExactly("item_id", "reason");
        assertThat(r.get("skipped").get(0).get("item_id").asText()).isEqualTo("b");
        assertThat(r.get("skipped").get(0).get("reason").asText())
                .isEqualTo("it was changed after the batch wrote it (content)");
        JsonNode items = JSON.readTree(CliRun.run(db, "items", "--vault", "v1", "--json").out());
        assertThat(items.get(0).get("content").asText()).isEqualTo("Helped with the migration of 12 services");
        assertThat(items.get(1).get("content").asText()).isEqualTo("Owned the SQL reporting (edited)");

        CliRun again = CliRun.run(db, "revert", id);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("Batch " + id + " reverted: 0 items restored, 2 left as they are:")
                .contains("it is already as it was before the batch");
        assertInvalid(CliRun.run(db, "revert", "nope"), "No batch with id 'nope'");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsARuntimeErrorExitOne() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.db"), "this is not a database");
        for (String[] args : List.of(new String[] {"review", "list", "--json"},
                new String[] {"review", "accept", "b1", "--json"}, new String[] {"review", "reject", "b1"},
                new String[] {"estimate", "--vault", "v1", "--json"}, new String[] {"revert", "b1", "--json"})) {
            CliRun run = CliRun.run(notes, args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err()).contains("is not a Goldsmith database");
            assertThat(run.out()).isEmpty();
        }
    }

    private String reviewBatch() {
        CliRun run = CliRun.run(db, "enhance", "--vault", "v1", "--review", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try {
            return JSON.readTree(run.out()).get("batch_operation_id").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertInvalid(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines().count()).as("one sentence: %s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.out()).isEmpty();
    }
}
