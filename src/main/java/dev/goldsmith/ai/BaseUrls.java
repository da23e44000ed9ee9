package dev.goldsmith.ai;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Checks a provider base URL before anything connects: it must be {@code http(s)}, and plain {@code http} is
 * allowed only to a loopback host — the name {@code localhost} or a loopback address ({@code 127.0.0.0/8},
 * {@code ::1}) — so that a key and a vault never cross a network in clear text. No DNS lookup is made.
 */
public final class BaseUrls {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BaseUrls() {
    }

    /**
     * Parses and checks {@code baseUrl}; a trailing slash is dropped.
     *
     * @throws IllegalArgumentException with one sentence naming the URL and what would be accepted
     */
    public static HttpUrl require(String baseUrl) {
        return require(baseUrl, ProviderSettings.DEFAULT_BASE_URL);
    }

    /**
     * Parses and checks {@code baseUrl}, naming {@code example} as one that would do.
     *
     * @throws IllegalArgumentException with one sentence naming the URL and what would be accepted
     */
    public static HttpUrl require(String baseUrl, String example) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("The base URL is empty: give one such as " + example + ".");
        }
        String trimmed = baseUrl.strip();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new IllegalArgumentException("The base URL '" + trimmed
                    + "' is not a valid http or https URL (for example " + example + ").");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            // never echo it: the "password" may well be an API key
            throw new IllegalArgumentException("The base URL for " + url.host() + " must not carry a user name or"
                    + " password; put the API key in GOLDSMITH_API_KEY or the settings screen.");
        }
        if (url.query() != null || url.fragment() != null) {
            throw new IllegalArgumentException("The base URL for " + url.host() + " must not carry a query or a"
                    + " fragment (a key in the URL would end up in logs and history).");
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new IllegalArgumentException("Plain http is allowed only to this computer (localhost); use https for '"
                    + url.host() + "'.");
        }
        return url;
    }

    /** {@code base} + "/" + {@code path}, keeping the base's own path (e.g. {@code /v1}). */
    static HttpUrl resolve(HttpUrl base, String path) {
        HttpUrl.Builder b = base.newBuilder();
        String basePath = base.encodedPath();
        if (basePath.endsWith("/") && base.pathSize() > 0) {
            b.removePathSegment(base.pathSize() - 1); // drop the empty last segment of "…/v1/"
        }
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b.build();
    }

    /**
     * True for the name {@code localhost} itself and for loopback IP literals ({@code 127.0.0.0/8}, {@code ::1});
     * decided on the address, not on how a name looks: {@code evil.localhost} or {@code localhost.example.com} is
     * any other name. Names are never resolved here; a client for plain http to {@code localhost} also refuses to
     * connect if the name resolves to anything but loopback ({@link LoopbackDns}).
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches() || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup happens
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
