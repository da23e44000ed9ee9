package dev.goldsmith.batch;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who runs a batch, and whether they still do. An owner id is {@code pid@host#nonce}: a machine and a process. A live
 * batch whose owner process is gone (same host), or whose heartbeat is older than {@code staleAfter} (another host:
 * there a pid means nothing), reads as interrupted. On a team store the heartbeats are stamped, and judged, by the
 * database's clock ({@code BatchStore#heartbeatClock}), so machines whose clocks disagree still agree on who is alive.
 *
 * <p>The host is the machine's name, or the system property {@value #HOST_PROPERTY} when set — for machines that share
 * a name (cloned virtual machines) and for tests that play two machines on one.
 */
final class Liveness {

    /** A heartbeat this old means dead even when a process with the owner's id is running on this host. */
    static final Duration SAME_HOST_LIMIT = Duration.ofMinutes(10);
    static final String HOST_PROPERTY = "goldsmith.host";

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

    /**
     * Whether a batch that claims to be live has in fact lost its process. On this host the owner's process is
     * asked directly: alive means alive, however old the heartbeat (a suspended laptop, a long GC, a writer waiting
     * on a lock) — except after {@link #SAME_HOST_LIMIT}, which covers a process id reused by another program.
     * Elsewhere only the heartbeat can tell.
     */
    boolean isDead(BatchRecord b, Instant now) {
        if (!b.status().isLive()) {
            return false;
        }
        if (ownerId.equals(b.ownerId())) {
            return false; // ours: the service knows whether it still runs it
        }
        Instant last = b.heartbeatAt() != null ? b.heartbeatAt() : b.updatedAt();
        Duration silence = last == null ? Duration.ofDays(365) : Duration.between(last, now);
        Optional<Long> pid = ownerPid(b.ownerId());
        if (pid.isPresent() && sameHost(b.ownerId())) {
            boolean alive = ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false);
            return !alive || silence.compareTo(SAME_HOST_LIMIT) > 0;
        }
        return silence.compareTo(staleAfter) > 0;
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
        String named = System.getProperty(HOST_PROPERTY);
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
