package dev.goldsmith.store;

import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Vaults and their summaries. */
public final class VaultRepository {

    private final Database db;
    private final Clock clock;

    public VaultRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Vault> find(String id) {
        return db.read(c -> find(c, id));
    }

    static Optional<Vault> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, owner, created_at, updated_at FROM vaults WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(vault(rs)) : Optional.empty();
            }
        }
    }

    public boolean isEmpty() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM vaults)");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Every vault with its counts, by name. */
    public List<VaultSummary> summaries() {
        return db.read(c -> {
            Map<String, Vault> vaults = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, owner, created_at, updated_at FROM vaults ORDER BY lower(name), id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Vault v = vault(rs);
                    vaults.put(v.id(), v);
                }
            }
            Map<String, Map<QualityTier, Integer>> tiers = new LinkedHashMap<>();
            Map<String, Map<ItemType, Integer>> types = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT vault_id, type, quality_tier, COUNT(*) AS n FROM vault_items GROUP BY vault_id, type, quality_tier");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String vaultId = rs.getString("vault_id");
                    int n = rs.getInt("n");
                    QualityTier tier = QualityTier.fromWire(rs.getString("quality_tier")).orElseThrow();
                    ItemType type = ItemType.fromWire(rs.getString("type")).orElseThrow();
                    tiers.computeIfAbsent(vaultId, k -> new EnumMap<>(QualityTier.class)).merge(tier, n, Integer::sum);
                    types.computeIfAbsent(vaultId, k -> new EnumMap<>(ItemType.class)).merge(type, n, Integer::sum);
                }
            }
            List<VaultSummary> result = new ArrayList<>();
            for (Vault v : vaults.values()) {
                Map<QualityTier, Integer> t = new EnumMap<>(QualityTier.class);
                for (QualityTier tier : QualityTier.values()) {
                    t.put(tier, tiers.getOrDefault(v.id(), Map.of()).getOrDefault(tier, 0));
                }
                Map<ItemType, Integer> ty = new EnumMap<>(ItemType.class);
                for (ItemType type : ItemType.values()) {
                    ty.put(type, types.getOrDefault(v.id(), Map.of()).getOrDefault(type, 0));
                }
                int count = t.values().stream().mapToInt(Integer::intValue).sum();
                result.add(new VaultSummary(v, count, t, ty));
            }
            return result;
        });
    }

    /** Inserts a vault, or updates its name and owner when it exists. */
    public Vault save(Vault vault) {
        return db.inTransaction(c -> save(c, vault, clock));
    }

    static Vault save(Connection c, Vault vault, Clock clock) throws SQLException {
        String now = Columns.time(clock.instant());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO vaults (id, name, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, owner = excluded.owner,
                                               updated_at = excluded.updated_at""")) {
            ps.setString(1, vault.id());
            ps.setString(2, vault.name());
            ps.setString(3, vault.owner());
            ps.setString(4, vault.createdAt() != null ? Columns.time(vault.createdAt()) : now);
            ps.setString(5, now);
            ps.executeUpdate();
        }
        return find(c, vault.id()).orElseThrow();
    }

    private static Vault vault(ResultSet rs) throws SQLException {
        return new Vault(rs.getString("id"), rs.getString("name"), rs.getString("owner"),
                Columns.time(rs, "created_at"), Columns.time(rs, "updated_at"));
    }
}
