package nl.peilbot.response;

import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;
import nl.peilbot.flow.Flow;

/**
 * Reads and writes response documents by {@code _id}; every replace is guarded by the version it was read at,
 * so two tabs answering at once cannot overwrite each other.
 */
@Component
public class ResponseStore {

    static final String COLLECTION = "responses";

    private static final int LOCK_STRIPES = 64;

    private final MongoCollection<Document> responses;
    private final Lock[] replaceLocks = new Lock[LOCK_STRIPES];

    ResponseStore(MongoDatabase database) {
        this.responses = database.getCollection(COLLECTION);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            replaceLocks[i] = new ReentrantLock();
        }
    }

    @PostConstruct
    void createIndexes() {
        responses.createIndex(Indexes.ascending("survey", "status"));
    }

    /**
     * Marks every unfinished response of a survey wave {@code partial: true}, when the wave is closed; the next
     * stored turn (only possible after the wave is opened again) writes the document without the mark.
     *
     * @return how many were marked
     */
    public long markPartial(String survey, String wave) {
        return responses.updateMany(Filters.and(Filters.eq("survey", survey), Filters.eq("wave", wave),
                Filters.eq("status", ResponseStatus.IN_PROGRESS.stored())), Updates.set("partial", true)).getModifiedCount();
    }

    /**
     * How many responses have this status, over all surveys: for metrics, read every scrape interval at most. A
     * filter on {@code status} scans the collection on FerretDB's SQLite backend, so never call it per turn.
     */
    public long count(ResponseStatus status) {
        return responses.countDocuments(Filters.eq("status", status.stored()));
    }

    public Optional<StoredResponse> find(String id) {
        return Optional.ofNullable(responses.find(ResponseFilters.byId(id)).first()).map(ResponseDocuments::fromDocument);
    }

    /**
     * Stores a new response answered with {@code flow}.
     *
     * @return false when a response with this id exists already (it is left as it was)
     */
    public boolean insert(StoredResponse response, Flow flow) {
        try {
            responses.insertOne(ResponseDocuments.toDocument(response, flow));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces the response if it is still at {@code expectedVersion}; {@code updated} carries the next version.
     *
     * @return false when someone else wrote it first: nothing was written
     */
    public boolean replace(StoredResponse updated, long expectedVersion, Flow flow) {
        if (updated.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("a replace must write version " + (expectedVersion + 1)
                    + ", not " + updated.version());
        }
        Document document = ResponseDocuments.toDocument(updated, flow);
        // FerretDB 1.24 evaluates the filter and writes by _id in two steps, so two concurrent replaces at
        // the same version may both match; serialising replaces of one response in this JVM closes that gap,
        // and on MongoDB the version filter alone also guards writers in other processes.
        Lock lock = replaceLocks[Math.floorMod(updated.id().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return responses.replaceOne(ResponseFilters.byIdAndVersion(updated.id(), expectedVersion), document)
                    .getMatchedCount() == 1;
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the response for good (its respondent withdrew); deleting one that is gone already does nothing. */
    public void delete(String id) {
        Lock lock = replaceLocks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            responses.deleteOne(ResponseFilters.byId(id));
        } finally {
            lock.unlock();
        }
    }
}
