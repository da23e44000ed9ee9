package dev.goldsmith.ai;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.VaultItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What {@link OpenAiEnhancer#estimateTokens} costs per dispatch (issue 11.2): a benchmark program, not a test. Prints
 * one table: the first call in the process (the tokenizer table is loaded then), and the per-call time over many
 * calls for a short item and one of 4,000 characters, per counting method, next to rendering the prompt alone.
 *
 * <pre>
 * mvn -q -DskipTests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.goldsmith.ai.TokenEstimateBenchmark
 * </pre>
 */
public final class TokenEstimateBenchmark {

    private static final int CALLS = 20_000;
    private static final int ROUNDS = 5;

    private TokenEstimateBenchmark() {
    }

    public static void main(String[] args) {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "| %-12s | %-13s | %9s | %12s | %12s | %10s |", "model", "method", "first ms",
                "short µs/call", "4000 µs/call", "tokens"));
        rows.add("|---|---|---:|---:|---:|---:|");
        VaultItem shortItem = item("Helped with onboarding of new hires and ran the weekly team meeting.");
        VaultItem longItem = item(longText(4000));
        for (String model : List.of("gpt-4o-mini", "gpt-4", "llama3.2")) {
            try (OpenAiEnhancer enhancer = new OpenAiEnhancer(settings(model))) {
                long t0 = System.nanoTime();
                long first = enhancer.estimateTokens(shortItem, Operation.ENHANCE);
                double firstMs = (System.nanoTime() - t0) / 1e6;
                double shortUs = perCall(() -> enhancer.estimateTokens(shortItem, Operation.ENHANCE));
                double longUs = perCall(() -> enhancer.estimateTokens(longItem, Operation.ENHANCE));
                rows.add(String.format(Locale.ROOT, "| %-12s | %-13s | %9.1f | %12.1f | %12.1f | %4d / %4d |", model,
                        TokenCounter.forModel(model).method(), firstMs, shortUs, longUs, first,
                        enhancer.estimateTokens(longItem, Operation.ENHANCE)));
            }
        }
        double renderShort = perCall(() -> Prompts.forItem(shortItem, Operation.ENHANCE).user().length());
        double renderLong = perCall(() -> Prompts.forItem(longItem, Operation.ENHANCE).user().length());
        rows.add(String.format(Locale.ROOT, "| %-12s | %-13s | %9s | %12.1f | %12.1f | %10s |", "(any)",
                "prompt only", "", renderShort, renderLong, ""));
        System.out.println("Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; median of " + ROUNDS + " rounds of " + CALLS + " calls after one warm-up round");
        rows.forEach(System.out::println);
    }

    interface Call {
        long run();
    }

    /** The median over rounds of the mean time of one call, in µs, after a warm-up round. */
    private static double perCall(Call call) {
        long sink = 0;
        double[] rounds = new double[ROUNDS + 1];
        for (int r = 0; r <= ROUNDS; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                sink += call.run();
            }
            rounds[r] = (System.nanoTime() - t0) / 1e3 / CALLS;
        }
        if (sink == 42) {
            System.out.println(); // keeps the JIT from dropping the calls
        }
        double[] measured = Arrays.copyOfRange(rounds, 1, rounds.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static ProviderSettings settings(String model) {
        return new ProviderSettings(ProviderKind.OPENAI, "http://127.0.0.1:9/v1", model, null, 0.7, 500,
                Duration.ofSeconds(10), 1, null);
    }

    private static VaultItem item(String content) {
        return new VaultItem("pp-1", "v-1", ItemType.POWER_PHRASE, content, QualityTier.BRONZE,
                List.of("Onboarding", "Team Leadership"), 0.5, null, null);
    }

    private static String longText(int chars) {
        String[] words = {"Led", "a", "cross-functional", "team", "of", "12", "engineers", "to", "cut", "release",
            "time", "by", "40%", "while", "raising", "test", "coverage", "and", "customer", "satisfaction", "—",
            "Zürich", "café", "🚀"};
        Random random = new Random(42);
        StringBuilder b = new StringBuilder();
        while (b.length() < chars) {
            b.append(words[random.nextInt(words.length)]).append(' ');
        }
        return b.substring(0, chars);
    }
}
