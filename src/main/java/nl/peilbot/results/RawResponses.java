package nl.peilbot.results;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import nl.peilbot.aggregation.WaveId;

/**
 * Reads the raw {@code responses} documents for what the materialised tables cannot answer (filters, raw rows,
 * exports), with the driver and never writing them. The conversation state and message ids are never read.
 */
@Component
class RawResponses {

    private static final List<String> FIELDS = List.of("survey", "wave", "status", "language", "channels", "answers",
            "startedAt", "completedAt", "version");

    private final MongoCollection<Document> responses;

    RawResponses(MongoDatabase database) {
        this.responses = database.getCollection("responses");
    }

    /** The matching responses in a stable order (by id), {@code skip} and {@code limit} applied (limit 0: all). */
    List<Document> find(WaveId wave, ResponseQuery query, int skip, int limit) {
        return responses.find(query.filter(wave)).projection(Projections.include(FIELDS))
                .sort(Sorts.ascending("_id")).skip(skip).limit(limit).into(new ArrayList<>());
    }

    /** Hands every matching response's answers to {@code each}, fetched in batches, never all at once. */
    void forEachAnswers(WaveId wave, ResponseQuery query, java.util.function.Consumer<Document> each) {
        responses.find(query.filter(wave)).projection(Projections.include("answers")).batchSize(500).forEach(each);
    }

    long count(WaveId wave, ResponseQuery query) {
        return responses.countDocuments(query.filter(wave));
    }

    /** The ids of every response of a wave, to find the one behind a pseudonym. */
    List<String> ids(WaveId wave) {
        List<String> ids = new ArrayList<>();
        responses.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())))
                .projection(Projections.include("_id")).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    Document find(String id) {
        return responses.find(Filters.eq("_id", id)).projection(Projections.include(FIELDS)).first();
    }
}
