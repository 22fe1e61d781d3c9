package nl.peilbot.aggregation;

import java.util.Optional;
import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

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

    /** Hands every completed response of a wave to {@code each}, fetched {@code batch} at a time, never all at once. */
    void forEachCompleted(WaveId wave, int batch, Consumer<Document> each) {
        responses.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                Filters.eq("status", COMPLETED))).batchSize(batch).forEach(each);
    }

    static Stamp stamp(Document document) {
        return new Stamp(document.getString("_id"), new WaveId(document.getString("survey"), document.getString("wave")),
                ((Number) document.get("version")).longValue(), COMPLETED.equals(document.getString("status")));
    }
}
