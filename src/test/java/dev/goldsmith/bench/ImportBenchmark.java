package dev.goldsmith.bench;

import dev.goldsmith.cli.Cli;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.VaultExporter;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultCsv;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the import of a 10,000-item vault file (JSON and CSV) into a fresh SQLite file, plus the {@code import}
 * command end to end and an export. A program, not a test: run it as docs/benchmarks.md says and read the table.
 * The one optional argument is a folder to keep the generated files and databases in (default: a temp folder).
 */
public final class ImportBenchmark {

    private static final int ITEMS = 10_000;
    private static final int WARMUP = 2;
    private static final int RUNS = 7;
    private static final String[] WORDS = ("led built shipped reduced improved launched negotiated designed analysed "
            + "coordinated team customers revenue process quarterly roadmap warehouse pricing dashboard onboarding "
            + "stakeholders budget vendors latency retention 18% $2.3M weekly cross-functional, \"quoted\" ; café 🚀")
            .split(" ");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createDirectories(Path.of(args[0])) : Files.createTempDirectory("goldsmith-bench");
        VaultFile generated = generate(new Random(42));
        Path json = dir.resolve("vault-10k.json");
        Path csv = dir.resolve("vault-10k.csv");
        try (Writer w = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
            VaultJson.write(generated, w);
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            VaultCsv.write(generated.items(), w);
        }
        Vault csvVault = generated.vault();
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("parse JSON file", run -> time(() -> read(json, null)));
        steps.put("parse CSV file", run -> time(() -> read(csv, csvVault)));
        steps.put("import parsed file (one transaction)", run -> {
            Database db = Database.open(dir.resolve("import-" + run + ".db"));
            VaultFile file = read(json, null);
            return time(() -> new VaultImporter(db, Clock.systemUTC()).importVault(file, false));
        });
        steps.put("parse + import JSON", run -> {
            Database db = Database.open(dir.resolve("json-" + run + ".db"));
            return time(() -> new VaultImporter(db, Clock.systemUTC()).importVault(read(json, null), false));
        });
        steps.put("parse + import CSV", run -> {
            Database db = Database.open(dir.resolve("csv-" + run + ".db"));
            return time(() -> new VaultImporter(db, Clock.systemUTC()).importVault(read(csv, csvVault), false));
        });
        steps.put("'import' command, new db file (JSON)", run -> time(() -> cli(
                "--db", dir.resolve("cli-" + run + ".db").toString(), "import", json.toString())));
        Database exported = Database.open(dir.resolve("export.db"));
        new VaultImporter(exported, Clock.systemUTC()).importVault(generated, false);
        steps.put("export: read vault + write JSON text", run -> time(() ->
                VaultJson.write(new VaultExporter(exported).export("v-bench").orElseThrow(), new StringWriter())));

        System.out.printf("Vault import benchmark: %,d items, JSON %,d bytes, CSV %,d bytes; %d warm-up + %d timed runs%n",
                ITEMS, Files.size(json), Files.size(csv), WARMUP, RUNS);
        System.out.printf("Files in %s%n", dir);
        System.out.printf("Java %s, %s %s, %d CPUs%n%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        System.out.println("| step | min ms | median ms | max ms |");
        System.out.println("|---|---:|---:|---:|");
        int run = 0;
        for (Map.Entry<String, Step> step : steps.entrySet()) {
            double[] ms = new double[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double t = step.getValue().run(run++);
                if (i >= WARMUP) {
                    ms[i - WARMUP] = t;
                }
            }
            Arrays.sort(ms);
            System.out.printf("| %s | %.0f | %.0f | %.0f |%n", step.getKey(), ms[0], ms[RUNS / 2], ms[RUNS - 1]);
        }
    }

    @FunctionalInterface
    private interface Step {
        double run(int run) throws Exception;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static VaultFile read(Path file, Vault csvVault) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return csvVault == null ? VaultJson.read(r) : VaultCsv.read(r, csvVault);
        }
    }

    private static void cli(String... args) {
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int code = Cli.run(args, sink, sink, Map.of());
        if (code != 0) {
            throw new IllegalStateException("import exited " + code);
        }
    }

    /** 10,000 items of 60–600 characters, every type and tier, up to 6 keywords each. */
    static VaultFile generate(Random random) {
        List<VaultItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            int words = 10 + random.nextInt(90);
            StringBuilder content = new StringBuilder();
            for (int w = 0; w < words; w++) {
                content.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (i % 50 == 0) {
                content.append("\nSecond line, with \"quotes\".");
            }
            List<String> keywords = new ArrayList<>();
            for (int k = random.nextInt(7); k > 0; k--) {
                keywords.add("skill-" + random.nextInt(300));
            }
            items.add(new VaultItem("item-" + i, "v-bench", ItemType.values()[i % 3], content.toString(),
                    QualityTier.values()[random.nextInt(4)], keywords, null, null, null));
        }
        return new VaultFile(new Vault("v-bench", "Benchmark Vault", "bench@example.com", null, null), items);
    }
}
