package nl.peilbot.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * The outbox's collections, every per-message read and write by {@code _id} only.
 *
 * <p>{@code outbox} holds the backlog (so scanning it costs what is pending, not what was ever sent);
 * {@code outboxClaims} one document per try, {@code <id>#<try>}, whose insert is the atomic claim (the only
 * atomic write on FerretDB); {@code outboxDone} a tombstone per sent or given-up message, read by {@code _id} to keep
 * enqueueing idempotent; {@code outboxGivenUp} the given-up messages themselves, for organisers.
 */
final class OutboxStore {

    private static final int CLAIM_WALK = 8;

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> done;
    private final MongoCollection<Document> givenUp;

    OutboxStore(MongoDatabase database) {
        this.outbox = database.getCollection("outbox");
        this.claims = database.getCollection("outboxClaims");
        this.done = database.getCollection("outboxDone");
        this.givenUp = database.getCollection("outboxGivenUp");
    }

    /** A pending message as the worker plans with it: everything but the payload. */
    record Queued(String id, String kind, String key, Instant enqueuedAt, long seq, Instant due, int attempt) {

        /** Messages of one lane go one at a time, in enqueue order; a message without a key is a lane of its own. */
        String lane() {
            return key == null ? "#" + id : key;
        }
    }

    /** A pending message in full. */
    record Stored(OutboxMessage message, Instant enqueuedAt, Instant due, int attempt, String nonce) {
    }

    /** @return false when the id is in the backlog already */
    boolean insert(OutboxMessage message, Instant now, long seq, String nonce) {
        Document document = new Document("_id", message.id()).append("kind", message.kind());
        if (message.key() != null) {
            document.append("key", message.key());
        }
        document.append("payload", toDocument(message.payload()))
                .append("enqueuedAt", Date.from(now))
                .append("seq", seq)
                .append("due", Date.from(message.notBefore() == null ? now : message.notBefore()))
                .append("attempt", 0)
                .append("nonce", nonce);
        return insertIfAbsent(outbox, document);
    }

    /** Whether the message was sent or given up (its tombstone exists). */
    boolean done(String id) {
        return done.find(Filters.eq("_id", id)).projection(Projections.include("_id")).first() != null;
    }

    /**
     * Whether a tombstone exists for this id that was written for another enqueue than the one with {@code nonce}:
     * a worker may deliver a message between its insert and the enqueue's check, and then the tombstone is its own.
     */
    boolean doneBefore(String id, String nonce) {
        Document tombstone = done.find(Filters.eq("_id", id)).projection(Projections.include("nonce")).first();
        return tombstone != null && !nonce.equals(tombstone.getString("nonce"));
    }

    void delete(String id) {
        outbox.deleteOne(Filters.eq("_id", id));
    }

    /** The whole backlog without payloads, in no particular order. */
    List<Queued> pending() {
        List<Queued> pending = new ArrayList<>();
        outbox.find().projection(Projections.exclude("payload")).forEach(d -> pending.add(new Queued(
                d.getString("_id"), d.getString("kind"), d.getString("key"), d.getDate("enqueuedAt").toInstant(),
                number(d.get("seq")), d.getDate("due").toInstant(), (int) number(d.get("attempt")))));
        return pending;
    }

    Stored find(String id) {
        Document d = outbox.find(Filters.eq("_id", id)).first();
        if (d == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) fromBson(d.get("payload", Document.class));
        OutboxMessage message = new OutboxMessage(id, d.getString("kind"), d.getString("key"), payload, null);
        return new Stored(message, d.getDate("enqueuedAt").toInstant(), d.getDate("due").toInstant(),
                (int) number(d.get("attempt")), d.getString("nonce"));
    }

