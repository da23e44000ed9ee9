package dev.goldsmith.batch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands snapshots to listeners without ever blocking the publisher: each listener has a one-slot mailbox that
 * keeps only the newest snapshot, drained on the delivery executor. A listener that throws an {@link Error} (out of
 * memory, a stack overflow) is reported to {@code onError} — the batch ends rather than go on unseen — and its
 * mailbox keeps delivering.
 */
final class SnapshotPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);

    private final Executor delivery;
    private final Consumer<Throwable> onError;
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final AtomicReference<BatchSnapshot> latest = new AtomicReference<>();

    SnapshotPublisher(Executor delivery) {
        this(delivery, e -> { });
    }

    SnapshotPublisher(Executor delivery, Consumer<Throwable> onError) {
        this.delivery = delivery;
        this.onError = onError;
    }

    void publish(BatchSnapshot snapshot) {
        latest.set(snapshot);
        for (Mailbox m : mailboxes) {
            m.offer(snapshot);
        }
    }

    BatchSnapshot latest() {
        return latest.get();
    }

    Runnable subscribe(Consumer<BatchSnapshot> listener) {
        Mailbox mailbox = new Mailbox(listener);
        mailboxes.add(mailbox);
        BatchSnapshot now = latest.get();
        if (now != null) {
            mailbox.offer(now);
        }
        return () -> mailboxes.remove(mailbox);
    }

    private final class Mailbox {
        private final Consumer<BatchSnapshot> listener;
        private final AtomicReference<BatchSnapshot> slot = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        Mailbox(Consumer<BatchSnapshot> listener) {
            this.listener = listener;
        }

        void offer(BatchSnapshot snapshot) {
            slot.set(snapshot);
            if (scheduled.compareAndSet(false, true)) {
                delivery.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                BatchSnapshot s = slot.getAndSet(null);
                if (s == null) {
                    scheduled.set(false);
                    if (slot.get() != null && scheduled.compareAndSet(false, true)) {
                        continue;
                    }
                    return;
                }
                try {
                    listener.accept(s);
                } catch (RuntimeException e) {
                    LOG.warn("a batch listener failed", e);
                } catch (Error e) {
                    LOG.error("a batch listener failed", e);
                    onError.accept(e);
                }
            }
        }
    }
}
