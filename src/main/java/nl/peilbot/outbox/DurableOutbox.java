package nl.peilbot.outbox;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** The outbox on MongoDB: an enqueue is one insert by the message id, then the local worker is woken. */
final class DurableOutbox implements Outbox {

    private final OutboxStore store;
    private final OutboxWorker worker;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    DurableOutbox(OutboxStore store, OutboxWorker worker, Clock clock) {
        this.store = store;
        this.worker = worker;
        this.clock = clock;
    }

    @Override
    public boolean enqueue(OutboxMessage message) {
        // Sent messages leave the backlog; their tombstone, written before the removal, makes a repeat a no-op.
        if (store.done(message.id())) {
            return false;
        }
        String nonce = UUID.randomUUID().toString();
        if (!store.insert(message, clock.instant(), sequence.incrementAndGet(), nonce)) {
            return false;
        }
        // A repeat racing with the first delivery: the tombstone appeared between the check and the insert. A
        // tombstone carrying this enqueue's nonce means a worker already delivered this very message.
        if (store.doneBefore(message.id(), nonce)) {
            store.delete(message.id());
            return false;
        }
        worker.wake();
        return true;
    }

    @Override
    public OutboxStats stats() {
        return store.stats(clock.instant());
    }
}
