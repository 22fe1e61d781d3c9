package nl.peilbot.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import com.mongodb.client.model.ReplaceOptions;

import tools.jackson.databind.json.JsonMapper;

/**
 * A wave's results as a log of folds: {@code resultFolds} holds the last few folds of each wave ({@code _id} =
 * wave key + "#" + number), each inserted once, so committing is atomic on FerretDB too; {@code results} holds one
 * small document per wave pointing at its latest fold, a hint that readers follow upwards by {@code _id}.
 *
 * <p>Every read and write goes by {@code _id}; no document grows with the number of responses.
 */
@Component
class ResultsStore {

    static final String COLLECTION = "results";
    static final String FOLDS = "resultFolds";

    /** Folds kept below the latest, so that a reader holding a slightly stale pointer still finds its way up. */
    private static final int KEPT = 3;
    /** How far a reader follows a pointer to a pruned fold before it gives up. */
    private static final int MAX_PROBES = 10_000;
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> pointers;
    private final MongoCollection<Document> folds;
    private final JsonMapper json;
    private final Clock clock;

    ResultsStore(MongoDatabase database, JsonMapper json, Clock clock) {
        this.pointers = database.getCollection(COLLECTION);
        this.folds = database.getCollection(FOLDS);
        this.json = json;
        this.clock = clock;
    }

    /** The wave's latest committed fold, with its changes; empty when nothing was ever folded. */
    Optional<Fold> latest(WaveId wave) {
        return latestDocument(wave, false).map(d -> fold(wave, d, true));
    }

    /** The wave's current counters (and generation), without the changes: what the tables are read from. */
    Optional<Fold> tally(WaveId wave) {
        return latestDocument(wave, true).map(d -> fold(wave, d, false));
    }

    /** The waves that have results. */
    List<WaveId> waves() {
        List<WaveId> waves = new ArrayList<>();
        pointers.find(Filters.exists("head")).projection(Projections.include("survey", "wave"))
                .forEach(d -> waves.add(new WaveId(d.getString("survey"), d.getString("wave"))));
        return waves;
    }

    /** Waves whose results are still in the one-document form of earlier releases, to be rebuilt once. */
    List<WaveId> legacyWaves() {
        List<WaveId> waves = new ArrayList<>();
        pointers.find(Filters.exists("head", false)).projection(Projections.include("survey", "wave"))
                .forEach(d -> waves.add(new WaveId(d.getString("survey"), d.getString("wave"))));
        return waves;
    }

    /**
     * Inserts the fold; then points the wave at it and prunes folds far below it.
     *
     * @return false when another folder committed this number first: nothing was written
     */
    boolean commit(Fold fold) {
        Document changes = new Document();
        fold.changes().forEach((response, change) -> changes.append(response, new Document("position", change.position())
                .append("contribution", change.contribution() == null ? null : Document.parse(json.writeValueAsString(change.contribution())))));
        Document document = new Document("_id", id(fold.wave(), fold.seq()))
                .append("survey", fold.wave().survey())
                .append("wave", fold.wave().wave())
                .append("seq", fold.seq())
                .append("generation", fold.generation())
                .append("committedAt", Date.from(clock.instant()))
                .append("counters", new Document(new TreeMap<String, Object>(fold.tally().counters())))
                .append("changes", changes)
                .append("consumed", fold.consumed());
        try {
            folds.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        return true;
    }

    /** Points readers at the fold and removes the folds more than {@link #KEPT} below it. */
    void advance(Fold fold) {
        pointers.replaceOne(Filters.eq("_id", fold.wave().key()), new Document("_id", fold.wave().key())
                .append("survey", fold.wave().survey()).append("wave", fold.wave().wave()).append("head", fold.seq())
                .append("generation", fold.generation()).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        if (fold.seq() > KEPT) {
            folds.deleteOne(Filters.eq("_id", id(fold.wave(), fold.seq() - KEPT)));
        }
    }

    private Optional<Document> latestDocument(WaveId wave, boolean countersOnly) {
        Document pointer = pointers.find(Filters.eq("_id", wave.key())).first();
        boolean pointed = pointer != null && pointer.get("head") instanceof Number;
        long seq = pointed ? Math.max(1, ((Number) pointer.get("head")).longValue()) : 1;
        Document found = find(wave, seq, countersOnly);
        if (found == null && !pointed) {
            return Optional.empty();
        }
        // a pointer left behind by a slow writer may name a pruned fold: the folds above it are there
        for (int probe = 0; found == null && probe < MAX_PROBES; probe++) {
            found = find(wave, ++seq, countersOnly);
        }
        if (found == null) {
            throw new IllegalStateException("the results of " + wave.key() + " point at a fold that is gone");
        }
        for (Document next = find(wave, seq + 1, countersOnly); next != null; next = find(wave, ++seq + 1, countersOnly)) {
            found = next;
        }
        return Optional.of(found);
    }

    private Document find(WaveId wave, long seq, boolean countersOnly) {
        var query = folds.find(Filters.eq("_id", id(wave, seq)));
        return countersOnly ? query.projection(Projections.exclude("changes", "consumed")).first() : query.first();
    }

    private Fold fold(WaveId wave, Document document, boolean withChanges) {
        TreeMap<String, Integer> counters = new TreeMap<>();
        document.get("counters", new Document()).forEach((key, count) -> counters.put(key, ((Number) count).intValue()));
        Map<String, Fold.Change> changes = new TreeMap<>();
        if (withChanges) {
            document.get("changes", new Document()).forEach((response, value) -> {
                Document change = (Document) value;
                Document contribution = change.get("contribution", Document.class);
                changes.put(response, new Fold.Change(((Number) change.get("position")).longValue(),
                        contribution == null ? null : json.readValue(contribution.toJson(RELAXED), Contribution.class)));
            });
        }
        return new Fold(wave, ((Number) document.get("seq")).longValue(), document.getString("generation"),
                new Tally(counters), new TreeMap<>(changes),
                withChanges ? document.getList("consumed", String.class, List.of()) : List.of());
    }

    private static String id(WaveId wave, long seq) {
        return wave.key() + "#" + seq;
    }
}
