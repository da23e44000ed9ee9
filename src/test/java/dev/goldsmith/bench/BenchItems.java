package dev.goldsmith.bench;

import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real store holding one vault of bronze items whose content names their index: an SQLite file in a temp folder, or
 * a PostgreSQL database given.
 */
final class BenchItems implements AutoCloseable {

    static final String VAULT = "v-bench";
    private static final Pattern INDEX = Pattern.compile("bench item #(\\d+)");

    final Path dir;
    final Database db;
    final List<VaultItem> items;

    BenchItems(int count) {
        this(count, null);
    }

    /** @param store the database to fill, or {@code null} for a new SQLite file */
    BenchItems(int count, Database store) {
        try {
            dir = Files.createTempDirectory("goldsmith-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = store != null ? store : Database.open(dir.resolve("bench.db"));
        Clock clock = Clock.systemUTC();
        new VaultRepository(db, clock).save(new Vault(VAULT, "Bench Vault", "bench@example.com", null, null));
        List<VaultItem> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(item(i));
        }
        new ItemRepository(db, clock).saveAll(VAULT, list);
        items = List.copyOf(list);
    }

    static VaultItem item(int i) {
        return new VaultItem(id(i), VAULT, ItemType.POWER_PHRASE,
                "Helped the team with project " + i + " (bench item #" + i + ").", QualityTier.BRONZE,
                List.of(), null, null, null);
    }

    static String id(int i) {
        return String.format("b%06d", i);
    }

    /** The item index from an item id, or -1. */
    static int indexOfId(String id) {
        return Integer.parseInt(id.substring(1));
    }

    /** The item index named in a request body (the prompt carries the item's content), or -1. */
    static int indexInText(String text) {
        Matcher m = INDEX.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    List<String> ids() {
        return items.stream().map(VaultItem::id).toList();
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // SQLite may remove its -wal file while we walk; a temp folder left behind is harmless
        }
    }
}
