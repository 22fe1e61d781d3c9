package nl.peilbot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import com.mongodb.client.MongoDatabase;

/** One outbox instance (store, worker, enqueue side) on a database, as the Spring configuration wires it. */
final class TestOutbox implements AutoCloseable {

    final OutboxStore store;
    final OutboxWorker worker;
    final DurableOutbox outbox;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    TestOutbox(MongoDatabase database, Clock clock, OutboxProperties settings, List<OutboxHandler> handlers) {
        this.store = new OutboxStore(database);
        // the application's scheduler, as Boot configures it: one thread
        scheduler.setThreadNamePrefix("test-scheduling-");
        scheduler.initialize();
        // a fixed jitter of one half: each wait is the doubled back-off and a quarter more
        this.worker = new OutboxWorker(store, () -> handlers, settings, clock, new Backoff(settings.maxBackoff(),
                () -> 0.5), scheduler);
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
        scheduler.shutdown();
    }
}
