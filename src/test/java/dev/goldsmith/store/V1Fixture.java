package dev.goldsmith.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteDataSource;

/**
 * Writes {@code src/test/resources/db/goldsmith-v1.db}: a database as release 0.1.0 left it — schema version 1
 * only, a vault with two items, one finished batch, one item version and a setting. The file is committed so that
 * {@link UpgradeTest} opens a real old database, not one rebuilt from today's scripts; if someone edits a released
 * migration, Flyway's checksum check fails that test. Regenerate only when cutting a new fixture for a release:
 *
 * <pre>mvn -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=dev.goldsmith.store.V1Fixture</pre>
 */
public final class V1Fixture {

    static final String RESOURCE = "/db/goldsmith-v1.db";

    private V1Fixture() {
    }

    public static void main(String[] args) throws SQLException, java.io.IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/db/goldsmith-v1.db");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        Flyway.configure(V1Fixture.class.getClassLoader())
                .dataSource(ds)
                .locations("classpath:db/migration")
                .target("1")
                .load()
                .migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO vaults VALUES ('v-ada', 'Ada Lovelace', 'ada@example.com',"
                    + " '2026-01-10T09:00:00Z', '2026-01-12T16:30:00Z')");
            s.executeUpdate("INSERT INTO vault_items VALUES ('v-ada', 'i-1', 0, 'power_phrase',"
                    + " 'Led the analytical engine notes — translated and extended them threefold', 'silver',"
                    + " '[\"technical writing\",\"algorithms\"]', 0.82, '2026-01-10T09:00:00Z', '2026-01-12T16:30:00Z')");
            s.executeUpdate("INSERT INTO vault_items VALUES ('v-ada', 'i-2', 1, 'transferable_skill',"
                    + " 'Explains complex machines to non-specialists', 'assumed', '[]', NULL,"
                    + " '2026-01-10T09:00:00Z', '2026-01-10T09:00:00Z')");
            s.executeUpdate("INSERT INTO batch_operations (id, user_id, vault_id, operation_type, status, total_items,"
                    + " processed_items, successful_items, failed_items, metadata, created_at, updated_at, completed_at,"
                    + " skipped_items, prompt_tokens, completion_tokens, cost_usd, active_ms)"
                    + " VALUES ('b-1', 'editor', 'v-ada', 'enhance', 'completed', 2, 2, 1, 0,"
                    + " '{\"provider\":\"rules\",\"concurrency\":5}', '2026-01-12T16:29:00Z', '2026-01-12T16:30:00Z',"
                    + " '2026-01-12T16:30:00Z', 1, 120, 45, 0.0, 61000)");
            s.executeUpdate("INSERT INTO batch_items (batch_operation_id, item_id, position, status, attempts,"
                    + " latency_ms, prompt_tokens, completion_tokens, started_at, finished_at) VALUES"
                    + " ('b-1', 'i-1', 0, 'succeeded', 1, 850, 120, 45, '2026-01-12T16:29:10Z', '2026-01-12T16:29:11Z')");
            s.executeUpdate("INSERT INTO batch_items (batch_operation_id, item_id, position, status) VALUES"
                    + " ('b-1', 'i-2', 1, 'skipped')");
            s.executeUpdate("INSERT INTO item_versions (vault_id, item_id, batch_operation_id, content, quality_tier,"
                    + " keywords, new_content, new_quality_tier, new_keywords, new_confidence_score, created_at) VALUES"
                    + " ('v-ada', 'i-1', 'b-1', 'Wrote notes on the analytical engine', 'bronze', '[]',"
                    + " 'Led the analytical engine notes — translated and extended them threefold', 'silver',"
                    + " '[\"technical writing\",\"algorithms\"]', 0.82, '2026-01-12T16:29:11Z')");
            s.executeUpdate("INSERT INTO settings VALUES ('batch.concurrency', '5', '2026-01-11T08:00:00Z')");
            s.execute("PRAGMA journal_mode = DELETE");
            s.execute("VACUUM");
        }
        System.out.println("wrote " + file);
    }
}
