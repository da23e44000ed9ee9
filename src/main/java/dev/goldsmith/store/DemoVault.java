package dev.goldsmith.store;

import dev.goldsmith.vault.VaultFile;
import dev.goldsmith.vault.VaultJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

/**
 * The demo vault shipped in {@code assets/demo-vault.json} (on the classpath as {@value #RESOURCE}), loaded into an
 * empty database on the window's first start so a newcomer sees data. The command line never calls this.
 */
public final class DemoVault {

    /** Where the build puts {@code assets/demo-vault.json}. */
    public static final String RESOURCE = "/demo/demo-vault.json";

    private DemoVault() {
    }

    /** The bundled demo vault file, parsed and checked. */
    public static VaultFile load() {
        try (InputStream in = DemoVault.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new StoreException("The demo vault " + RESOURCE + " is missing from the application.");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return VaultJson.read(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the demo vault when the database holds no vault at all. The check and the import are one transaction,
     * so two windows starting at once seed it only once.
     *
     * @return whether it was loaded
     */
    public static boolean seedIfEmpty(Database db, Clock clock) {
        if (!isEmpty(db)) {
            return false;
        }
        VaultFile demo = load();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM vaults)");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return false;
                }
            }
            VaultImporter.importVault(c, demo, false, clock);
            return true;
        });
    }

    private static boolean isEmpty(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM vaults)");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }
}
