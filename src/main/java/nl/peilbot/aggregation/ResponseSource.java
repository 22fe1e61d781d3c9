package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/** Reads the {@code responses} documents the aggregation is computed from, with the driver, never writing them. */
@Component
class ResponseSource {

    static final String COLLECTION = "responses";
    static final String COMPLETED = "completed";

    /** Identifies a response document and says whether it counts. */
    record Stamp(String id, WaveId wave, long version, boolean completed) {
    }

    private final MongoCollection<Document> responses;

    ResponseSource(MongoDatabase database) {
        this.responses = database.getCollection(COLLECTION);
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(responses.find(Filters.eq("_id", id)).first());
    }

    /** The completed responses of a wave, whole. */
    List<Document> completed(WaveId wave) {
        return responses.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                Filters.eq("status", COMPLETED))).into(new ArrayList<>());
    }

    /** Id, wave, version and status of every response: what the start-up check compares with the results. */
    List<Stamp> stamps() {
        List<Stamp> stamps = new ArrayList<>();
        responses.find().projection(Projections.include("survey", "wave", "version", "status"))
                .forEach(d -> stamps.add(stamp(d)));
        return stamps;
    }

    static Stamp stamp(Document document) {
        return new Stamp(document.getString("_id"), new WaveId(document.getString("survey"), document.getString("wave")),
                ((Number) document.get("version")).longValue(), COMPLETED.equals(document.getString("status")));
    }
}
