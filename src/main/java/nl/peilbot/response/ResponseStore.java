package nl.peilbot.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;
import nl.peilbot.flow.Flow;

/**
 * Reads and writes response documents, by {@code _id} only, atomically for any number of instances.
 *
 * <p>A turn commits by inserting an immutable record {@code <id>:<version>} into the {@code turns} collection (only
 * an insert is atomic on FerretDB); a duplicate key means another writer committed that version first. The
 * {@code responses} document is then written by {@code _id} as a snapshot. A reader takes the snapshot and probes
 * the records after its version, so it always gets the newest committed version, and finishes the snapshot write
 * (and the {@link ResponseCompleted} event) of a writer that died in between. docs/storage.md gives the argument.
 */
@Component
public class ResponseStore {

    static final String COLLECTION = "responses";

    private static final Logger log = LoggerFactory.getLogger(ResponseStore.class);

    private final MongoCollection<Document> responses;
    private final TurnLog turns;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TurnsProperties settings;
    private final Queue<Settled> settled = new ConcurrentLinkedQueue<>();

    ResponseStore(MongoDatabase database, ApplicationEventPublisher events, Clock clock, TurnsProperties settings) {
        this.responses = database.getCollection(COLLECTION);
        this.turns = new TurnLog(database);
        this.events = events;
        this.clock = clock;
        this.settings = settings;
    }

    @PostConstruct
    void createIndexes() {
        responses.createIndex(Indexes.ascending("survey", "status"));
    }

    /**
     * Marks every unfinished response of a survey wave {@code partial: true}, when the wave is closed; the next
     * stored turn (only possible after the wave is opened again) writes the document without the mark.
     *
     * @return how many were marked
     */
    public long markPartial(String survey, String wave) {
        return responses.updateMany(ResponseFilters.of(ResponseSelection.ofWave(survey, wave)
                .withStatus(ResponseStatus.IN_PROGRESS)), Updates.set("partial", true)).getModifiedCount();
    }

    /** The newest committed version of the response; finishes the snapshot write of a turn whose writer died. */
    public Optional<StoredResponse> find(String id) {
        return newest(id).map(newest -> ResponseDocuments.fromDocument(newest.document()));
    }

