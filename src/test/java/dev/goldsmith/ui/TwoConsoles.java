package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestStore;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Two consoles on one fresh store — a shared PostgreSQL database, or one SQLite file — each with its own data
 * folder, and a vault {@code v1} saved by the first with the items given.
 */
public final class TwoConsoles implements AutoCloseable {

    public final Services mine;
    public final Services colleague;

    public TwoConsoles(StoreKind store, Path dir, VaultItem... items) {
        TestStore db = store.fresh(dir);
        mine = Services.open(db.location(), Map.of(), dir, Clock.systemUTC());
        colleague = Services.open(db.location(), Map.of(), dir.resolve("other"), Clock.systemUTC());
        mine.vaults().save(new Vault("v1", "Team vault", null, null, null));
        mine.items().saveAll("v1", List.of(items));
    }

    /** A bronze power phrase of vault {@code v1}. */
    public static VaultItem item(String id, String content) {
        return new VaultItem(id, "v1", ItemType.POWER_PHRASE, content, QualityTier.BRONZE, List.of(), null, null, null);
    }

    @Override
    public void close() {
        mine.close();
        colleague.close();
    }
}
