package nl.peilbot.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The stored dashboard counters, all read and written by {@code _id}: numbered folds ({@code dashboardFolds},
 * {@code <survey>/<wave>#<n>}, committed by their insert, so two folders can never both write the same number), the
 * chain of what each respondent is counted as ({@code dashboardCounted}, {@code <survey>/<wave>|<ref>#<position>},
 * never replaced) and a hint to the latest fold ({@code dashboardHeads}).
 */
@Component
class DashboardFolds {

    /**
     * One committed fold: the counters after it, the respondents it changed, the deltas it consumed.
     *
     * @param nonce tells this fold from another with the same number (say, after the counters were wiped)
     */
    record Fold(String wave, long seq, String nonce, Map<DashboardKey, Long> counters, Map<String, Change> changes,
                List<String> consumed) {

        static Fold none(String wave) {
            return new Fold(wave, 0, "", Map.of(), Map.of(), List.of());
        }
    }

    /** What a respondent is counted as from a fold on: its next chain position and its counter keys. */
    record Change(long position, Set<DashboardKey> keys) {
    }

    /** What a respondent is counted as now: its last chain position (0 for never) and its keys. */
    record Counted(long position, Set<DashboardKey> keys) {
    }

    private final MongoCollection<Document> folds;
    private final MongoCollection<Document> counted;
    private final MongoCollection<Document> heads;

    DashboardFolds(MongoDatabase database) {
        this.folds = database.getCollection("dashboardFolds");
        this.counted = database.getCollection("dashboardCounted");
        this.heads = database.getCollection("dashboardHeads");
    }

    /** The latest committed fold of the wave: from the hint upwards, by {@code _id}. */
    Optional<Fold> latest(String wave) {
        Document head = heads.find(Filters.eq("_id", wave)).first();
        long seq = head == null ? 0 : head.get("head", Number.class).longValue();
        Document latest = seq == 0 ? null : fold(wave, seq);
        for (Document next = fold(wave, seq + 1); next != null; next = fold(wave, seq + 1)) {
            latest = next;
            seq++;
        }
        return Optional.ofNullable(latest).map(d -> read(wave, d));
    }

    /** Inserts the fold; false when another folder committed this number first. */
    boolean commit(Fold fold) {
        List<Document> counters = new ArrayList<>();
        paths(fold.counters()).forEach((key, value) -> counters.add(new Document("k", key).append("v", value)));
        List<Document> changes = new ArrayList<>();
        fold.changes().forEach((ref, change) -> changes.add(new Document("ref", ref)
                .append("position", change.position()).append("keys", paths(change.keys()))));
        return insert(folds, new Document("_id", fold.wave() + "#" + fold.seq()).append("nonce", fold.nonce())
                .append("counters", counters)
                .append("changes", changes).append("consumed", fold.consumed()));
    }

    /** Writes the fold's changes into the respondents' chains and moves the hint; safe to repeat. */
    void complete(Fold fold) {
        fold.changes().forEach((ref, change) -> insert(counted, new Document("_id", chainId(fold.wave(), ref, change.position()))
                .append("keys", paths(change.keys()))));
        Document head = heads.find(Filters.eq("_id", fold.wave())).first();
        // A hint only: a slow folder writing an older number back costs the next reader a few probes upwards. Not an
        // upsert: two of them at once fail on FerretDB, an insert that loses is just a duplicate key.
        if (head == null) {
            insert(heads, new Document("_id", fold.wave()).append("head", fold.seq()));
        } else if (head.get("head", Number.class).longValue() < fold.seq()) {
            heads.replaceOne(Filters.eq("_id", fold.wave()), new Document("_id", fold.wave()).append("head", fold.seq()));
        }
    }

    /**
     * What the respondent is counted as. Positions are written without gaps, so the last one is found by doubling
     * and then halving: a few reads by {@code _id} however often the respondent changed.
     */
    Counted counted(String wave, String ref) {
        if (position(wave, ref, 1) == null) {
            return new Counted(0, Set.of());
        }
        long present = 1;
        long absent = 2;
        while (position(wave, ref, absent) != null) {
            present = absent;
            absent *= 2;
        }
        while (absent - present > 1) {
            long middle = (present + absent) / 2;
            if (position(wave, ref, middle) != null) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return new Counted(present, keys(position(wave, ref, present)));
    }

    private Document position(String wave, String ref, long position) {
        return counted.find(Filters.eq("_id", chainId(wave, ref, position))).first();
    }

    private Document fold(String wave, long seq) {
        return folds.find(Filters.eq("_id", wave + "#" + seq)).first();
    }

    private static Fold read(String wave, Document document) {
        String id = document.getString("_id");
        Map<DashboardKey, Long> counters = new HashMap<>();
        for (Document counter : document.getList("counters", Document.class)) {
            counters.put(DashboardKey.parse(counter.getString("k")), counter.get("v", Number.class).longValue());
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Document change : document.getList("changes", Document.class)) {
            changes.put(change.getString("ref"), new Change(change.get("position", Number.class).longValue(), keys(change)));
        }
        return new Fold(wave, Long.parseLong(id.substring(id.lastIndexOf('#') + 1)), document.getString("nonce"), counters, changes,
                document.getList("consumed", String.class));
    }

    private static Set<DashboardKey> keys(Document document) {
        Set<DashboardKey> keys = new HashSet<>();
        document.getList("keys", String.class).forEach(path -> keys.add(DashboardKey.parse(path)));
        return keys;
    }

    private static List<String> paths(Set<DashboardKey> keys) {
        return keys.stream().map(DashboardKey::path).sorted().toList();
    }

    private static Map<String, Long> paths(Map<DashboardKey, Long> counters) {
        Map<String, Long> paths = new TreeMap<>();
        counters.forEach((key, count) -> paths.put(key.path(), count));
        return paths;
    }

    private static String chainId(String wave, String ref, long position) {
        return wave + "|" + ref + "#" + position;
    }

    private static boolean insert(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
