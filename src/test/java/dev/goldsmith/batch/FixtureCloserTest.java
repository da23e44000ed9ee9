package dev.goldsmith.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goldsmith.store.StoreKind;
import dev.goldsmith.store.TestPostgres;
import dev.goldsmith.vault.QualityTier;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The engine fixtures a test opens are closed after it: their PostgreSQL connections do not outlive the test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FixtureCloserTest {

    private static String databaseOfTheFirstTest;

    @TempDir
    Path dir;

    @Test
    @Order(1)
    void aTestUsesAFixtureOnPostgres() {
        EngineFixture f = new EngineFixture(dir, StoreKind.POSTGRESQL);
        f.finish(f.start(f.addItems(2, QualityTier.BRONZE), EngineFixture.options(2)));
        databaseOfTheFirstTest = TestPostgres.query(TestPostgres.url("postgres", "postgres"), "SELECT datname FROM"
                + " pg_stat_activity WHERE datname LIKE 'g%' AND datname <> 'goldsmith_template'"
                + " ORDER BY backend_start DESC LIMIT 1");
        assertThat(databaseOfTheFirstTest).as("the fixture is connected while the test runs").isNotNull();
    }

    @Test
    @Order(2)
    void afterItItsConnectionsAreGone() {
        String open = TestPostgres.query(TestPostgres.url("postgres", "postgres"),
                "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + databaseOfTheFirstTest + "'");
        assertThat(open).isEqualTo("0");
    }
}
