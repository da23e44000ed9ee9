package dev.goldsmith.batch;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes, after each test, the engine fixtures it opened (their database connections), so a whole run on one embedded
 * PostgreSQL does not pile up connections until it refuses new ones ("too many clients"). Registered for every test
 * by {@code META-INF/services} (autodetection is on in {@code junit-platform.properties}); a fixture made outside a
 * test method (in a {@code @BeforeAll}) is left to its owner.
 */
public final class FixtureCloser implements BeforeEachCallback, AfterEachCallback {

    private static final List<AutoCloseable> OPENED = new ArrayList<>();
    private static boolean inTest;

    static synchronized void opened(AutoCloseable fixture) {
        if (inTest) {
            OPENED.add(fixture);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (FixtureCloser.class) {
            inTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<AutoCloseable> toClose;
        synchronized (FixtureCloser.class) {
            inTest = false;
            toClose = new ArrayList<>(OPENED);
            OPENED.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                // a fixture whose connections are already gone: nothing left to free
            }
        }
    }
}
