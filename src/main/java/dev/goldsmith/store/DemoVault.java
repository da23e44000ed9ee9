package dev.goldsmith.store;

import java.time.Clock;

/**
 * The demo vault shipped in {@code assets/}, loaded into an empty database on the window's first start so a
 * newcomer sees data. The command line never calls this.
 */
public final class DemoVault {

    private DemoVault() {
    }

    /**
     * Loads the demo vault when the database holds no vault at all.
     *
     * @return whether it was loaded
     */
    public static boolean seedIfEmpty(Database db, Clock clock) {
        // Implemented with the vault importer (issue 2): reads the bundled demo vault file.
        return false;
    }
}
