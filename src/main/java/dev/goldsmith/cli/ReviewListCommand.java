package dev.goldsmith.cli;

import dev.goldsmith.review.ReviewCounts;
import dev.goldsmith.store.ItemState;
import dev.goldsmith.store.Proposal;
import dev.goldsmith.store.ProposalQuery;
import dev.goldsmith.store.ProposalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code review list [--batch ID] [--vault ID] [--status proposed|accepted|rejected|stale] [--json]}: proposals as
 * they read now — one still waiting whose item changed since reads {@code stale}.
 */
@Command(name = "list", description = "List proposals, oldest batch first (a waiting one whose item changed reads stale).")
final class ReviewListCommand implements Callable<Integer> {

    @ParentCommand
    ReviewCommand review;

    @Option(names = "--batch", paramLabel = "ID", description = "Only this batch's proposals.")
    String batch;

    @Option(names = "--vault", paramLabel = "ID", description = "Only proposals for this vault's items.")
    String vault;

    @Option(names = "--status", paramLabel = "proposed|accepted|rejected|stale", description = "Only proposals in this status.")
    String status;

    @Option(names = "--json", description = "Print [{batch_operation_id, item_id, status, before, after, created_at,"
            + " decided_at}] as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ProposalStatus wanted = status == null ? null : ProposalStatus.fromWire(status).orElseThrow(() ->
                new InvalidInputException("--status must be one of " + Arrays.stream(ProposalStatus.values())
                        .map(ProposalStatus::wireName).collect(Collectors.joining(", ")) + ", not '" + status + "'."));
        RootCommand root = review.root;
        if (batch != null && root.batches().find(batch).isEmpty()) {
            throw new InvalidInputException("No batch with id '" + batch + "'; run 'goldsmith history' to list them.");
        }
        if (vault != null && root.services().vaults().find(vault).isEmpty()) {
            throw Errors.noSuchVault(vault);
        }
        List<Proposal> proposals = review.reviews().list(new ProposalQuery(batch, vault, wanted));
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Proposal p : proposals) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("batch_operation_id", p.batchId());
                o.put("item_id", p.itemId());
                o.put("status", p.status().wireName());
                o.put("before", state(p.before()));
                o.put("after", state(p.written()));
                o.put("created_at", time(p.createdAt()));
                o.put("decided_at", time(p.decidedAt()));
                out.add(o);
            }
            CliJson.print(root.out(), out);
            return Cli.OK;
        }
        if (proposals.isEmpty()) {
            root.out().println("No proposals" + (wanted != null ? " " + wanted.wireName() : "") + ".");
            return Cli.OK;
        }
        TextTable table = new TextTable("BATCH", "ITEM", "STATUS", "TIER", "BEFORE", "AFTER");
        for (Proposal p : proposals) {
            ItemState after = p.written();
            String tier = p.before().tier() == after.tier() ? after.tier().wireName()
                    : p.before().tier().wireName() + " → " + after.tier().wireName();
            table.row(p.batchId(), p.itemId(), p.status().wireName(), tier, TextTable.clip(p.before().content(), 40),
                    TextTable.clip(after.content(), 40));
        }
        table.print(root.out());
        if (wanted == null) {
            ReviewCounts n = review.reviews().counts(new ProposalQuery(batch, vault, null));
            root.out().printf("%d proposed, %d accepted, %d rejected, %d stale.%n", n.pending(), n.accepted(),
                    n.rejected(), n.stale());
        }
        return Cli.OK;
    }

    private static Map<String, Object> state(ItemState s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("content", s.content());
        o.put("quality_tier", s.tier().wireName());
        o.put("keywords", s.keywords());
        return o;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
