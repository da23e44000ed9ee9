package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.StoreKind;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine fixtures a test opens are closed after it: their PostgreSQL connections do not outlive the test. (Checked
 * on the client side: a closed connection's server process may take a moment to leave {@code pg_stat_activity}.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureCloserTest {

    private static EngineFixture usedByTheFirstTest;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void aTestUsesAFixtureOnPostgres() {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        f.finish(f.start(f.addItems(2, QualityTier.BRONZE), EngineFixture.options(2)));
        usedByTheFirstTest = f;
        assertThat(f.openEngineConnections()).as("connected while the test runs").isPositive();
    }

    @Test
    @Order(2)
    void afterItItsConnectionsAreClosed() {
        assertThat(usedByTheFirstTest).isNotNull();
        assertThat(usedByTheFirstTest.openEngineConnections()).isZero();
    }
}
