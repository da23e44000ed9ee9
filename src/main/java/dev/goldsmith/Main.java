package dev.goldsmith;

import dev.goldsmith.cli.Cli;
import dev.goldsmith.store.DataLocation;
import java.util.Locale;

/**
 * The one entry point. No arguments: the window. Any argument: a headless command that never starts JavaFX
 * (it works with no display). A lone {@code .gsvault} file — what the desktop passes when a vault file is
 * double-clicked (packaging/linux/vault-file.properties) — opens the window too, never a command.
 */
public final class Main {

    /** The extension of vault files associated with Goldsmith by the installers (JSON inside). */
    static final String VAULT_FILE_EXTENSION = ".gsvault";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("goldsmith.logDir", DataLocation.dataFolder().resolve("logs").toString());
        if (opensWindow(args)) {
            // A separate class so that JavaFX is loaded only on this road.
            dev.goldsmith.ui.Gui.launch(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err, System.getenv()));
    }

    /** No arguments, or only a vault file handed over by the desktop's file association. */
    static boolean opensWindow(String[] args) {
        return args.length == 0
                || args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(VAULT_FILE_EXTENSION)
                        && !args[0].startsWith("-");
    }
}
