package nl.peilbot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoDatabase;

/** One outbox instance (store, worker, enqueue side) on a database, as the Spring configuration wires it. */
final class TestOutbox implements AutoCloseable {

    final OutboxStore store;
    final OutboxWorker worker;
    final DurableOutbox outbox;

    TestOutbox(MongoDatabase database, Clock clock, OutboxProperties settings, List<OutboxHandler> handlers) {
        this.store = new OutboxStore(database);
        // a fixed jitter of one half: each wait is the doubled back-off and a quarter more
        this.worker = new OutboxWorker(store, () -> handlers, settings, clock, new Backoff(settings.maxBackoff(),
                () -> 0.5));
        this.outbox = new DurableOutbox(store, worker, clock);
    }

    static OutboxProperties settings(Duration pollInterval, int parallelism) {
        return new OutboxProperties(pollInterval, parallelism, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofDays(2), Duration.ofSeconds(5));
    }

    TestOutbox start() {
        worker.start();
        return this;
    }

    @Override
    public void close() {
        worker.stop();
    }
}
