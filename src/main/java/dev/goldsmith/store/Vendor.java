package dev.goldsmith.store;

/**
 * The two kinds of store and the few places their SQL differs. Everything else the repositories write is portable:
 * {@code ON CONFLICT … DO UPDATE}, {@code IS [NOT] DISTINCT FROM}, {@code LIKE … ESCAPE}, {@code lower()}.
 */
public enum Vendor {
    /** One local file; one writer at a time ({@code BEGIN IMMEDIATE}), one machine, one clock. */
    SQLITE("classpath:db/migration"),
    /** The team store: many machines, row locks, and the database's clock for heartbeats. */
    POSTGRESQL("classpath:db/postgresql");

    private final String migrations;

    Vendor(String migrations) {
        this.migrations = migrations;
    }

    /** Where this vendor's Flyway scripts live (two folders: the SQLite history must keep its checksums). */
    public String migrations() {
        return migrations;
    }

    /**
     * What a {@code SELECT} inside a write transaction appends to lock the rows it read until the commit. SQLite needs
     * nothing: its write transactions are {@code IMMEDIATE}, one at a time. PostgreSQL (read committed) would otherwise
     * let two transactions read the same row and both act on what they saw.
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** A column that orders rows of {@code batch_operations} by insertion, as a tie-break for equal times. */
    public String insertionOrder(String alias) {
        return alias + (this == POSTGRESQL ? ".seq" : ".rowid");
    }

    /**
     * The value a heartbeat is written with, taking one bound parameter (the local time). On SQLite that time is
     * it: one file, one machine, one clock. On PostgreSQL the database's own clock stamps it (the bound value is only
     * there to keep the parameters in step), so owners on machines whose clocks disagree are judged by one clock.
     */
    public String heartbeatValue() {
        return this == POSTGRESQL ? "COALESCE(now(), CAST(? AS timestamptz))" : "?";
    }
}
