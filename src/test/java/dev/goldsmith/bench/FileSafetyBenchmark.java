package dev.goldsmith.bench;

import dev.goldsmith.store.Database;
import dev.goldsmith.store.VaultExporter;
import dev.goldsmith.store.VaultImporter;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultFormat;
import dev.goldsmith.vault.VaultJson;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * What the file-safety rules of issue 9 cost: opening a migrated database (with the read-only look at its schema
 * history that refuses newer and foreign files), and exporting through the one writer (target check, temporary file,
 * fsync, atomic move) next to a plain unchecked write of the same text. A program, not a test: run it as
 * docs/benchmarks.md says and read the table.
 */
public final class FileSafetyBenchmark {

    private static final int WARMUP = 3;
    private static final int RUNS = 15;

    private FileSafetyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("goldsmith-bench");
        VaultFile vault = ImportBenchmark.generate(new Random(42));
        Path dbFile = dir.resolve("safety.db");
        Database db = Database.open(dbFile);
        new VaultImporter(db, Clock.systemUTC()).importVault(vault, false);
        VaultExporter exporter = new VaultExporter(db);
        VaultFile exported = exporter.export("v-bench").orElseThrow();

        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("Database.open of a migrated 10,000-item file (schema check included)",
                run -> time(() -> Database.open(dbFile)));
        steps.put("export JSON: plain write to a file (no checks, no fsync)", run -> time(() -> {
            try (Writer w = Files.newBufferedWriter(dir.resolve("plain.json"), StandardCharsets.UTF_8)) {
                VaultJson.write(exported, w);
            }
        }));
        steps.put("export JSON: VaultExporter.writeFile (check, temp file, fsync, move)",
                run -> time(() -> exporter.writeFile(exported, VaultFormat.JSON, dir.resolve("safe.json"))));
        steps.put("export CSV: VaultExporter.writeFile (formula guard included)",
                run -> time(() -> exporter.writeFile(exported, VaultFormat.CSV, dir.resolve("safe.csv"))));

        StringWriter text = new StringWriter();
        VaultJson.write(exported, text);
        System.out.printf("File safety benchmark: %,d items, JSON %,d characters; %d warm-up + %d timed runs%n",
                vault.items().size(), text.toString().length(), WARMUP, RUNS);
        System.out.printf("Java %s, %s %s, %d CPUs, files in %s%n%n", System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                dir);
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
            System.out.printf("| %s | %.1f | %.1f | %.1f |%n", step.getKey(), ms[0], ms[RUNS / 2], ms[RUNS - 1]);
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
}
