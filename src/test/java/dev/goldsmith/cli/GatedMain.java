package dev.goldsmith.cli;

import dev.goldsmith.Main;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.StoreLocation;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A child process's entry point for races between processes: opens the database once (so the slow first start-up
 * is behind it), says {@code ready} on stdout, waits until the test lets go of its lock on the gate file (a blocking
 * file lock — no polling), then runs {@link Main} with the rest of its arguments. Processes started this way run
 * their command at nearly the same moment.
 */
public final class GatedMain {

    private GatedMain() {
    }

    public static void main(String[] args) throws Exception {
        Path gate = Path.of(args[0]);
        int db = Arrays.asList(args).indexOf("--db");
        if (db > 0) {
            Database.open(StoreLocation.parse(args[db + 1], "--db"), System.getenv(), Path.of(args[0]).getParent())
                    .close();
        }
        try (FileChannel channel = FileChannel.open(gate, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            System.out.println("ready");
            System.out.flush();
            FileLock lock = channel.lock(); // blocks while the test holds the gate
            lock.release();
        }
        Main.main(Arrays.copyOfRange(args, 1, args.length));
    }
}
