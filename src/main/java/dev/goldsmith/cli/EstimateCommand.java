package dev.goldsmith.cli;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.batch.BatchRequestException;
import dev.goldsmith.batch.BatchSettings;
import dev.goldsmith.batch.Durations;
import dev.goldsmith.batch.Estimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code estimate --vault ID [--items ID,...] [engine options] [--json]}: tokens, cost and time of the batch
 * {@code enhance} would start, computed here — nothing is sent and no key is needed. JSON:
 * {@code {items, to_send, skipped, prompt_tokens, completion_tokens, cost_usd, duration_s}}; how each figure was
 * reached (history, a stated assumption, the prices of the settings or a preset's list price) goes to stderr.
 * {@code cost_usd} is {@code null} when the cost cannot be told: tokens would be used and no prices are set
 * ({@link Costs}) — never a $0 that reads as free.
 */
@Command(name = "estimate", description = "Estimate tokens, cost and time of a batch before starting it (nothing is sent).")
final class EstimateCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--vault", required = true, paramLabel = "ID", description = "The vault.")
    String vault;

    @Option(names = "--items", paramLabel = "ID", split = ",", splitSynopsisLabel = ",", description = "Only these items.")
    List<String> items;

    @Mixin
    EngineOptions engine;

    @Option(names = "--json", description = "Print {items, to_send, skipped, prompt_tokens, completion_tokens, cost_usd,"
            + " duration_s} as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        List<String> ids = items == null ? List.of() : items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items != null && ids.isEmpty()) {
            throw new InvalidInputException("--items is empty; give item ids separated by commas, e.g. --items pp-1,pp-2.");
        }
        BatchSettings settings = engine.applyTo(root.defaults().load(Operation.ENHANCE));
        Estimate e;
        try {
            e = root.batches().estimator().estimate(vault, ids, settings);
        } catch (BatchRequestException ex) {
            throw new InvalidInputException(ex.getMessage());
        }
        // prices of 0 for a model that uses tokens are prices not set, not a free model: the cost is unknown
        boolean costKnown = e.promptTokens() + e.completionTokens() == 0 || Costs.known(settings.provider());
        List<String> notes = new ArrayList<>(e.notes());
        if (e.promptTokens() + e.completionTokens() > 0) {
            notes.add(Math.min(1, notes.size()), Costs.note(settings.provider()));
        }
        BigDecimal seconds = BigDecimal.valueOf(e.duration().toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP);
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("items", e.items());
            o.put("to_send", e.toSend());
            o.put("skipped", e.skipped());
            o.put("prompt_tokens", e.promptTokens());
            o.put("completion_tokens", e.completionTokens());
            o.put("cost_usd", costKnown ? e.costUsd() : null); // 6 decimals, written plainly (0.000150); null: unknown
            o.put("duration_s", seconds);
            CliJson.print(root.out(), o);
            notes.forEach(n -> root.err().println(TerminalText.visible(n)));
            return Cli.OK;
        }
        var out = root.out();
        String model = settings.provider().model();
        out.println(TerminalText.visible(String.format(Locale.ROOT, "Estimate for %d items of vault %s (%s, %s):",
                e.items(), vault, settings.options().operation().wireName(), settings.provider().kind().id()
                        + (model == null || !settings.provider().kind().isRemote() ? "" : " " + model))));
        out.printf(Locale.ROOT, "  to send     %,d (%,d skipped)%n", e.toSend(), e.skipped());
        out.printf(Locale.ROOT, "  prompt      %,d tokens%n", e.promptTokens());
        out.printf(Locale.ROOT, "  completion  %,d tokens%n", e.completionTokens());
        out.printf(Locale.ROOT, "  cost        %s%n", costKnown
                ? "$" + e.costUsd().setScale(4, RoundingMode.HALF_UP).toPlainString() : "unknown: set prices in Settings");
        out.printf(Locale.ROOT, "  duration    %s%n", Durations.clock(e.duration()));
        notes.forEach(n -> out.println(TerminalText.visible(n)));
        out.println("Nothing was sent.");
        return Cli.OK;
    }
}
