package nl.peilbot.invitation;

import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The {@code revocations} collection ({@code {_id: <response id>, revokedAt}}, one per revoked invitation) and what
 * this instance knows of it, so that a turn checks a revocation without a database command.
 *
 * <p>Every revocation also replaces the marker {@code {_id: "#changed", nonce}} with a new random nonce, after its
 * own insert. An instance keeps the set of revoked response ids with the nonce it read just before reading the set;
 * a check older than {@link #FRESH_FOR} reads the marker by {@code _id} again and reads the whole set only when the
 * nonce differs. A revocation is therefore seen by every instance within {@link #FRESH_FOR} of its marker write, and
 * at once on the instance that made it. Whichever marker write lands last was made after its own insert and replaces
 * the nonce of every write before it, so a lost update of the marker (FerretDB's replace is two steps) cannot hide
 * an insert: an instance whose nonce still matches read the set after the last marker write.
 */
final class Revocations {

    static final String COLLECTION = "revocations";
    static final String MARKER = "#changed";
    /** How long a turn may go by the revocations as read before. */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** The revoked response ids as read after the marker's {@code nonce}, and {@link System#nanoTime()} before that. */
    private record Known(String nonce, Set<String> revoked, long checkedAtNanos) {
    }

    private final MongoCollection<Document> revocations;
    private volatile Known known;

    Revocations(MongoDatabase database) {
        this.revocations = database.getCollection(COLLECTION);
    }

    /** Whether the invitation of this response was revoked, on this instance or, within {@link #FRESH_FOR}, another. */
    boolean revoked(String responseId) {
        Known current = known;
        if (current == null || System.nanoTime() - current.checkedAtNanos() >= FRESH_FOR.toNanos()) {
            current = refresh();
        }
        return current.revoked().contains(responseId);
    }

    /** Records the revocation (again: idempotent), tells the other instances, and knows it here at once. */
    void add(String responseId, Date revokedAt) {
        try {
            revocations.insertOne(new Document("_id", responseId).append("revokedAt", revokedAt));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document marker = new Document("_id", MARKER).append("nonce", UUID.randomUUID().toString())
                .append("changedAt", revokedAt);
        try {
            revocations.replaceOne(Filters.eq("_id", MARKER), marker, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // Two first revocations upserting the marker at once on FerretDB: the other one inserted it.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            revocations.replaceOne(Filters.eq("_id", MARKER), marker);
        }
        synchronized (this) {
            Known current = known;
            if (current != null) {
                Set<String> revoked = new HashSet<>(current.revoked());
                revoked.add(responseId);
                known = new Known(current.nonce(), Set.copyOf(revoked), current.checkedAtNanos());
            }
        }
    }

    private synchronized Known refresh() {
        Known current = known;
        if (current != null && System.nanoTime() - current.checkedAtNanos() < FRESH_FOR.toNanos()) {
            return current;
        }
        long checkedAt = System.nanoTime();
        Document marker = revocations.find(Filters.eq("_id", MARKER)).first();
        String nonce = marker == null ? "" : marker.getString("nonce");
        Set<String> revoked = current != null && current.nonce().equals(nonce) ? current.revoked() : readAll();
        known = new Known(nonce, revoked, checkedAt);
        return known;
    }

    /** Every revoked response id: read once at start and after each revocation, never per turn. */
    private Set<String> readAll() {
        Set<String> revoked = new HashSet<>();
        revocations.find().projection(Projections.include("_id"))
                .forEach(document -> revoked.add(String.valueOf(document.get("_id"))));
        revoked.remove(MARKER);
        return Set.copyOf(revoked);
    }
}
