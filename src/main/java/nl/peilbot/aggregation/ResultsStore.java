package nl.peilbot.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * A wave's results as a log of folds. A fold is committed by inserting one document {@code _id} = wave key + "#" +
 * number into {@code resultFolds}, so of two folders only one can commit a number, also on FerretDB; it holds the
 * counters the fold changed (not all of them), the contributions it changed and the deltas it consumed. A
 * <em>checkpoint</em> fold's full counters are inserted into {@code resultCheckpoints} under the same id after the
 * commit, by whoever completes it (their content follows from the committed folds, so writing one twice is a harmless
 * duplicate). The counters of fold n are its base checkpoint plus the deltas of the folds after it, up to n.
 * {@code results} holds one small document per wave pointing at its latest fold, a hint that readers follow upwards.
 *
 * <p>Every read and write on a fold or a table read goes by {@code _id}. The latest fold is kept in memory: as long
 * as the number above it does not exist it is the latest (two small reads by {@code _id}); when others folded, only
 * their deltas are read. Superseded folds and checkpoints are removed by {@link #prune}, in the background.
 */
@Component
class ResultsStore {

    static final String COLLECTION = "results";
    static final String FOLDS = "resultFolds";
    static final String CHECKPOINTS = "resultCheckpoints";
    /** Where earlier releases kept each fold's full counters; still read for a fold that names one, and pruned. */
    static final String BODIES = "resultFoldBodies";

    /** How far a reader follows a pointer to a pruned fold before it gives up. */
    private static final int MAX_PROBES = 10_000;
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoCollection<Document> pointers;
    private final MongoCollection<Document> folds;
    private final MongoCollection<Document> checkpoints;
    private final MongoCollection<Document> bodies;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<WaveId, Fold> known = new ConcurrentHashMap<>();
    private final Map<WaveId, Long> checkpointed = new ConcurrentHashMap<>();

    /** A fold or checkpoint a reader needed was pruned meanwhile: read again from the latest fold. */
    private static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    ResultsStore(MongoDatabase database, JsonMapper json, Clock clock) {
        this.pointers = database.getCollection(COLLECTION);
        this.folds = database.getCollection(FOLDS);
        this.checkpoints = database.getCollection(CHECKPOINTS);
        this.bodies = database.getCollection(BODIES);
        this.json = json;
        this.clock = clock;
    }

    /** The wave's latest committed fold; empty when nothing was ever folded. */
    Optional<Fold> latest(WaveId wave) {
        Fold cached = known.get(wave);
        if (cached != null) {
            Optional<Fold> forward = forward(cached);
            if (forward.isPresent()) {
                remember(forward.get());
                return forward;
            }
        }
        for (int attempt = 0; attempt < 4; attempt++) {
            Optional<Document> commit = latestCommit(wave);
            if (commit.isEmpty()) {
                return Optional.empty();
            }
            try {
                Fold latest = load(wave, commit.get());
                remember(latest);
                return Optional.of(latest);
            } catch (Moved e) {
                // superseded folds were pruned while this reader followed an old chain: start from the latest
            }
        }
        throw new IllegalStateException("the results of " + wave.key() + " change faster than they can be read");
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
     * Commits the fold by inserting it: its changed counters, changed contributions and consumed deltas in one
     * document.
     *
     * @return false when another folder committed this number first: nothing of this fold stays
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
                .append("shape", fold.shape())
                .append("base", fold.base())
                .append("sinceBase", fold.sinceBase())
                .append("reset", fold.reset())
                .append("delta", new Document(new TreeMap<String, Object>(fold.delta())))
                .append("changes", changes)
                .append("consumed", fold.consumed())
                .append("committedAt", Date.from(clock.instant()));
        try {
            folds.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        remember(fold);
        return true;
    }

    /** Stores a checkpoint fold's full counters unless they are there already; nothing for other folds. */
    void checkpoint(Fold fold) {
        // every fold completes the latest fold first: send its counters once per instance, not on every fold
        if (!fold.checkpoint() || fold.seq() == 0 || checkpointed.getOrDefault(fold.wave(), 0L) == fold.seq()) {
            return;
        }
        insertCheckpoint(fold);
        checkpointed.put(fold.wave(), fold.seq());
    }

    private void insertCheckpoint(Fold fold) {
        try {
            checkpoints.insertOne(new Document("_id", id(fold.wave(), fold.seq()))
                    .append("survey", fold.wave().survey()).append("wave", fold.wave().wave()).append("seq", fold.seq())
                    .append("counters", new Document(new TreeMap<String, Object>(fold.tally().counters())))
                    .append("writtenAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Points readers at the fold. */
    void advance(Fold fold) {
        pointers.replaceOne(Filters.eq("_id", fold.wave().key()), new Document("_id", fold.wave().key())
                .append("survey", fold.wave().survey()).append("wave", fold.wave().wave()).append("head", fold.seq())
                .append("generation", fold.generation()).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /**
     * Removes the folds, checkpoints and fold bodies of earlier releases that no reader of the latest fold needs: all
     * below the checkpoint before the latest one, and only those committed more than {@code margin} ago. A reader
     * still following an older chain finds a fold missing and reads again from the latest. Folds are removed lowest
     * number first, so a reader that finds a fold missing above one that exists knows that one was the latest.
     *
     * @return the generations of the removed folds other than the latest fold's: contributions nobody counts any more
     */
    Pruned prune(WaveId wave, Duration margin) {
        Optional<Document> latest = latestCommit(wave);
        if (latest.isEmpty()) {
            return Pruned.NOTHING;
        }
        String generation = latest.get().getString("generation");
        long base = longOf(latest.get(), "base", seq(latest.get()));
        Document beforeBase = base > 1 ? find(wave, base - 1) : null;
        long keep = beforeBase == null ? base : longOf(beforeBase, "base", base - 1);
        if (keep < 1 || !readable(wave, keep)) {
            return Pruned.NOTHING;
        }
        Date before = Date.from(clock.instant().minus(margin));
        TreeMap<Long, String> old = new TreeMap<>();
        long horizon = keep;
        Set<String> generations = new LinkedHashSet<>();
        for (Document d : folds.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                Filters.lt("seq", keep))).projection(Projections.include("seq", "generation", "committedAt"))) {
            if (d.getDate("committedAt") != null && d.getDate("committedAt").before(before)) {
                old.put(seq(d), d.getString("_id"));
                if (!generation.equals(d.getString("generation"))) {
                    generations.add(d.getString("generation"));
                }
            } else {
                horizon = Math.min(horizon, seq(d));
            }
        }
        old.values().forEach(id -> folds.deleteOne(Filters.eq("_id", id)));
        List<String> oldCheckpoints = new ArrayList<>();
        checkpoints.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave()),
                        Filters.lt("seq", horizon)))
                .projection(Projections.include("_id")).forEach(d -> oldCheckpoints.add(d.getString("_id")));
        oldCheckpoints.forEach(id -> checkpoints.deleteOne(Filters.eq("_id", id)));
        List<String> oldBodies = new ArrayList<>();
        String prefix = wave.key() + "#";
        bodies.find().projection(Projections.include("_id")).forEach(d -> {
            String id = d.getString("_id");
            if (id.startsWith(prefix) && !named(wave, id)) {
                oldBodies.add(id);
            }
        });
        oldBodies.forEach(id -> bodies.deleteOne(Filters.eq("_id", id)));
        return new Pruned(old.size() + oldCheckpoints.size() + oldBodies.size(), generations, generation, horizon);
    }

    /**
     * What {@link #prune} removed.
     *
     * @param documents   how many folds, checkpoints and bodies
     * @param generations the generations of removed folds other than the latest's: contributions nobody counts any more
     * @param generation  the latest fold's generation
     * @param horizon     every fold below this number was removed, so no folder can still be completing one of them
     *                    (0: nothing was)
     */
    record Pruned(int documents, Set<String> generations, String generation, long horizon) {
        static final Pruned NOTHING = new Pruned(0, Set.of(), Fold.FIRST_GENERATION, 0);
    }

    /**
     * Whether the checkpoint fold's counters can be read without the folds below it; if its checkpoint was never
     * written (its folder died), writes it now, from the folds below it, before they are pruned.
     */
    private boolean readable(WaveId wave, long keep) {
        Document commit = find(wave, keep);
        if (commit == null) {
            return false;
        }
        if (commit.getBoolean("reset", false) || commit.getString("body") != null || checkpointCounters(wave, keep) != null) {
            return true;
        }
        try {
            insertCheckpoint(load(wave, commit));
            return true;
        } catch (Moved e) {
            return false;
        }
    }

    /** Whether a body of an earlier release is still named by an existing fold that is the latest of its chain. */
    private boolean named(WaveId wave, String bodyId) {
        String number = bodyId.substring(wave.key().length() + 1, bodyId.indexOf('/', wave.key().length() + 1));
        Document commit = folds.find(Filters.eq("_id", wave.key() + "#" + number)).first();
        return commit != null && bodyId.equals(commit.getString("body")) && find(wave, seq(commit) + 1) == null;
    }

    private void remember(Fold fold) {
        known.merge(fold.wave(), fold, (a, b) -> a.seq() >= b.seq() ? a : b);
    }

    /** The cached fold moved forward by the deltas of the folds committed after it; empty when one of them is gone. */
    private Optional<Fold> forward(Fold cached) {
        Fold fold = cached;
        while (true) {
            Document next = find(fold.wave(), fold.seq() + 1);
            if (next == null) {
                return exists(fold.wave(), fold.seq()) ? Optional.of(fold) : Optional.empty();
            }
            SortedMap<String, Integer> full = fullCounters(next);
            fold = fold(fold.wave(), next, full != null ? full : applied(next, fold.tally().counters()));
        }
    }

    /** The fold of a commit with its counters: its base checkpoint plus the deltas after it. */
    private Fold load(WaveId wave, Document commit) {
        return fold(wave, commit, counters(wave, commit));
    }

    private SortedMap<String, Integer> counters(WaveId wave, Document commit) {
        long seq = seq(commit);
        long base = longOf(commit, "base", seq);
        SortedMap<String, Integer> counters = base == seq ? null : checkpointCounters(wave, base);
        if (counters == null) {
            counters = baseCounters(wave, base == seq ? commit : required(wave, base));
        }
        for (long s = base + 1; s < seq; s++) {
            counters = applied(required(wave, s), counters);
        }
        return base == seq ? counters : applied(commit, counters);
    }

    /** A checkpoint fold's counters: stored beside it, in it (rebuild, earlier release), or from the fold before it. */
    private SortedMap<String, Integer> baseCounters(WaveId wave, Document baseCommit) {
        SortedMap<String, Integer> full = fullCounters(baseCommit);
        if (full != null) {
            return full;
        }
        long seq = seq(baseCommit);
        SortedMap<String, Integer> stored = checkpointCounters(wave, seq);
        if (stored != null) {
            return stored;
        }
        // committed, its checkpoint not written yet (the folder died): the fold before it plus its delta
        SortedMap<String, Integer> before = seq <= 1 ? new TreeMap<>() : counters(wave, required(wave, seq - 1));
        return applied(baseCommit, before);
    }

    private SortedMap<String, Integer> checkpointCounters(WaveId wave, long seq) {
        Document checkpoint = checkpoints.find(Filters.eq("_id", id(wave, seq))).first();
        return checkpoint == null ? null : counters(checkpoint.get("counters", new Document()));
    }

    /** All counters when the commit holds them all (a rebuild, or a fold of an earlier release), else null. */
    private SortedMap<String, Integer> fullCounters(Document commit) {
        if (commit.getBoolean("reset", false)) {
            return counters(commit.get("delta", new Document()));
        }
        String bodyId = commit.getString("body");
        if (bodyId == null) {
            return null;
        }
        Document body = bodies.find(Filters.eq("_id", bodyId)).first();
        if (body == null) {
            throw new Moved();
        }
        return counters(body.get("counters", new Document()));
    }

    private static SortedMap<String, Integer> applied(Document commit, SortedMap<String, Integer> before) {
        TreeMap<String, Integer> after = new TreeMap<>(before);
        commit.get("delta", new Document()).forEach((key, value) -> {
            int count = ((Number) value).intValue();
            if (count == 0) {
                after.remove(key);
            } else {
                after.put(key, count);
            }
        });
        return after;
    }

    private Document required(WaveId wave, long seq) {
        Document found = find(wave, seq);
        if (found == null) {
            throw new Moved();
        }
        return found;
    }

    private boolean exists(WaveId wave, long seq) {
        return folds.find(Filters.eq("_id", id(wave, seq))).projection(Projections.include("_id")).first() != null;
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

    private Fold fold(WaveId wave, Document commit, SortedMap<String, Integer> counters) {
        Document source = commit;
        if (commit.getString("body") != null) {
            source = Optional.ofNullable(bodies.find(Filters.eq("_id", commit.getString("body"))).first()).orElseThrow(Moved::new);
        }
        Map<String, Fold.Change> changes = new TreeMap<>();
        source.get("changes", new Document()).forEach((response, value) -> {
            Document change = (Document) value;
            Document contribution = change.get("contribution", Document.class);
            changes.put(response, new Fold.Change(((Number) change.get("position")).longValue(),
                    contribution == null ? null : json.readValue(contribution.toJson(RELAXED), Contribution.class)));
        });
        long seq = seq(commit);
        boolean legacy = commit.getString("body") != null;
        return new Fold(wave, seq, commit.getString("generation"), (int) longOf(commit, "shape", 0), new Tally(counters), changes,
                source.getList("consumed", String.class, List.of()), longOf(commit, "base", seq),
                longOf(commit, "sinceBase", 0), legacy || commit.getBoolean("reset", false),
                legacy ? counters : counters(commit.get("delta", new Document())));
    }

    private static TreeMap<String, Integer> counters(Document document) {
        TreeMap<String, Integer> counters = new TreeMap<>();
        document.forEach((key, count) -> counters.put(key, ((Number) count).intValue()));
        return counters;
    }

    private static long seq(Document commit) {
        return ((Number) commit.get("seq")).longValue();
    }

    private static long longOf(Document document, String field, long otherwise) {
        return document.get(field) instanceof Number n ? n.longValue() : otherwise;
    }

    private static String id(WaveId wave, long seq) {
        return wave.key() + "#" + seq;
    }
}
