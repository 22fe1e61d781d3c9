package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import tools.jackson.databind.json.JsonMapper;
import nl.peilbot.response.ResponseReader;

/**
 * The {@code contributions} collection: what each response adds to its wave's counters, as a chain of immutable
 * documents per response and generation, {@code _id} = response id + "|" + generation + "#" + position. A fold
 * inserts the next position of a response's chain after it committed, so writing one twice (a folder redoing the
 * inserts of a fold another folder committed) is a harmless duplicate key, and a slow folder can never overwrite a
 * newer contribution. The last position of the chain is what the counters hold for the response.
 */
@Component
class ContributionStore {

    static final String COLLECTION = "contributions";

    private static final int BATCH = 500;
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** A response's latest contribution in a generation; {@code contribution} null when it adds nothing. */
    record Latest(long position, Contribution contribution) {
    }

    private final MongoCollection<Document> contributions;
    private final JsonMapper json;

    ContributionStore(MongoDatabase database, JsonMapper json) {
        this.contributions = database.getCollection(COLLECTION);
        this.json = json;
    }

    /** The response's latest contribution, found by following its chain by {@code _id}; empty when it has none. */
    Optional<Latest> latest(String generation, String responseId) {
        Latest latest = null;
        for (long position = 1; ; position++) {
            Document document = contributions.find(Filters.eq("_id", id(responseId, generation, position))).first();
            if (document == null) {
                // chains are pruned lowest position first: a missing position below this one means the whole chain
                // was removed meanwhile, which only happens to a withdrawn response, counted as nothing
                if (latest != null && contributions.find(Filters.eq("_id", id(responseId, generation, position - 1))).first() == null) {
                    return Optional.empty();
                }
                return Optional.ofNullable(latest);
            }
            latest = new Latest(position, contribution(document));
        }
    }

    /** Inserts the contribution a fold changed at its position unless it is there already. */
    void insert(WaveId wave, String generation, String responseId, Fold.Change change, long fold) {
        try {
            contributions.insertOne(document(wave, generation, responseId, change).append("fold", fold));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Inserts first positions of a new generation in one batch (a rebuild). */
    void insertFirst(WaveId wave, String generation, List<Contribution> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<Document> documents = batch.stream()
                .map(c -> document(wave, generation, c.response(), new Fold.Change(1, c))).toList();
        try {
            contributions.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /**
     * Every current contribution of a generation, streamed in batches: for the tables that list texts and the
     * filtered views. Costs a pass over the wave's contributions, never a load of the responses.
     */
    List<Contribution> current(WaveId wave, String generation) {
        Map<String, Latest> latest = new HashMap<>();
        contributions.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                        Filters.eq("generation", generation)))
                .projection(Projections.include("response", "position", "contribution")).batchSize(BATCH)
                .forEach(d -> latest.merge(d.getString("response"),
                        new Latest(((Number) d.get("position")).longValue(), contribution(d)),
                        (a, b) -> a.position() >= b.position() ? a : b));
        List<Contribution> current = new ArrayList<>();
        latest.values().stream().map(Latest::contribution).filter(c -> c != null).forEach(current::add);
        return current;
    }

    /** Removes a generation a rebuild replaced, in batches; returns the number of documents removed. */
    int removeGeneration(WaveId wave, String generation) {
        int removed = 0;
        while (true) {
            List<String> ids = new ArrayList<>();
            contributions.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                    Filters.eq("generation", generation))).projection(Projections.include("_id")).limit(BATCH)
                    .forEach(d -> ids.add(d.getString("_id")));
            if (ids.isEmpty()) {
                return removed;
            }
            removed += (int) contributions.deleteMany(Filters.in("_id", ids)).getDeletedCount();
        }
    }

    /**
     * Removes the chains of withdrawn responses: those whose last contribution is null (a tombstone), whose response
     * document is gone and whose tombstone was written by a fold below {@code horizon}. A response id is never used
     * again, so no fold will count anything for it: with or without its chain, the next fold finds nothing to change.
     *
     * @return the number of documents removed
     */
    int pruneWithdrawn(WaveId wave, String generation, long horizon, ResponseReader responses) {
        Map<String, Long> tombstones = new HashMap<>();
        contributions.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                        Filters.eq("generation", generation), Filters.eq("contribution", null)))
                .projection(Projections.include("response", "position", "fold")).batchSize(BATCH)
                .forEach(d -> {
                    long fold = d.get("fold") instanceof Number n ? n.longValue() : 0;
                    if (fold < horizon) {
                        tombstones.merge(d.getString("response"), ((Number) d.get("position")).longValue(), Math::max);
                    }
                });
        int removed = 0;
        for (Map.Entry<String, Long> tombstone : tombstones.entrySet()) {
            String response = tombstone.getKey();
            long last = tombstone.getValue();
            if (contributions.find(Filters.eq("_id", id(response, generation, last + 1))).first() != null
                    || responses.version(response).isPresent()) {
                continue;
            }
            // lowest position first: a chain read meanwhile ends early and finds nothing counted, as after the removal
            for (long position = 1; position <= last; position++) {
                removed += (int) contributions.deleteOne(Filters.eq("_id", id(response, generation, position))).getDeletedCount();
            }
        }
        return removed;
    }

    private Document document(WaveId wave, String generation, String responseId, Fold.Change change) {
        return new Document("_id", id(responseId, generation, change.position()))
                .append("survey", wave.survey()).append("wave", wave.wave()).append("generation", generation)
                .append("response", responseId).append("position", change.position())
                .append("contribution", change.contribution() == null ? null
                        : Document.parse(json.writeValueAsString(change.contribution())));
    }

    private Contribution contribution(Document document) {
        Document contribution = document.get("contribution", Document.class);
        return contribution == null ? null : json.readValue(contribution.toJson(RELAXED), Contribution.class);
    }

    private static String id(String responseId, String generation, long position) {
        return responseId + "|" + generation + "#" + position;
    }
}
