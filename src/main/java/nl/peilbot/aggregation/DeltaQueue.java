package nl.peilbot.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * The {@code aggregationQueue} collection: one document per response state still to be folded into its wave's
 * results, inserted when the state is stored ({@code _id} = response id + ":" + version, so a repeated event queues
 * nothing new) and removed once a fold took it in. It holds only what is not folded yet, so it stays small.
 */
@Component
class DeltaQueue {

    static final String COLLECTION = "aggregationQueue";

    /** A queued delta: the response whose state changed. */
    record Delta(String id, String response) {
    }

    private final MongoCollection<Document> queue;
    private final Clock clock;

    DeltaQueue(MongoDatabase database, Clock clock) {
        this.queue = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Queues the delta; true when it was new. */
    boolean add(String id, WaveId wave, String responseId) {
        try {
            queue.insertOne(new Document("_id", id).append("survey", wave.survey()).append("wave", wave.wave())
                    .append("response", responseId).append("queuedAt", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Up to {@code limit} queued deltas of the wave. */
    List<Delta> pending(WaveId wave, int limit) {
        List<Delta> deltas = new ArrayList<>();
        queue.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())))
                .projection(Projections.include("response")).limit(limit)
                .forEach(d -> deltas.add(new Delta(d.getString("_id"), d.getString("response"))));
        return deltas;
    }

    /** The waves with queued deltas. */
    Set<WaveId> waves() {
        Set<WaveId> waves = new LinkedHashSet<>();
        queue.find().projection(Projections.include("survey", "wave"))
                .forEach(d -> waves.add(new WaveId(d.getString("survey"), d.getString("wave"))));
        return waves;
    }

    /** Removes folded deltas by {@code _id}. */
    void remove(List<String> ids) {
        ids.forEach(id -> queue.deleteOne(Filters.eq("_id", id)));
    }
}
