package dev.goldsmith;

import dev.goldsmith.cli.Cli;
import dev.goldsmith.store.DataLocation;

/**
 * The one entry point. No arguments: the window. Any argument: a headless command that never starts JavaFX
 * (it works with no display).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("goldsmith.logDir", DataLocation.dataFolder().resolve("logs").toString());
        if (args.length == 0) {
            // A separate class so that JavaFX is loaded only on this road.
            dev.goldsmith.ui.Gui.launch(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err, System.getenv()));
    }
}
