package dev.goldsmith.batch;

import dev.goldsmith.ai.Operation;
import dev.goldsmith.ai.ProviderSettings;
import dev.goldsmith.store.Database;
import dev.goldsmith.store.ItemRepository;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.VaultRepository;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A real store — an SQLite file, or a PostgreSQL database on the embedded server ({@link StoreKind}) — with one vault, a batch service on virtual time, and a scripted provider. The engine's write
 * connections can be given a full disk for real ({@link #fillDisk()}: SQLite's {@code max_page_count}).
 */
final class EngineFixture implements AutoCloseable {

    static final Instant EPOCH = Instant.parse("2026-11-28T09:00:00Z");
    static final String VAULT = "v-test";

    final Database db;
    final VirtualLoop loop = new VirtualLoop(EPOCH);
    final ScriptedEnhancer provider = new ScriptedEnhancer(loop);
    final ItemRepository items;
    final BatchService service;
    final BatchStore store;
    final Clock clock;
    double random = 1.0;
    private final List<Connection> engineConnections = new ArrayList<>();
    private boolean diskFull;
    private Error nextConnectionFails;

    EngineFixture(Path dir) {
        this(dir, StoreKind.SQLITE);
    }

    EngineFixture(Path dir, StoreKind kind) {
        this(dir, kind, p -> null);
    }

    EngineFixture(Path dir, Function<ProviderSettings, dev.goldsmith.ai.Enhancer> enhancers) {
        this(dir, StoreKind.SQLITE, enhancers);
    }

    EngineFixture(Path dir, StoreKind kind, Function<ProviderSettings, dev.goldsmith.ai.Enhancer> enhancers) {
        db = kind.fresh(dir, "engine.db").open();
        clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return loop.now();
            }
        };
        items = new ItemRepository(db, clock);
        new VaultRepository(db, clock).save(new Vault(VAULT, "Test Vault", "t@example.com", null, null));
        EngineEnvironment env = new EngineEnvironment(clock, name -> loop, Runnable::run, Runnable::run,
                () -> random, Duration.ofSeconds(5), Duration.ofSeconds(30), () -> { });
        Function<ProviderSettings, dev.goldsmith.ai.Enhancer> factory = p -> {
            dev.goldsmith.ai.Enhancer e = enhancers.apply(p);
            return e != null ? e : provider;
        };
        service = new BatchService(db, factory, env, "test", this::engineConnection);
        store = new BatchStore(db);
        FixtureCloser.opened(this);
    }

    /** How many of the engine's connections are still open (client side). */
    long openEngineConnections() {
        return engineConnections.stream().filter(c -> {
            try {
                return !c.isClosed();
            } catch (SQLException e) {
                return false;
            }
        }).count();
    }

    /**
     * Frees the database connections (the engine's and the store's pool); the batch service is not closed, as a batch
     * left running on the virtual loop would make it wait. Called after each test by {@link FixtureCloser}.
     */
    @Override
    public void close() {
        for (Connection c : engineConnections) {
            try {
                c.close();
            } catch (SQLException e) {
                // already closed by the engine
            }
        }
        db.close();
    }

    private Connection engineConnection() {
        if (nextConnectionFails != null) {
            Error e = nextConnectionFails;
            nextConnectionFails = null;
            throw e;
        }
        Connection c = db.connect();
        engineConnections.add(c);
        if (diskFull) {
            limitToCurrentSize(c);
        }
        return c;
    }

    /** From now on the file may not grow by one page on any connection of the engine: SQLite answers SQLITE_FULL. */
    void fillDisk() {
        if (db.vendor() != dev.goldsmith.store.Vendor.SQLITE) {
            throw new IllegalStateException("a full disk is played on SQLite only (max_page_count)");
        }
        diskFull = true;
        engineConnections.forEach(EngineFixture::limitToCurrentSize);
    }

    /** The disk has room again. */
    void freeDisk() {
        diskFull = false;
        for (Connection c : engineConnections) {
            try {
                if (!c.isClosed()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("PRAGMA max_page_count = 1073741823");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The next connection the engine asks for throws this instead (on the thread that asks: the writer, say). */
    void failNextConnection(Error e) {
        nextConnectionFails = e;
    }

    private static void limitToCurrentSize(Connection c) {
        try {
            if (c.isClosed()) {
                return;
            }
            long pages;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA max_page_count = " + pages);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes the batch's last heartbeat {@code ago} old by the clock that judges it: the service's (virtual) clock on
     * SQLite, the database's {@code now()} on PostgreSQL, which stamps heartbeats there.
     */
    void heartbeatAgo(String batchId, Duration ago) {
        db.inTransaction(c -> {
            boolean pg = db.vendor() == dev.goldsmith.store.Vendor.POSTGRESQL;
            try (PreparedStatement ps = c.prepareStatement(pg
                    ? "UPDATE batch_operations SET heartbeat_at = now() - CAST(? AS interval) WHERE id = ?"
                    : "UPDATE batch_operations SET heartbeat_at = ? WHERE id = ?")) {
                ps.setString(1, pg ? ago.toMillis() + " milliseconds" : loop.now().minus(ago).toString());
                ps.setString(2, batchId);
                return ps.executeUpdate();
            }
        });
    }

    /** Adds {@code n} items "i0".."i(n-1)" at the given tier. */
    List<String> addItems(int n, QualityTier tier) {
        return addItems("i", n, tier);
    }

    List<String> addItems(String prefix, int n, QualityTier tier) {
        List<VaultItem> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new VaultItem(prefix + i, VAULT, ItemType.POWER_PHRASE, "Helped with project " + i, tier,
                    List.of(), null, null, null));
        }
        items.saveAll(VAULT, list);
        return list.stream().map(VaultItem::id).toList();
    }

    static BatchSettings settings(BatchOptions options) {
        return new BatchSettings(options, ProviderSettings.rules());
    }

    static BatchOptions options(int concurrency) {
        return BatchOptions.defaults(Operation.ENHANCE).withConcurrency(concurrency);
    }

    BatchHandle start(List<String> ids, BatchOptions options) {
        return service.start(VAULT, ids, settings(options));
    }

    BatchSnapshot finish(BatchHandle handle) {
        loop.runUntil(() -> handle.completion().isDone());
        return handle.completion().join();
    }

    BatchRecord record(String batchId) {
        return store.find(batchId).orElseThrow();
    }

    int versions(String itemId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM item_versions WHERE item_id = ?")) {
                ps.setString(1, itemId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    BatchItemRecord item(String batchId, String itemId) {
        return store.items(batchId).stream().filter(i -> i.itemId().equals(itemId)).findFirst().orElseThrow();
    }
}
