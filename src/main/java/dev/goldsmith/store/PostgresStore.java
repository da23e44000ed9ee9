package dev.goldsmith.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What opening a PostgreSQL store takes: the driver's data source behind a small pool, the look at the database before
 * Flyway touches it (a newer Goldsmith's schema, another program's tables), and sentences for what can go wrong when
 * connecting (unreachable, no or wrong password, no such database, no TLS).
 */
final class PostgresStore {

    /** Connections kept open between uses: enough for the engine's writer, a few readers and the window's polling. */
    static final int MAX_IDLE = 8;
    /** An idle connection older than this is checked before it is handed out (the server may have closed it). */
    static final long CHECK_AFTER_IDLE_MS = 30_000;

    private PostgresStore() {
    }

    static Pool pool(PostgresUrl url, PgPassword.Lookup password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {url.host()});
        ds.setPortNumbers(new int[] {url.port()});
        ds.setDatabaseName(url.database());
        ds.setUser(url.user());
        password.password().ifPresent(ds::setPassword);
        ds.setSslMode(url.sslmode());
        if (url.params().containsKey("sslrootcert")) {
            ds.setSslRootCert(url.params().get("sslrootcert"));
        }
        if (url.params().containsKey("sslcert")) {
            ds.setSslCert(url.params().get("sslcert"));
        }
        if (url.params().containsKey("sslkey")) {
            ds.setSslKey(url.params().get("sslkey"));
        }
        ds.setApplicationName(url.params().getOrDefault("application_name", "Goldsmith"));
        ds.setConnectTimeout(Integer.parseInt(url.params().getOrDefault("connect_timeout", "10")));
        ds.setTcpKeepAlive(true);
        // Values are bound as text and typed by the server: ISO-8601 times into timestamptz, JSON into jsonb.
        ds.setStringType("unspecified");
        return new Pool(ds);
    }

    /**
     * Refuses, before anything is written, a database that holds another program's tables and no Goldsmith schema, or
     * one a newer Goldsmith migrated (Flyway would ignore the unknown versions and carry on).
     */
    static void check(DataSource ds, PostgresUrl url) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty()) {
            return;
        }
        if (!tables.contains(SchemaCheck.HISTORY) || !tables.contains("vaults")) {
            throw new StoreException("The team database " + url.label() + " holds other tables and no Goldsmith schema;"
                    + " give Goldsmith an empty database of its own (createdb goldsmith).");
        }
        MigrationInfoService info = Database.flyway(Vendor.POSTGRESQL, ds).info();
        MigrationVersion known = Arrays.stream(info.all()).filter(m -> m.getState().isResolved())
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        MigrationVersion applied = Arrays.stream(info.applied()).map(MigrationInfo::getVersion)
                .filter(v -> v != null).max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        if (applied.compareTo(known) > 0) {
            throw new StoreException("The team database " + url.label() + " was written by a newer Goldsmith (schema "
                    + applied + "); this is version " + known + ", so it was left untouched — use that release or a"
                    + " newer one.");
        }
    }

    /** One sentence for a team database that cannot be opened; never holds the password. */
    static String openFailure(PostgresUrl url, PgPassword.Lookup password, SQLException e) {
        String state = String.valueOf(e.getSQLState());
        String message = String.valueOf(e.getMessage());
        String server = url.hostPart() + ":" + url.port();
        String notes = password.notes().isEmpty() ? "" : " (" + String.join("; ", password.notes()) + ")";
        if (causedBy(e, ConnectException.class) || state.equals("08001") && message.contains("Connection refused")) {
            return "Cannot reach PostgreSQL at " + server + " (connection refused); check the URL and that the server"
                    + " is running.";
        }
        if (causedBy(e, UnknownHostException.class)) {
            return "Cannot reach PostgreSQL at " + server + ": the host " + url.host() + " is unknown.";
        }
        if (state.equals("28P01")) {
            return "PostgreSQL at " + server + " refused the password for user " + url.user() + " (from "
                    + password.source() + ").";
        }
        if (message.contains("no password was provided") || message.contains("password-based authentication")) {
            return "PostgreSQL at " + server + " asks for a password for user " + url.user() + " and none was found"
                    + notes + "; set PGPASSWORD, add a line " + url.host() + ":" + url.port() + ":" + url.database() + ":"
                    + url.user() + ":PASSWORD to ~/.pgpass (chmod 600), or save it in Settings.";
        }
        if (state.equals("3D000")) {
            return "The database " + url.database() + " does not exist on " + server + "; create it (createdb "
                    + url.database() + ") or correct the URL.";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + server + " refused user " + url.user() + ": " + Database.firstLine(message);
        }
        if (message.contains("does not support SSL")) {
            return "PostgreSQL at " + server + " does not offer TLS, and the URL asks for sslmode=" + url.sslmode()
                    + "; enable TLS on the server or choose another sslmode.";
        }
        return "Cannot open the team database " + url.label() + ": " + Database.firstLine(message);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A few idle connections kept for reuse, so each read does not pay a new login (a TLS handshake and SCRAM over a
     * network). Closing a handed-out connection gives it back: rolled back if a transaction was left open, in
     * auto-commit mode, or dropped when broken or when enough are idle.
     */
    static final class Pool implements DataSource, AutoCloseable {

        private record Idle(Connection connection, long since) {
        }

        private final PGSimpleDataSource source;
        private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
        private volatile boolean closed;

        Pool(PGSimpleDataSource source) {
            this.source = source;
        }

        @Override
        public Connection getConnection() throws SQLException {
            for (Idle i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
                boolean fresh = System.currentTimeMillis() - i.since() < CHECK_AFTER_IDLE_MS;
                if (!i.connection().isClosed() && (fresh || i.connection().isValid(5))) {
                    return handOut(i.connection());
                }
                closeQuietly(i.connection());
            }
            return handOut(source.getConnection());
        }

        private Connection handOut(Connection physical) {
            InvocationHandler handler = new InvocationHandler() {
                private boolean returned;

                @Override
                public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                    switch (method.getName()) {
                        case "close":
                            if (!returned) {
                                returned = true;
                                giveBack(physical);
                            }
                            return null;
                        case "isClosed":
                            return returned || physical.isClosed();
                        case "unwrap":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        default:
                            break;
                    }
                    if (returned) {
                        throw new SQLException("This connection has been closed.", "08003");
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }
            };
            return (Connection) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Connection.class},
                    handler);
        }

        private void giveBack(Connection physical) {
            try {
                if (closed || physical.isClosed() || idle.size() >= MAX_IDLE) {
                    closeQuietly(physical);
                    return;
                }
                if (!physical.getAutoCommit()) {
                    physical.rollback();
                    physical.setAutoCommit(true);
                }
                idle.addFirst(new Idle(physical, System.currentTimeMillis()));
            } catch (SQLException e) {
                closeQuietly(physical);
            }
        }

        @Override
        public void close() {
            closed = true;
            for (Idle i = idle.pollFirst(); i != null; i = idle.pollFirst()) {
                closeQuietly(i.connection());
            }
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // a connection we are done with
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the pool logs in with the store's own user");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // not used
        }

        @Override
        public void setLoginTimeout(int seconds) {
            source.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return source.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw new SQLException("not a wrapper of " + iface.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return iface.isInstance(this);
        }
    }
}
