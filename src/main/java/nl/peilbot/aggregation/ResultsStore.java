package nl.peilbot.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code results} collection: one document per wave, replaced only at the version it was read at.
 *
 * <p>Reading the tables leaves the contributions out, so it costs the same whatever the number of responses.
 */
@Component
class ResultsStore {

    static final String COLLECTION = "results";

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final TypeReference<TreeMap<String, Contribution>> CONTRIBUTIONS = new TypeReference<>() {
    };

    private final MongoCollection<Document> results;
    private final JsonMapper json;
    private final Clock clock;

    ResultsStore(MongoDatabase database, JsonMapper json, Clock clock) {
        this.results = database.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
    }

    /** The wave's results with every contribution, for updating; empty results at version 0 when there are none. */
    WaveResults load(WaveId wave) {
        Document document = results.find(Filters.eq("_id", wave.key())).first();
        if (document == null) {
            return WaveResults.empty(wave);
        }
        SortedMap<String, Contribution> contributions = json.readValue(
                document.get("contributions", new Document()).toJson(RELAXED), CONTRIBUTIONS);
        return new WaveResults(wave, version(document), tally(document), contributions);
    }

    /** The wave's tally without the contributions, for reading tables. */
    Optional<Tally> tally(WaveId wave) {
        return Optional.ofNullable(results.find(Filters.eq("_id", wave.key()))
                .projection(Projections.exclude("contributions")).first()).map(this::tally);
    }

    /** The waves that have results, by survey and wave. */
    List<WaveId> waves() {
        List<WaveId> waves = new ArrayList<>();
        results.find().projection(Projections.include("survey", "wave"))
                .forEach(d -> waves.add(new WaveId(d.getString("survey"), d.getString("wave"))));
        return waves;
    }

    /**
     * Writes {@code updated} as the version after {@code readVersion}.
     *
     * @return false when another writer got there first: nothing was written
     */
    boolean save(WaveResults updated, long readVersion) {
        Document document = new Document("_id", updated.wave().key())
                .append("survey", updated.wave().survey())
                .append("wave", updated.wave().wave())
                .append("version", readVersion + 1)
                .append("updatedAt", Date.from(clock.instant()))
                .append("respondents", updated.tally().count("n"))
                .append("hospitals", updated.tally().below("hn").size())
                .append("tally", Document.parse(json.writeValueAsString(updated.tally())))
                .append("contributions", Document.parse(json.writeValueAsString(updated.contributions())));
        if (readVersion == 0) {
            try {
                results.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return results.replaceOne(Filters.and(Filters.eq("_id", updated.wave().key()), Filters.eq("version", readVersion)),
                document).getMatchedCount() == 1;
    }

    private Tally tally(Document document) {
        return json.readValue(document.get("tally", new Document()).toJson(RELAXED), Tally.class);
    }

    private static long version(Document document) {
        return ((Number) document.get("version")).longValue();
    }
}
