package dev.goldsmith.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A PostgreSQL database as a libpq-style URL, {@code postgresql://USER@HOST:PORT/DBNAME?sslmode=require} (also
 * {@code postgres://…}, and {@code jdbc:postgresql://HOST:PORT/DBNAME?user=USER}). Never holds a password: one in the
 * URL is refused (without echoing it) — it comes from {@code PGPASSWORD}, {@code ~/.pgpass} or the owner-only file the
 * settings screen writes ({@link PgPassword}).
 *
 * @param params the connection options given, by their libpq names ({@code sslmode}, {@code sslrootcert}, …)
 */
public record PostgresUrl(String user, String host, int port, String database, Map<String, String> params)
        implements StoreLocation {

    public static final int DEFAULT_PORT = 5432;
    /** The options a URL may carry; anything else is refused rather than silently ignored. */
    static final Set<String> OPTIONS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "application_name",
            "connect_timeout");
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public PostgresUrl {
        params = Map.copyOf(params);
    }

    /** The TLS mode asked for; libpq's default, {@code prefer}, when none is. */
    public String sslmode() {
        return params.getOrDefault("sslmode", "prefer");
    }

    /** {@code postgresql://USER@HOST:PORT/DBNAME}: what messages and the settings screen show. */
    @Override
    public String label() {
        return "postgresql://" + encode(user) + "@" + hostPart() + ":" + port + "/" + encode(database);
    }

    /** The options as a query string ({@code ?sslmode=require}), or empty: with {@link #label()}, the whole URL. */
    public String query() {
        if (params.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        params.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> q.append(q.length() == 0 ? '?' : '&')
                .append(encode(e.getKey())).append('=').append(encode(e.getValue())));
        return q.toString();
    }

    /** A short name for messages: {@code DBNAME on HOST:PORT}. */
    public String shortLabel() {
        return database + " on " + hostPart() + ":" + port;
    }

    String hostPart() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return label();
    }

    /** Parses {@code postgresql://…} or {@code postgres://…} (or what follows {@code jdbc:}). */
    static PostgresUrl parse(String text, String origin) {
        String where = origin + " (a PostgreSQL URL)";
        int slashes = text.indexOf("://");
        if (slashes < 0) {
            throw new StoreException(where + " must read postgresql://USER@HOST:PORT/DBNAME.");
        }
        String rest = text.substring(slashes + 3);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = "";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String user = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            if (userInfo.contains(":")) {
                throw passwordRefused(where);
            }
            user = decode(userInfo, where);
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new StoreException(where + ": the IPv6 address lacks its closing ']'.");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new StoreException(where + ": unexpected '" + StoreLocation.Texts.visible(after) + "' after the host.");
            }
        } else {
            int colon = rest.indexOf(':');
            host = colon >= 0 ? rest.substring(0, colon) : rest;
            portText = colon >= 0 ? rest.substring(colon + 1) : null;
        }
        host = decode(host, where);
        if (host.isEmpty()) {
            host = "localhost";
        }
        if (host.contains(",")) {
            throw new StoreException(where + " names several hosts (" + StoreLocation.Texts.visible(host)
                    + "); give one.");
        }
        int port = DEFAULT_PORT;
        if (portText != null && !portText.isEmpty()) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new StoreException(where + ": port '" + StoreLocation.Texts.visible(portText)
                        + "' is not a number from 1 to 65535.");
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq >= 0 ? pair.substring(0, eq) : pair, where).toLowerCase(Locale.ROOT);
            String value = eq >= 0 ? decode(pair.substring(eq + 1), where) : "";
            if (key.equals("password")) {
                throw passwordRefused(where);
            }
            if (key.equals("user")) {
                user = value;
            } else if (key.equals("dbname")) {
                path = value;
            } else if (key.equals("ssl") && value.equalsIgnoreCase("true")) {
                params.putIfAbsent("sslmode", "require"); // pgjdbc's spelling
            } else if (OPTIONS.contains(key)) {
                params.put(key, value);
            } else {
                throw new StoreException(where + ": option '" + StoreLocation.Texts.visible(key)
                        + "' is not supported; the URL may carry " + String.join(", ", OPTIONS.stream().sorted().toList())
                        + ".");
            }
        }
        if (params.containsKey("sslmode") && !SSL_MODES.contains(params.get("sslmode"))) {
            throw new StoreException(where + ": sslmode '" + StoreLocation.Texts.visible(params.get("sslmode"))
                    + "' is not one of disable, allow, prefer, require, verify-ca, verify-full.");
        }
        if (params.containsKey("connect_timeout")) {
            try {
                Integer.parseUnsignedInt(params.get("connect_timeout"));
            } catch (NumberFormatException e) {
                throw new StoreException(where + ": connect_timeout '" + StoreLocation.Texts.visible(
                        params.get("connect_timeout")) + "' is not a number of seconds.");
            }
        }
        if (user == null || user.isEmpty()) {
            user = System.getProperty("user.name"); // as libpq: the operating-system user
        }
        String database = decode(path, where);
        if (database.isEmpty()) {
            database = user; // as libpq
        }
        return new PostgresUrl(user, host, port, database, params);
    }

    private static StoreException passwordRefused(String where) {
        return new StoreException(where + " holds a password; passwords never go in a URL (it ends up in shell history and"
                + " process lists) — set PGPASSWORD, add the password to ~/.pgpass, or save it in Settings.");
    }

    private static String decode(String s, String where) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StoreException(where + ": '" + StoreLocation.Texts.visible(s) + "' is not valid percent-encoding.");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
