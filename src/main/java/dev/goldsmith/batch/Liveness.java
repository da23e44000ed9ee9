package dev.goldsmith.batch;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who runs a batch, and whether they still do. An owner id is {@code pid@host#nonce}; a live batch whose owner
 * process is gone (same host), or whose heartbeat is older than {@code staleAfter}, reads as interrupted.
 */
final class Liveness {

    private final String host;
    private final String ownerId;
    private final Duration staleAfter;

    Liveness(Duration staleAfter) {
        this.host = hostName();
        this.ownerId = ProcessHandle.current().pid() + "@" + host + "#" + UUID.randomUUID().toString().substring(0, 8);
        this.staleAfter = staleAfter;
    }

    String ownerId() {
        return ownerId;
    }

    /** Whether a batch that claims to be live has in fact lost its process. */
    boolean isDead(BatchRecord b, Instant now) {
        if (!b.status().isLive()) {
            return false;
        }
        if (ownerId.equals(b.ownerId())) {
            return false; // ours: the service knows whether it still runs it
        }
        Instant last = b.heartbeatAt() != null ? b.heartbeatAt() : b.updatedAt();
        boolean stale = last == null || Duration.between(last, now).compareTo(staleAfter) > 0;
        if (stale) {
            return true;
        }
        return ownerPid(b.ownerId()).filter(pid -> sameHost(b.ownerId()))
                .map(pid -> ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true))
                .orElse(false);
    }

    private boolean sameHost(String owner) {
        int at = owner.indexOf('@');
        int hash = owner.indexOf('#');
        return at > 0 && hash > at && owner.substring(at + 1, hash).equals(host);
    }

    private static Optional<Long> ownerPid(String owner) {
        if (owner == null) {
            return Optional.empty();
        }
        int at = owner.indexOf('@');
        try {
            return at > 0 ? Optional.of(Long.parseLong(owner.substring(0, at))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
