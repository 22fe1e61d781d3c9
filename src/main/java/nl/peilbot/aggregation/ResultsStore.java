package nl.peilbot.aggregation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * A wave's results as a log of folds. A fold is committed by inserting a small document {@code _id} = wave key + "#"
 * + number into {@code resultFolds}, so of two folders only one can commit a number, also on FerretDB; its counters,
 * changes and consumed deltas are in a {@code resultFoldBodies} document inserted just before under an id of its own,
 * so a folder that loses the race leaves nothing another must read. {@code results} holds one small document per wave
 * pointing at its latest fold, a hint that readers follow upwards by {@code _id}.
 *
 * <p>Every read and write goes by {@code _id}; no document grows with the number of responses. The latest fold is
 * kept in memory: as long as it still exists and the number above it does not, it is the latest, which two small
 * reads by {@code _id} tell, so reading the tables does not re-read the counters after every completion elsewhere.
 */
@Component
class ResultsStore {

    static final String COLLECTION = "results";
    static final String FOLDS = "resultFolds";
    static final String BODIES = "resultFoldBodies";

    /** Folds kept below the latest, so that a reader holding a slightly stale pointer still finds its way up. */
    private static final int KEPT = 3;
    /** How far a reader follows a pointer to a pruned fold before it gives up. */
    private static final int MAX_PROBES = 10_000;
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> pointers;
    private final MongoCollection<Document> folds;
    private final MongoCollection<Document> bodies;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<WaveId, Fold> known = new ConcurrentHashMap<>();

    ResultsStore(MongoDatabase database, JsonMapper json, Clock clock) {
        this.pointers = database.getCollection(COLLECTION);
        this.folds = database.getCollection(FOLDS);
        this.bodies = database.getCollection(BODIES);
        this.json = json;
        this.clock = clock;
    }

    /** The wave's latest committed fold; empty when nothing was ever folded. */
    Optional<Fold> latest(WaveId wave) {
        Fold cached = known.get(wave);
        if (cached != null && exists(wave, cached.seq()) && !exists(wave, cached.seq() + 1)) {
            return Optional.of(cached);
        }
        for (int attempt = 0; ; attempt++) {
            Optional<Document> commit = latestCommit(wave);
            if (commit.isEmpty()) {
                return Optional.empty();
            }
            Document body = bodies.find(Filters.eq("_id", commit.get().getString("body"))).first();
            if (body != null) {
                Fold latest = fold(wave, commit.get(), body);
                remember(latest);
                return Optional.of(latest);
            }
            // pruned between the two reads: three more folds were committed meanwhile
            if (attempt == 3) {
                throw new IllegalStateException("the results of " + wave.key() + " change faster than they can be read");
            }
        }
    }

    /** The wave's current counters (and generation): what the tables are read from. */
    Optional<Fold> tally(WaveId wave) {
        return latest(wave);
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
     * Commits the fold: inserts its body, then its number.
     *
     * @return false when another folder committed this number first: nothing of this fold stays
     */
    boolean commit(Fold fold) {
        Document changes = new Document();
        fold.changes().forEach((response, change) -> changes.append(response, new Document("position", change.position())
                .append("contribution", change.contribution() == null ? null : Document.parse(json.writeValueAsString(change.contribution())))));
        String bodyId = id(fold.wave(), fold.seq()) + "/" + UUID.randomUUID();
        bodies.insertOne(new Document("_id", bodyId)
                .append("counters", new Document(new TreeMap<String, Object>(fold.tally().counters())))
                .append("changes", changes)
                .append("consumed", fold.consumed()));
        try {
            folds.insertOne(new Document("_id", id(fold.wave(), fold.seq()))
                    .append("survey", fold.wave().survey())
                    .append("wave", fold.wave().wave())
                    .append("seq", fold.seq())
                    .append("generation", fold.generation())
                    .append("body", bodyId)
                    .append("committedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            bodies.deleteOne(Filters.eq("_id", bodyId));
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        remember(fold);
        return true;
    }

    /** Points readers at the fold and removes the folds more than {@link #KEPT} below it. */
    void advance(Fold fold) {
        pointers.replaceOne(Filters.eq("_id", fold.wave().key()), new Document("_id", fold.wave().key())
                .append("survey", fold.wave().survey()).append("wave", fold.wave().wave()).append("head", fold.seq())
                .append("generation", fold.generation()).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        if (fold.seq() > KEPT) {
            String pruned = id(fold.wave(), fold.seq() - KEPT);
            Document commit = folds.find(Filters.eq("_id", pruned)).first();
            if (commit != null) {
                bodies.deleteOne(Filters.eq("_id", commit.getString("body")));
                folds.deleteOne(Filters.eq("_id", pruned));
            }
        }
    }

    private void remember(Fold fold) {
        known.merge(fold.wave(), fold, (a, b) -> a.seq() >= b.seq() ? a : b);
    }

    private boolean exists(WaveId wave, long seq) {
        return find(wave, seq) != null;
    }

    private Optional<Document> latestCommit(WaveId wave) {
        Document pointer = pointers.find(Filters.eq("_id", wave.key())).first();
        boolean pointed = pointer != null && pointer.get("head") instanceof Number;
        long seq = pointed ? Math.max(1, ((Number) pointer.get("head")).longValue()) : 1;
        Document found = find(wave, seq);
        if (found == null && !pointed) {
            return Optional.empty();
        }
        // a pointer left behind by a slow writer may name a pruned fold: the folds above it are there
        for (int probe = 0; found == null && probe < MAX_PROBES; probe++) {
            found = find(wave, ++seq);
        }
        if (found == null) {
            throw new IllegalStateException("the results of " + wave.key() + " point at a fold that is gone");
        }
        for (Document next = find(wave, seq + 1); next != null; next = find(wave, ++seq + 1)) {
            found = next;
        }
        return Optional.of(found);
    }

    private Document find(WaveId wave, long seq) {
        return folds.find(Filters.eq("_id", id(wave, seq))).first();
    }

    private Fold fold(WaveId wave, Document commit, Document body) {
        TreeMap<String, Integer> counters = new TreeMap<>();
        body.get("counters", new Document()).forEach((key, count) -> counters.put(key, ((Number) count).intValue()));
        Map<String, Fold.Change> changes = new TreeMap<>();
        body.get("changes", new Document()).forEach((response, value) -> {
            Document change = (Document) value;
            Document contribution = change.get("contribution", Document.class);
            changes.put(response, new Fold.Change(((Number) change.get("position")).longValue(),
                    contribution == null ? null : json.readValue(contribution.toJson(RELAXED), Contribution.class)));
        });
        return new Fold(wave, ((Number) commit.get("seq")).longValue(), commit.getString("generation"),
                new Tally(counters), new TreeMap<>(changes), body.getList("consumed", String.class, List.of()));
    }

    private static String id(WaveId wave, long seq) {
        return wave.key() + "#" + seq;
    }
}
