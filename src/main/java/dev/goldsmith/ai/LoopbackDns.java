package dev.goldsmith.ai;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import okhttp3.Dns;

/**
 * The name lookup of a client that speaks plain http: it keeps only loopback addresses, so a key sent in clear text
 * can reach nothing but this computer even if {@code localhost} were made to resolve elsewhere (a hosts file, a
 * resolver). IP literals never get here: OkHttp connects to them as they are, and {@link BaseUrls} has checked them.
 */
final class LoopbackDns implements Dns {

    static final LoopbackDns SYSTEM = new LoopbackDns(Dns.SYSTEM);

    private final Dns delegate;

    LoopbackDns(Dns delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> loopback = delegate.lookup(hostname).stream().filter(InetAddress::isLoopbackAddress).toList();
        if (loopback.isEmpty()) {
            throw new UnknownHostException(hostname + " does not resolve to this computer; plain http goes nowhere else");
        }
        return loopback;
    }
}