    /**
     * Claims one try of the message for {@code owner} by inserting {@code <id>#<try>}, starting at {@code attempt};
     * a try whose claim expired (its instance crashed or stalled) counts as failed and the next one is claimed.
     *
     * @return the try claimed, or -1 when another instance holds a live claim
     */
    int claim(String id, int attempt, String owner, Instant now, Instant expiresAt) {
        for (int next = attempt; next < attempt + CLAIM_WALK; next++) {
            Document claim = new Document("_id", claimId(id, next)).append("owner", owner)
                    .append("expiresAt", Date.from(expiresAt));
            if (insertIfAbsent(claims, claim)) {
                for (int expired = attempt; expired < next; expired++) {
                    release(id, expired);
                }
                return next;
            }
            Document held = claims.find(Filters.eq("_id", claimId(id, next))).first();
            if (held != null && held.getDate("expiresAt").toInstant().isAfter(now)) {
                return -1;
            }
        }
        return -1;
    }

    void release(String id, int attempt) {
        claims.deleteOne(Filters.eq("_id", claimId(id, attempt)));
    }

    /** Records the message as sent: the tombstone first, so an enqueue racing with this still finds one of the two. */
    void sent(Stored stored, int attempt, Instant at) {
        insertIfAbsent(done, new Document("_id", stored.message().id()).append("kind", stored.message().kind())
                .append("outcome", "sent").append("at", Date.from(at)).append("tries", attempt + 1)
                .append("nonce", stored.nonce()));
        delete(stored.message().id());
    }

    void retryLater(String id, int nextAttempt, Instant due, String reason, Instant at) {
        outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("attempt", nextAttempt),
                Updates.set("due", Date.from(due)), Updates.set("lastError", reason),
                Updates.set("lastTriedAt", Date.from(at))));
    }

    /** Keeps the message as given up (payload included, for organisers), then removes it from the backlog. */
    void giveUp(Stored stored, int tries, String reason, Instant at) {
        OutboxMessage message = stored.message();
        Document document = new Document("_id", message.id()).append("kind", message.kind());
        if (message.key() != null) {
            document.append("key", message.key());
        }
        document.append("payload", toDocument(message.payload()))
                .append("enqueuedAt", Date.from(stored.enqueuedAt()))
                .append("tries", tries).append("reason", reason).append("givenUpAt", Date.from(at));
        insertIfAbsent(givenUp, document);
        insertIfAbsent(done, new Document("_id", message.id()).append("kind", message.kind())
                .append("outcome", "givenUp").append("at", Date.from(at)).append("tries", tries)
                .append("nonce", stored.nonce()));
        delete(message.id());
    }

    OutboxStats stats(Instant now) {
        Map<String, Long> pending = new TreeMap<>();
        Instant oldest = null;
        for (Document d : outbox.find().projection(Projections.include("kind", "enqueuedAt"))) {
            pending.merge(d.getString("kind"), 1L, Long::sum);
            Instant enqueued = d.getDate("enqueuedAt").toInstant();
            oldest = oldest == null || enqueued.isBefore(oldest) ? enqueued : oldest;
        }
        Map<String, Long> gaveUp = new TreeMap<>();
        givenUp.find().projection(Projections.include("kind")).forEach(d -> gaveUp.merge(d.getString("kind"), 1L,
                Long::sum));
        long age = oldest == null ? 0 : Math.max(0, now.getEpochSecond() - oldest.getEpochSecond());
        return new OutboxStats(pending, gaveUp, age);
    }

    private static String claimId(String id, int attempt) {
        return id + "#" + attempt;
    }

    private static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Document toDocument(Map<String, Object> map) {
        Document document = new Document();
        map.forEach((name, value) -> document.append(name, toBson(value)));
        return document;
    }

    private static Object toBson(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((name, inner) -> document.append(String.valueOf(name), toBson(inner)));
            return document;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(OutboxStore::toBson).toList();
        }
        return value;
    }

    private static Object fromBson(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((name, inner) -> copy.put(String.valueOf(name), fromBson(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(inner -> copy.add(fromBson(inner)));
            return copy;
        }
        return value;
    }
}
