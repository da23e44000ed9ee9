package dev.goldsmith.bench;

import dev.goldsmith.ai.EnhanceResult.Success;
import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.RulesEnhancer;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the offline rules provider ({@link RulesEnhancer#apply}) on 10,000 items, on the calling thread: the text
 * rewrite, the tier and the lexicon keywords of every item, for {@code enhance} and {@code keyword_suggest}. A
 * program, not a test: run it as docs/benchmarks.md says and read the table.
 *
 * <p>The items: the demo vault's 60, then generated ones from a seeded {@link Random} (seed 42), mixing weak
 * openers, strong ones, fillers, numbers, multi-sentence and multi-line texts and every type, 10–80 words each.
 */
public final class RulesBenchmark {

    private static final int ITEMS = 10_000;
    private static final int WARMUP = 3;
    private static final int RUNS = 7;

    private static final String[] OPENERS = {"Was responsible for", "Helped with", "Worked on", "Assisted in",
        "Was involved in", "Participated in", "In charge of", "Tasked with", "Helped to", "Led", "Built", "Managed",
        "Designed", "Reduced", "I", "Able to", "Good at", "Can", "Enjoys", "Often the person who"};
    private static final String[] OBJECTS = {"the rollout of a new billing platform", "managing a team of 6 engineers",
        "weekly reporting to the leadership team", "reducing support tickets by improving the help center",
        "the quarterly budget", "hiring for the team", "a lot of informal mentoring", "the migration to PostgreSQL",
        "cleaning up the product catalogue data", "vendor negotiations for warehouse software",
        "cut fulfilment time from 4.1 to 2.6 days", "learn new systems quickly", "calming down upset customers",
        "handle pressure and tight deadlines", "fixing broken processes", "connects teams that don't usually talk",
        "dashboards in Looker for the operations team", "onboarding new hires in the ops team",
        "Kubernetes, Terraform and CI/CD pipelines on AWS", "the customer portal used by 40,000 customers a month"};
    private static final String[] TAILS = {"", " in order to meet targets", " on a daily basis", " very successfully",
        ", saving $180K a year", " across three regions", " with product, design and engineering", " using SQL and Python",
        " that brought response time from 47 to 9 minutes", " for various stakeholders"};

    private RulesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<VaultItem> items = items();
        try (RulesEnhancer rules = new RulesEnhancer()) {
            System.out.printf(Locale.ROOT, "Goldsmith rules benchmark — %d items, %d cores, Java %s (%s)%n%n", items.size(),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    System.getProperty("java.vm.name"));
            int changed = 0;
            long characters = 0;
            for (VaultItem item : items) {
                Success s = rules.apply(item, Operation.ENHANCE);
                changed += s.content().equals(item.content()) ? 0 : 1;
                characters += item.content().length();
            }
            System.out.printf(Locale.ROOT, "content changed for %d of %d items; %.0f characters an item on average%n%n",
                    changed, items.size(), (double) characters / items.size());
            System.out.println("| operation | wall min ms | wall median ms | wall max ms | CPU min ms | CPU median ms "
                    + "| µs per item (CPU median) | items/s (CPU median) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (Operation op : List.of(Operation.ENHANCE, Operation.KEYWORD_SUGGEST)) {
                double[][] ms = time(rules, items, op);
                double[] wall = ms[0];
                double[] cpu = ms[1];
                double median = cpu[RUNS / 2];
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %,.0f |%n", op.wireName(),
                        wall[0], wall[RUNS / 2], wall[RUNS - 1], cpu[0], median, median * 1000 / items.size(),
                        items.size() / (median / 1000));
            }
        }
    }

    /** Wall and CPU milliseconds of each timed run, each sorted. */
    private static double[][] time(RulesEnhancer rules, List<VaultItem> items, Operation op) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int w = 0; w < WARMUP; w++) {
            for (VaultItem item : items) {
                sink += rules.apply(item, op).keywords().size();
            }
        }
        double[] wall = new double[RUNS];
        double[] cpu = new double[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            for (VaultItem item : items) {
                sink += rules.apply(item, op).keywords().size();
            }
            wall[r] = (System.nanoTime() - start) / 1e6;
            cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        if (sink == 42) {
            System.out.print("");
        }
        return new double[][] {wall, cpu};
    }

    static List<VaultItem> items() throws IOException {
        List<VaultItem> items = new ArrayList<>(demo());
        Random random = new Random(42);
        ItemType[] types = ItemType.values();
        QualityTier[] tiers = {QualityTier.ASSUMED, QualityTier.BRONZE, QualityTier.SILVER};
        while (items.size() < ITEMS) {
            int sentences = 1 + random.nextInt(3);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    text.append(random.nextInt(5) == 0 ? "\n" : " ");
                }
                text.append(pick(random, OPENERS)).append(' ').append(pick(random, OBJECTS)).append(pick(random, TAILS))
                        .append('.');
            }
            int i = items.size();
            items.add(new VaultItem(String.format("r%05d", i), "v-bench", types[i % types.length], text.toString(),
                    tiers[random.nextInt(tiers.length)], List.of(), null, null, null));
        }
        return items;
    }

    private static List<VaultItem> demo() throws IOException {
        try (InputStream in = RulesBenchmark.class.getResourceAsStream("/demo/demo-vault.json");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            VaultFile file = VaultJson.read(reader);
            return file.items();
        }
    }

    private static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
