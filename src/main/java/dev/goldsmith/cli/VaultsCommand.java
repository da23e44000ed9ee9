package dev.goldsmith.cli;

import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code goldsmith vaults [--json]}: every vault with its item counts per tier. */
@Command(name = "vaults", description = "List the vaults with their item counts per tier.")
final class VaultsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--json", description = "Print [{id, name, owner, item_count, tiers}] as JSON.")
    boolean json;

    @Override
    public Integer call() {
        List<VaultSummary> summaries = root.services().vaults().summaries();
        if (json) {
            List<Map<String, Object>> result = new ArrayList<>();
            for (VaultSummary s : summaries) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("id", s.vault().id());
                v.put("name", s.vault().name());
                v.put("owner", s.vault().owner());
                v.put("item_count", s.itemCount());
                Map<String, Integer> tiers = new LinkedHashMap<>();
                for (QualityTier tier : QualityTier.values()) {
                    tiers.put(tier.wireName(), s.count(tier));
                }
                v.put("tiers", tiers);
                result.add(v);
            }
            CliJson.print(root.out(), result);
            return Cli.OK;
        }
        if (summaries.isEmpty()) {
            root.out().println("No vaults yet; add one with 'goldsmith import FILE'.");
            return Cli.OK;
        }
        TextTable table = new TextTable("ID", "NAME", "OWNER", "ITEMS", "ASSUMED", "BRONZE", "SILVER", "GOLD");
        for (VaultSummary s : summaries) {
            table.row(s.vault().id(), s.vault().name(), s.vault().owner(), s.itemCount(), s.count(QualityTier.ASSUMED),
                    s.count(QualityTier.BRONZE), s.count(QualityTier.SILVER), s.count(QualityTier.GOLD));
        }
        table.print(root.out());
        return Cli.OK;
    }
}
