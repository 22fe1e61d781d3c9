package nl.peilbot.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.aggregation.WaveId;

/**
 * The templates analysts saved for a wave in {@code reportTemplates}, one document per revision,
 * {@code {_id: "<survey>/<wave>#<n>", survey, wave, revision, template, savedBy, savedAt}}; a revision without
 * {@code template} hands the wave back to its file. Revisions are only ever inserted: of two analysts who save on
 * the same revision, the insert of the next {@code _id} lets exactly one win (FerretDB's updates are not atomic).
 * The newest revision is found by reading {@code <n+1>}, {@code <n+2>}, … by {@code _id} from the newest one this
 * instance has seen, so a read is one lookup of a missing {@code _id} when nothing changed.
 */
@Component
class TemplateRevisions {

    private final MongoCollection<Document> revisions;
    private final Clock clock;
    private final ConcurrentMap<WaveId, Revision> newest = new ConcurrentHashMap<>();

    TemplateRevisions(MongoDatabase database, Clock clock) {
        this.revisions = database.getCollection("reportTemplates");
        this.clock = clock;
    }

    /** The wave's newest revision; revision 0 (the file) when nothing was ever saved. */
    Revision current(WaveId wave) {
        Revision known = newest.getOrDefault(wave, Revision.FILE);
        Revision found = known;
        for (Document next; (next = revisions.find(Filters.eq("_id", id(wave, found.number() + 1))).first()) != null; ) {
            found = revision(next);
        }
        if (found != known) {
            remember(wave, found);
        }
        return found;
    }

    /**
     * Stores {@code template} (null: back to the file) as the revision after {@code base}; empty when another
     * revision was stored after {@code base} first, so nothing was stored.
     */
    Optional<Revision> save(WaveId wave, long base, String template, String savedBy) {
        Revision next = new Revision(base + 1, template, savedBy, clock.instant());
        Document document = new Document("_id", id(wave, next.number())).append("survey", wave.survey())
                .append("wave", wave.wave()).append("revision", next.number());
        if (template != null) {
            document.append("template", template);
        }
        document.append("savedBy", savedBy).append("savedAt", Date.from(next.savedAt()));
        try {
            revisions.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        remember(wave, next);
        return Optional.of(next);
    }

    private void remember(WaveId wave, Revision revision) {
        newest.merge(wave, revision, (kept, found) -> found.number() > kept.number() ? found : kept);
    }

    private static Revision revision(Document document) {
        return new Revision(document.get("revision", Number.class).longValue(), document.getString("template"),
                document.getString("savedBy"), document.getDate("savedAt").toInstant());
    }

    private static String id(WaveId wave, long revision) {
        return wave.survey() + "/" + wave.wave() + "#" + revision;
    }

    /**
     * One stored revision of a wave's template.
     *
     * @param template the saved text; null when the wave uses its file
     */
    record Revision(long number, String template, String savedBy, Instant savedAt) {

        static final Revision FILE = new Revision(0, null, null, null);

        boolean saved() {
            return template != null;
        }
    }
}
