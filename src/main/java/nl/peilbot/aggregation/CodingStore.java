package nl.peilbot.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;

import jakarta.annotation.PostConstruct;

/**
 * The {@code codings} collection: the analysts' categories per open answer, {@code _id} = response id + "/" +
 * answer key.
 */
@Component
class CodingStore {

    static final String COLLECTION = "codings";

    private final MongoCollection<Document> codings;
    private final Clock clock;

    CodingStore(MongoDatabase database, Clock clock) {
        this.codings = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        codings.createIndex(Indexes.ascending("survey", "wave"));
        codings.createIndex(Indexes.ascending("response"));
    }

    /** Stores the categories for the answer, one version on from any earlier coding of it. */
    Coding save(WaveId wave, String responseId, String answerKey, String text, List<String> categories) {
        String id = responseId + "/" + answerKey;
        Document earlier = codings.find(Filters.eq("_id", id)).first();
        long version = earlier == null ? 1 : ((Number) earlier.get("version")).longValue() + 1;
        Coding coding = new Coding(responseId, answerKey, text, categories.stream().distinct().sorted().toList(), version);
        codings.replaceOne(Filters.eq("_id", id), new Document("_id", id)
                .append("survey", wave.survey())
                .append("wave", wave.wave())
                .append("response", responseId)
                .append("answer", answerKey)
                .append("text", text)
                .append("categories", coding.categories())
                .append("version", version)
                .append("codedAt", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        return coding;
    }

    /** The codings of the given answers of one response, by answer key, each read by {@code _id}. */
    Map<String, Coding> forAnswers(String responseId, Collection<String> answerKeys) {
        Map<String, Coding> byAnswer = new TreeMap<>();
        for (String answerKey : answerKeys) {
            Document document = codings.find(Filters.eq("_id", responseId + "/" + answerKey)).first();
            if (document != null) {
                byAnswer.put(answerKey, coding(document));
            }
        }
        return byAnswer;
    }

    /** The codings of a wave, by response id and answer key. */
    Map<String, Map<String, Coding>> forWave(WaveId wave) {
        Map<String, Map<String, Coding>> byResponse = new TreeMap<>();
        codings.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())))
                .forEach(d -> byResponse.computeIfAbsent(d.getString("response"), r -> new TreeMap<>())
                        .put(d.getString("answer"), coding(d)));
        return byResponse;
    }

    private static Coding coding(Document document) {
        return new Coding(document.getString("response"), document.getString("answer"), document.getString("text"),
                document.getList("categories", String.class, new ArrayList<>()), ((Number) document.get("version")).longValue());
    }
}
