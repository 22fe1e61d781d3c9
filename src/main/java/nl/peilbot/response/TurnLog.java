package nl.peilbot.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * The {@code turns} collection: one immutable record per committed version of a response, {@code _id}
 * {@code <response id>:<version>}. Inserting the record is the commit; only an insert is atomic across connections
 * on FerretDB, so a duplicate key tells a writer that another one committed that version first.
 *
 * <p>Every read and write of one record goes by {@code _id}. Only {@link #all()} reads the whole collection, for
 * the periodic repair, and that stays cheap because records are deleted once the snapshot holds them.
 */
final class TurnLog {

    static final String COLLECTION = "turns";

    private static final int DELETE_CHUNK = 100;

    private final MongoCollection<Document> turns;

    TurnLog(MongoDatabase database) {
        this.turns = database.getCollection(COLLECTION);
    }

    static String recordId(String responseId, long version) {
        return responseId + ":" + version;
    }

    /**
     * Commits {@code document} (the whole response document at {@code version}) by inserting its record.
     *
     * @return false when that version was committed before, by this writer or another: nothing was written
     */
    boolean claim(TurnRecord record) {
        try {
            turns.insertOne(record.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    Optional<TurnRecord> find(String responseId, long version) {
        return Optional.ofNullable(turns.find(Filters.eq("_id", recordId(responseId, version))).first())
                .map(TurnRecord::fromDocument);
    }

    /** Notes that {@link ResponseCompleted} was published for this record, so the repair need not do it again. */
    void markAnnounced(String recordId) {
        turns.updateOne(Filters.eq("_id", recordId), Updates.set("announced", true));
    }

    /** Every record without its response document: what the periodic repair works through. */
    List<TurnRecord.Summary> all() {
        List<TurnRecord.Summary> all = new ArrayList<>();
        turns.find().projection(Projections.exclude(TurnRecord.DOCUMENT))
                .forEach(document -> all.add(TurnRecord.Summary.fromDocument(document)));
        return all;
    }

    /** Deletes these records in chunks, so that no statement grows with their number. */
    long delete(List<String> recordIds) {
        long deleted = 0;
        for (int from = 0; from < recordIds.size(); from += DELETE_CHUNK) {
            List<String> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + DELETE_CHUNK));
            deleted += turns.deleteMany(Filters.in("_id", chunk)).getDeletedCount();
        }
        return deleted;
    }
}
