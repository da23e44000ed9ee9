package dev.goldsmith.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link ResponseFormat} a server takes, learned once per enhancer — one enhancer runs one batch — so that a
 * server that refuses structured outputs refuses them once per batch, not once per item.
 *
 * <p>While it is not known whether the server takes the current format, one call goes out with it (the probe) and
 * the calls that come meanwhile wait for its answer: a batch's first wave costs one round trip more, and a server
 * that refuses the format sees one refused request, not one per call in flight. When the probe is refused the format
 * steps down ({@link ResponseFormat#fallback}) and the probe goes again with the new one, still alone; any other outcome
 * (an answer, an error, a timeout, a cancel) opens the gate and every waiting call goes at once with the format that
 * worked. From then on calls are never held. Should a refusal still come later (a server that changed its mind), the
 * format steps down only if the refused call was sent with the current one: two calls refused for the same format move
 * it one step, never two.
 *
 * <p>Thread-safe; callers are run outside its lock. {@link ResponseFormat#NONE} is open from the start (nothing to
 * refuse), and so is a format the server is known to take ({@link Wire#takesFirstFormat}: OpenAI's own API, Azure at
 * a structured-outputs api-version), so the wait is paid only with servers of unknown abilities.
 */
final class FormatGate {

    private static final Logger LOG = LoggerFactory.getLogger(FormatGate.class);

    /** A call that can be sent with a format now or later. */
    interface Caller {
        /** Send with {@code format}; {@code probe} when this call decides whether the format is taken. */
        void go(ResponseFormat format, boolean probe);

        /** The enhancer was closed while this call waited. */
        void closed();
    }

    /** What a refused call is sent again with, and whether it is (still) the probe. */
    record Pass(ResponseFormat format, boolean probe) {
    }

    private final String server;
    private ResponseFormat current;
    private boolean open;
    private boolean probing;
    private boolean closed;
    private final List<Caller> waiting = new ArrayList<>();

    FormatGate(ResponseFormat first, String server) {
        this(first, server, false);
    }

    /** With {@code known} the server is known to take {@code first}: the gate is open from the start, no call waits. */
    FormatGate(ResponseFormat first, String server, boolean known) {
        this.current = Objects.requireNonNull(first, "first");
        this.server = server;
        this.open = known || first == ResponseFormat.NONE;
    }

    /** The format calls go with now (for tests and the token estimate). */
    synchronized ResponseFormat current() {
        return current;
    }

    /** Sends {@code caller} at once, as the probe, or when the probe's answer has come. */
    void enter(Caller caller) {
        ResponseFormat format;
        boolean probe;
        synchronized (this) {
            if (closed) {
                format = null;
                probe = false;
            } else if (!open && probing) {
                waiting.add(caller);
                return;
            } else {
                probe = !open;
                probing |= probe;
                format = current;
            }
        }
        if (format == null) {
            caller.closed();
        } else {
            caller.go(format, probe);
        }
    }

    /**
     * The server refused {@code sent}. Steps the format down if {@code sent} is still the current one, and says what
     * to send again with; when the format reaches {@link ResponseFormat#NONE} the waiting calls go too.
     */
    Pass refused(ResponseFormat sent, boolean probe) {
        List<Caller> release = List.of();
        ResponseFormat next;
        boolean stepped = false;
        boolean stillProbe;
        synchronized (this) {
            if (sent == current && current != ResponseFormat.NONE) {
                current = current.fallback();
                stepped = true;
                if (current == ResponseFormat.NONE) {
                    open = true;
                    probing = false;
                    release = drain();
                }
            }
            next = current;
            stillProbe = probe && !open;
        }
        if (stepped) {
            LOG.info("{} does not take response_format {}; asking with {} from now on", server, sent.wireName(),
                    next == ResponseFormat.NONE ? "no response_format" : next.wireName());
        }
        release.forEach(w -> w.go(next, false));
        return new Pass(next, stillProbe);
    }

    /** A call's outcome other than a refusal: when it was the probe, the format is taken and every waiting call goes. */
    void settled(boolean probe) {
        if (!probe) {
            return;
        }
        List<Caller> release;
        ResponseFormat format;
        synchronized (this) {
            if (open || !probing) {
                return;
            }
            open = true;
            probing = false;
            release = drain();
            format = current;
        }
        release.forEach(w -> w.go(format, false));
    }

    /** Stops the gate: calls waiting now, or entering later, are told the enhancer was closed. */
    void close() {
        List<Caller> release;
        synchronized (this) {
            closed = true;
            release = drain();
        }
        release.forEach(Caller::closed);
    }

    private List<Caller> drain() {
        List<Caller> out = List.copyOf(waiting);
        waiting.clear();
        return out;
    }
}
