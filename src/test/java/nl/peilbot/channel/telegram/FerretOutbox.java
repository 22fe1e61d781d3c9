package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import nl.peilbot.outbox.Delivery;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxHandler;
import nl.peilbot.outbox.OutboxMessage;
import nl.peilbot.outbox.OutboxStats;

/**
 * A stand-in for the outbox module's implementation, which is being built on another branch: durable on the
 * test's FerretDB (an insert by {@code _id} per message, so a repeated id queues nothing), delivered by a
 * polling worker, one message per key at a time in enqueue order, keys in parallel, {@code notBefore} and
 * {@code RetryLater} honoured. One instance at a time only (claims are in memory); closing it abandons what is in
 * flight, as a kill would. Replace it by the real outbox once that is merged.
 */
final class FerretOutbox implements Outbox, AutoCloseable {

    static final String COLLECTION = "testOutbox";
    private static final Duration POLL = Duration.ofMillis(25);
    private static final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    private final MongoCollection<Document> messages;
    private final Map<String, OutboxHandler> handlers = new HashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> inFlight = new HashSet<>();
    private final Thread poller = new Thread(this::poll, "test-outbox-poller");
    private volatile boolean running = true;

    FerretOutbox(MongoDatabase database, List<OutboxHandler> handlers) {
        this.messages = database.getCollection(COLLECTION);
        handlers.forEach(handler -> this.handlers.put(handler.kind(), handler));
        poller.setDaemon(true);
        poller.start();
    }

    @Override
    public boolean enqueue(OutboxMessage message) {
        Document document = new Document("_id", message.id()).append("kind", message.kind()).append("key", message.key())
                .append("payload", new Document(message.payload())).append("seq", sequence.incrementAndGet())
                .append("state", "pending").append("tries", 0)
                .append("notBefore", message.notBefore() == null ? null : Date.from(message.notBefore()));
        try {
            messages.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public OutboxStats stats() {
        Map<String, Long> pending = new HashMap<>();
        Map<String, Long> givenUp = new HashMap<>();
        for (Document document : messages.find()) {
            String state = document.getString("state");
            if (state.equals("pending")) {
                pending.merge(document.getString("kind"), 1L, Long::sum);
            } else if (state.equals("given-up")) {
                givenUp.merge(document.getString("kind"), 1L, Long::sum);
            }
        }
        return new OutboxStats(pending, givenUp, 0);
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        workers.shutdownNow();
    }

    private void poll() {
        while (running) {
            try {
                Set<String> headsSeen = new HashSet<>();
                Instant now = Instant.now();
                for (Document document : messages.find(Filters.eq("state", "pending")).sort(Sorts.ascending("seq"))) {
                    String id = document.getString("_id");
                    String key = document.getString("key") == null ? "id:" + id : document.getString("key");
                    if (!headsSeen.add(key)) {
                        continue; // only the oldest pending message of a key may go
                    }
                    Date notBefore = document.getDate("notBefore");
                    if (notBefore != null && notBefore.toInstant().isAfter(now)) {
                        continue;
                    }
                    synchronized (inFlight) {
                        if (!inFlight.add(key)) {
                            continue;
                        }
                    }
                    workers.execute(() -> deliver(document, key));
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void deliver(Document listed, String key) {
        try {
            // The poller's list may be older than a delivery that just finished: read the message again.
            Document document = messages.find(Filters.eq("_id", listed.getString("_id"))).first();
            if (document == null || !document.getString("state").equals("pending") || (document.getDate("notBefore") != null
                    && document.getDate("notBefore").toInstant().isAfter(Instant.now()))) {
                return;
            }
            Map<String, Object> payload = toPlain(document.get("payload", Document.class));
            Instant notBefore = document.getDate("notBefore") == null ? null : document.getDate("notBefore").toInstant();
            OutboxMessage message = new OutboxMessage(document.getString("_id"), document.getString("kind"),
                    document.getString("key"), payload, notBefore);
            Delivery delivery = handlers.get(message.kind()).deliver(message);
            if (!running) {
                return; // "killed": the outcome is never recorded
            }
            int tries = document.getInteger("tries", 0) + 1;
            if (delivery instanceof Delivery.Sent) {
                messages.updateOne(Filters.eq("_id", message.id()), Updates.combine(Updates.set("state", "sent"), Updates.set("tries", tries)));
            } else if (delivery instanceof Delivery.RetryLater retry) {
                Duration after = retry.after() != null ? retry.after() : Duration.ofMillis(100L * Math.min(20, tries));
                messages.updateOne(Filters.eq("_id", message.id()), Updates.combine(Updates.set("tries", tries),
                        Updates.set("notBefore", Date.from(Instant.now().plus(after)))));
            } else {
                messages.updateOne(Filters.eq("_id", message.id()), Updates.combine(Updates.set("state", "given-up"), Updates.set("tries", tries)));
            }
        } finally {
            synchronized (inFlight) {
                inFlight.remove(key);
            }
        }
    }

    private static Map<String, Object> toPlain(Document document) {
        Map<String, Object> plain = new HashMap<>();
        document.forEach((name, value) -> plain.put(name, plainValue(value)));
        return plain;
    }

    private static Object plainValue(Object value) {
        if (value instanceof Document document) {
            return toPlain(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FerretOutbox::plainValue).toList();
        }
        return value;
    }
}
