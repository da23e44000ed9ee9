package dev.goldsmith.batch;

import java.time.Duration;
import java.util.Locale;

/** How the command line and the window show an elapsed time or an ETA: {@code 0:07}, {@code 1:12}, {@code 1:02:03}. */
public final class Durations {

    private Durations() {
    }

    public static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
