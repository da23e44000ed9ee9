package dev.goldsmith.cli;

import dev.goldsmith.store.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One in-process run of the command line against a store (a database file or a PostgreSQL URL): exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(TestStore db, String... args) {
        return run(db.arg(), Map.of(), args);
    }

    static CliRun run(TestStore db, Map<String, String> env, String... args) {
        return run(db.arg(), env, args);
    }

    static CliRun run(Path db, String... args) {
        return run(db, Map.of(), args);
    }

    static CliRun run(Path db, Map<String, String> env, String... args) {
        return run(db.toString(), env, args);
    }

    /** With {@code --db} given as the user types it: a file path or a PostgreSQL URL. */
    static CliRun run(String db, Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
