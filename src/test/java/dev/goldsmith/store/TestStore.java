package dev.goldsmith.store;

import java.nio.file.Path;

/**
 * One test's store: what {@code --db} is given ({@link #arg}), and a way to open it for a look at its tables.
 *
 * @param file the SQLite file, or {@code null}
 * @param url  the PostgreSQL database, or {@code null}
 */
public record TestStore(String arg, Path file, PostgresUrl url) {

    public Database open() {
        return file != null ? Database.open(file) : Database.open(url, TestPostgres.none());
    }

    /** Everything the store holds, as text: the file's bytes (and its -wal), or every row of every table. */
    public String contents() {
        if (file != null) {
            try {
                Path wal = file.resolveSibling(file.getFileName() + "-wal");
                return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                        + (java.nio.file.Files.exists(wal)
                        ? java.nio.file.Files.readString(wal, java.nio.charset.StandardCharsets.ISO_8859_1) : "");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        Database db = open();
        try {
            return TableSnapshot.of(db).toString();
        } finally {
            db.close();
        }
    }

    /** Where it is, as {@code --db} names it. */
    public StoreLocation location() {
        return file != null ? new StoreLocation.SqliteFile(file) : url;
    }

    public boolean isPostgres() {
        return url != null;
    }

    @Override
    public String toString() {
        return arg;
    }
}