    /**
     * Stores a new response answered with {@code flow}, at version 1.
     *
     * @return false when a response with this id exists already (it is left as it was)
     */
    public boolean insert(StoredResponse response, Flow flow) {
        try {
            responses.insertOne(ResponseDocuments.toDocument(response, flow));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Commits {@code updated}, the version after the one its turn read, unless another writer committed that
     * version first. Once committed, the turn is stored whatever happens next: the {@code responses} document and
     * {@link ResponseCompleted} (for a completed response) follow here, or else from the next reader or the repair.
     *
     * @param readStartedNanos {@link System#nanoTime()} taken before the {@link #find(String)} that returned the
     *                         version {@code updated} follows; a turn slower than a third of
     *                         {@code peilbot.turns.retention} is refused, since the record of the version it would
     *                         commit may have been committed and deleted meanwhile (docs/storage.md)
     * @return false when another writer committed this version first, or the turn took too long: nothing was written
     */
    public boolean commit(StoredResponse updated, Flow flow, long readStartedNanos) {
        Optional<TurnRecord> committed = claim(updated, flow, readStartedNanos);
        committed.ifPresent(this::finish);
        return committed.isPresent();
    }

    /** The first half of a commit: inserting the turn record. */
    Optional<TurnRecord> claim(StoredResponse updated, Flow flow, long readStartedNanos) {
        if (updated.version() < 2) {
            throw new IllegalArgumentException("version 1 of a response is created by insert, not committed as a turn");
        }
        TurnRecord record = TurnRecord.of(ResponseDocuments.toDocument(updated, flow), clock.instant());
        if (System.nanoTime() - readStartedNanos >= settings.deadline().toNanos()) {
            log.warn("a turn of response {} took too long to commit version {}; refused as a conflict",
                    updated.id(), updated.version());
            return Optional.empty();
        }
        return turns.claim(record) ? Optional.of(record) : Optional.empty();
    }

    /**
     * The second half of a commit: the snapshot write, then the event for a completed response. A record finished
     * here is remembered, so this instance deletes it by {@code _id} once it is older than the retention
     * ({@link #deleteSettled()}) and the repair need not read the turn log for it.
     */
    void finish(TurnRecord record) {
        if (writeSnapshot(record.document(), record.committedAt())
                && (!record.completed() || announce(record.summary()))) {
            settled.add(new Settled(record.id(), record.committedAt()));
        }
    }

    /**
     * Deletes, by {@code _id}, the records this instance committed and finished that are now older than the retention.
     * The snapshot held each one's version when it was written, and no older snapshot write can land after the
     * retention (docs/storage.md), so the repair's conditions hold without reading the record or the snapshot. Those
     * not deleted (a failure, a crash) are left to the repair.
     *
     * @return how many were deleted
     */
    long deleteSettled() {
        Instant before = clock.instant().minus(settings.retention());
        List<String> due = new ArrayList<>();
        for (Settled oldest = settled.peek(); oldest != null && oldest.committedAt().isBefore(before);
             oldest = settled.peek()) {
            due.add(settled.poll().id());
        }
        return turns.delete(due);
    }

    /** A record this instance finished, in the order of committing. */
    private record Settled(String id, Instant committedAt) {
    }

    /**
     * The newest committed version of a response: the snapshot, or the last of the turn records after it, whose
     * snapshot write (and event) this finishes.
     */
    Optional<Newest> newest(String id) {
        Document snapshot = responses.find(ResponseFilters.byId(id)).first();
        if (snapshot == null) {
            return Optional.empty();
        }
        long snapshotVersion = version(snapshot);
        List<TurnRecord> ahead = new ArrayList<>();
        // The time is read before each probe after a found record (the common path, nothing ahead, reads none):
        // the last reading precedes the probe that found nothing, so no later version existed before it.
        Instant probedAt = null;
        for (Optional<TurnRecord> next = turns.find(id, snapshotVersion + 1); next.isPresent();
             next = turns.find(id, next.get().version() + 1)) {
            ahead.add(next.get());
            probedAt = clock.instant();
        }
        if (ahead.isEmpty()) {
            return Optional.of(new Newest(snapshot, snapshotVersion, snapshotVersion));
        }
        TurnRecord newest = ahead.get(ahead.size() - 1);
        if (!writeSnapshot(newest.document(), probedAt)) {
            return Optional.of(new Newest(newest.document(), snapshotVersion, snapshotVersion));
        }
        ahead.stream().filter(record -> record.completed() && !record.announced())
                .forEach(record -> announce(record.summary()));
        return Optional.of(new Newest(newest.document(), snapshotVersion, newest.version()));
    }

    /**
     * Finishes every turn whose writer died before writing the snapshot or publishing {@link ResponseCompleted}, and
     * deletes the records the snapshot holds that are older than the retention. Safe to run on several instances
     * at once: every step is idempotent.
     *
     * @param settle records younger than this are left to their writer for the event (it is probably publishing it)
     */
    Repair repair(Duration settle) {
        Instant now = clock.instant();
        Map<String, List<TurnRecord.Summary>> byResponse = new LinkedHashMap<>();
        turns.all().forEach(record -> byResponse.computeIfAbsent(record.responseId(), id -> new ArrayList<>()).add(record));
        int finished = 0;
        int announced = 0;
        List<String> deletable = new ArrayList<>();
        for (Map.Entry<String, List<TurnRecord.Summary>> response : byResponse.entrySet()) {
            Optional<Newest> newest = newest(response.getKey());
            finished += newest.map(n -> n.heldVersion() - n.readVersion()).orElse(0L).intValue();
            for (TurnRecord.Summary record : response.getValue()) {
                // Records past the snapshot as read were announced by newest(), which finished them.
                boolean due = newest.isPresent() && record.completed() && !record.announced()
                        && record.version() <= newest.get().readVersion()
                        && !record.committedAt().isAfter(now.minus(settle));
                boolean announcedNow = due && announce(record);
                announced += announcedNow ? 1 : 0;
                // A response deleted since has no snapshot: its records only wait out the retention.
                boolean held = newest.isEmpty() || record.version() <= newest.get().heldVersion();
                boolean settled = !record.completed() || record.announced() || announcedNow || newest.isEmpty();
                if (held && settled && record.committedAt().isBefore(now.minus(settings.retention()))) {
                    deletable.add(record.id());
                }
            }
        }
        return new Repair(byResponse.size(), finished, announced, turns.delete(deletable));
    }

    /** What one repair did: responses looked at, versions written to snapshots, events published, records deleted. */
    record Repair(int responses, int finished, int announced, long deleted) {
    }

    /**
     * @param readVersion the version the snapshot had when read
     * @param heldVersion the version the snapshot is known to hold now: {@code readVersion}, or the newest record's
     *                    version once this reader wrote it
     */
    record Newest(Document document, long readVersion, long heldVersion) {
    }

    /**
     * Deletes the response for good (its respondent withdrew), with the turn records around its version; deleting
     * one that is gone already does nothing. A turn committed at the same moment leaves a record without a snapshot,
     * which the repair deletes after the retention.
     */
    public void delete(String id) {
        Document snapshot = responses.find(ResponseFilters.byId(id)).first();
        responses.deleteOne(ResponseFilters.byId(id));
        if (snapshot == null) {
            return;
        }
        long version = version(snapshot);
        List<String> records = new ArrayList<>();
        for (long newer = version + 1; turns.find(id, newer).isPresent(); newer++) {
            records.add(TurnLog.recordId(id, newer));
        }
        for (long older = version; older > 1 && turns.find(id, older).isPresent(); older--) {
            records.add(TurnLog.recordId(id, older));
        }
        turns.delete(records);
    }

    /**
     * Writes the snapshot by {@code _id}, unless more than the deadline passed since {@code newestAt}, when the
     * writer learnt this version was the newest: a later write could set the response back after the records past
     * it were deleted. No upsert: a response deleted meanwhile stays deleted.
     *
     * @return whether the snapshot now holds this version
     */
    private boolean writeSnapshot(Document document, Instant newestAt) {
        String id = document.getString("_id");
        long version = version(document);
        if (Duration.between(newestAt, clock.instant()).compareTo(settings.deadline()) >= 0) {
            log.warn("version {} of response {} is too old to be written as its snapshot now; a reader will",
                    version, id);
            return false;
        }
        try {
            return responses.replaceOne(ResponseFilters.byId(id), document).getMatchedCount() == 1;
        } catch (MongoException e) {
            // The turn is committed in its record; the next reader or the repair writes the snapshot.
            log.warn("version {} of response {} is committed, but its snapshot write failed: {}", version, id,
                    e.toString());
            return false;
        }
    }

    /** Publishes the event, then notes that in the record; a listener that fails leaves it to the repair. */
    private boolean announce(TurnRecord.Summary record) {
        try {
            events.publishEvent(record.event());
        } catch (RuntimeException e) {
            log.error("a listener of ResponseCompleted failed for response {} version {}; the repair publishes it again",
                    record.responseId(), record.version(), e);
            return false;
        }
        try {
            turns.markAnnounced(record.id());
        } catch (MongoException e) {
            log.warn("ResponseCompleted for response {} version {} was published but not noted; it may come again: {}",
                    record.responseId(), record.version(), e.toString());
        }
        return true;
    }

    private static long version(Document document) {
        return ((Number) document.get("version")).longValue();
    }
}
