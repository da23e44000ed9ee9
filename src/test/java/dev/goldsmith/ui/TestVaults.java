package dev.goldsmith.ui;

import dev.goldsmith.Services;
import dev.goldsmith.vault.ItemType;
import dev.goldsmith.vault.QualityTier;
import dev.goldsmith.vault.Vault;
import dev.goldsmith.vault.VaultItem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A real store on a temporary SQLite file holding a small vault, for view-model and TestFX tests. */
public final class TestVaults {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    public static final String VAULT = "v-jordan";

    private TestVaults() {
    }

    /**
     * Six items: pp-1 bronze, pp-2 gold, pp-3 assumed (power phrases), ts-1 silver, ts-2 gold (transferable
     * skills), hc-1 bronze (hidden competency).
     */
    public static Services jordan(Path dir) {
        return jordan(dir, CLOCK);
    }

    /** The same vaults, on a store that reads the time from {@code clock}. */
    public static Services jordan(Path dir, Clock clock) {
        Services services = Services.open(dir.resolve("goldsmith.db"), clock);
        services.vaults().save(new Vault(VAULT, "Jordan Lee", "jordan@example.com", null, null));
        services.vaults().save(new Vault("v-empty", "Zed Empty", null, null, null));
        services.items().saveAll(VAULT, List.of(
                item("pp-1", ItemType.POWER_PHRASE, "Led a team of 5 engineers to ship the billing rewrite",
                        QualityTier.BRONZE, "leadership", "billing"),
                item("pp-2", ItemType.POWER_PHRASE, "Cut cloud spend 32% by rightsizing Kubernetes clusters",
                        QualityTier.GOLD, "cost optimisation", "Kubernetes"),
                item("pp-3", ItemType.POWER_PHRASE, "Helped with the Python data pipeline",
                        QualityTier.ASSUMED),
                item("ts-1", ItemType.TRANSFERABLE_SKILL, "Stakeholder communication across product and sales",
                        QualityTier.SILVER, "communication"),
                item("ts-2", ItemType.TRANSFERABLE_SKILL, "Mentoring junior developers",
                        QualityTier.GOLD, "mentoring", "python"),
                item("hc-1", ItemType.HIDDEN_COMPETENCY, "Calm under incident pressure",
                        QualityTier.BRONZE, "incident response")));
        return services;
    }

    private static VaultItem item(String id, ItemType type, String content, QualityTier tier, String... keywords) {
        return new VaultItem(id, VAULT, type, content, tier, List.of(keywords), 0.5, null, null);
    }
}
