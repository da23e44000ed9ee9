package dev.goldsmith.store;

import dev.goldsmith.vault.ItemField;
import dev.goldsmith.vault.ItemVersion;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultItem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Puts a checked {@link VaultFile} into the store in one transaction (DESIGN §7). A new vault gets every item in
 * file order. A vault id that exists is refused unless {@code merge}: then the vault's name and owner are taken from
 * the file, items are upserted by id (new ones appended at the end, changed ones updated in place with their
 * previous state kept in {@code item_versions}, reason {@code import}), and items absent from the file are kept.
 * A field the file does not carry is left as it is: an item whose tier or keywords the file leaves out
 * ({@link VaultFile#leftOut}) keeps the stored ones, and one without a confidence score keeps its stored score (CSV
 * files carry none); a new item takes the defaults. On any failure nothing is changed.
 */
public final class VaultImporter {

    private final Database db;
    private final Clock clock;

    public VaultImporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @throws VaultExistsException when the vault exists and {@code merge} is false
     */
    public ImportResult importVault(VaultFile file, boolean merge) {
        return db.inTransaction(c -> importVault(c, file, merge, clock));
    }

    /** The same, inside a transaction the caller holds. */
    static ImportResult importVault(Connection c, VaultFile file, boolean merge, Clock clock) throws SQLException {
        Vault vault = file.vault();
        boolean exists = VaultRepository.find(c, vault.id()).isPresent();
        if (exists && !merge) {
            throw new VaultExistsException(vault.id());
        }
        VaultRepository.save(c, new Vault(vault.id(), vault.name(), vault.owner(), null, null), clock);
        Instant now = clock.instant();
        Map<String, VaultItem> current = new HashMap<>();
        if (exists) {
            for (VaultItem item : ItemRepository.list(c, vault.id())) {
                current.put(item.id(), item);
            }
        }
        List<VaultItem> added = new ArrayList<>();
        int updated = 0;
        for (VaultItem given : file.items()) {
            VaultItem before = current.get(given.id());
            if (before == null) {
                added.add(given);
            } else {
                VaultItem item = merged(given, file.leftOut(given.id()), before, vault.id());
                if (!sameFields(before, item)) {
                    // the previous state goes to item_versions, as for any other write-back
                    ItemVersionRepository.writeBack(c, item, null, ItemVersion.REASON_IMPORT, now);
                    updated++;
                }
            }
        }
        ItemRepository.saveAll(c, vault.id(), added, now); // appended after the vault's items, in file order
        int unchanged = file.items().size() - added.size() - updated;
        return new ImportResult(vault.id(), vault.name(), !exists, added.size(), updated, unchanged);
    }

    /** The file's item as it will be stored over {@code before}: what the file leaves out is kept from the store. */
    private static VaultItem merged(VaultItem given, Set<ItemField> leftOut, VaultItem before, String vaultId) {
        QualityTier tier = leftOut.contains(ItemField.QUALITY_TIER) ? before.tier() : given.tier();
        List<String> keywords = leftOut.contains(ItemField.KEYWORDS) ? before.keywords() : given.keywords();
        Double score = given.confidenceScore() != null ? given.confidenceScore() : before.confidenceScore();
        return new VaultItem(given.id(), vaultId, given.type(), given.content(), tier, keywords, score,
                before.createdAt(), null);
    }

    private static boolean sameFields(VaultItem a, VaultItem b) {
        return a.type() == b.type() && a.content().equals(b.content()) && a.tier() == b.tier()
                && a.keywords().equals(b.keywords()) && Objects.equals(a.confidenceScore(), b.confidenceScore());
    }
}
