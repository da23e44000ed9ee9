package dev.goldsmith;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version: the jar manifest's, else the one Maven wrote into {@code version.properties}. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : fromResource();
    }

    private static String fromResource() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
