package dev.goldsmith.cli;

import dev.goldsmith.vault.VaultItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code goldsmith items --vault ID [--json]}: the items of one vault, in order. */
@Command(name = "items", description = "List the items of a vault, in order.")
final class ItemsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--vault", paramLabel = "ID", required = true, description = "The vault's id.")
    String vaultId;

    @Option(names = "--json", description = "Print [{id, type, content, quality_tier, keywords, confidence_score, "
            + "last_updated_at}] as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (root.services().vaults().find(vaultId).isEmpty()) {
            throw Errors.noSuchVault(vaultId);
        }
        List<VaultItem> items = root.services().items().list(vaultId);
        if (json) {
            List<Map<String, Object>> result = new ArrayList<>();
            for (VaultItem item : items) {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("id", item.id());
                i.put("type", item.type().wireName());
                i.put("content", item.content());
                i.put("quality_tier", item.tier().wireName());
                i.put("keywords", item.keywords());
                i.put("confidence_score", item.confidenceScore());
                i.put("last_updated_at", item.lastUpdatedAt() == null ? null : item.lastUpdatedAt().toString());
                result.add(i);
            }
            CliJson.print(root.out(), result);
            return Cli.OK;
        }
        if (items.isEmpty()) {
            root.out().println("Vault '" + vaultId + "' has no items yet.");
            return Cli.OK;
        }
        TextTable table = new TextTable("ID", "TYPE", "TIER", "CONTENT", "KEYWORDS");
        for (VaultItem item : items) {
            table.row(item.id(), item.type().wireName(), item.tier().wireName(), TextTable.clip(item.content(), 70),
                    TextTable.clip(String.join(", ", item.keywords()), 40));
        }
        table.print(root.out());
        return Cli.OK;
    }
}
