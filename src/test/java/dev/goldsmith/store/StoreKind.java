package dev.goldsmith.store;

import java.nio.file.Path;

/**
 * The two stores the same test classes run on ({@code @ParameterizedClass @EnumSource(StoreKind.class)}): a real
 * SQLite file, and a real PostgreSQL database on the embedded server ({@link TestPostgres}).
 */
public enum StoreKind {
    SQLITE, POSTGRESQL;

    /** A fresh store with the current schema and no data, for one test. */
    public TestStore fresh(Path dir) {
        return fresh(dir, "g.db");
    }

    /** The same, with the SQLite file's name (tests that use two stores). */
    public TestStore fresh(Path dir, String fileName) {
        if (this == SQLITE) {
            return new TestStore(dir.resolve(fileName).toString(), dir.resolve(fileName), null);
        }
        PostgresUrl url = TestPostgres.freshDatabase();
        return new TestStore(TestPostgres.arg(url), null, url);
    }
}
