package nl.peilbot.response;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * One committed version of a response in the {@code turns} collection: the whole response document as the turn
 * left it, so that a reader can finish the snapshot write of a writer that died after committing.
 *
 * @param committedAt when the writer committed it; the record is kept at least the retention time after it
 * @param completed   whether the response was completed at this version, so {@link ResponseCompleted} is due
 * @param announced   whether {@link ResponseCompleted} was published for this version (only meaningful if completed)
 */
record TurnRecord(String responseId, long version, String survey, String wave, Instant committedAt,
                  boolean completed, boolean announced, Document document) {

    static final String DOCUMENT = "document";

    /** The record that commits {@code document}, a response document as {@link ResponseDocuments} writes it. */
    static TurnRecord of(Document document, Instant committedAt) {
        return new TurnRecord(document.getString("_id"), ((Number) document.get("version")).longValue(),
                document.getString("survey"), document.getString("wave"), committedAt,
                ResponseStatus.COMPLETED.code().equals(document.getString("status")), false, document);
    }

    String id() {
        return TurnLog.recordId(responseId, version);
    }

    Summary summary() {
        return new Summary(responseId, version, survey, wave, committedAt, completed, announced);
    }

    Document toDocument() {
        Document record = new Document("_id", id())
                .append("response", responseId)
                .append("version", version)
                .append("survey", survey)
                .append("wave", wave)
                .append("committedAt", Date.from(committedAt))
                .append("completed", completed);
        if (completed) {
            record.append("announced", announced);
        }
        return record.append(DOCUMENT, document);
    }

    static TurnRecord fromDocument(Document record) {
        Summary summary = Summary.fromDocument(record);
        return new TurnRecord(summary.responseId(), summary.version(), summary.survey(), summary.wave(),
                summary.committedAt(), summary.completed(), summary.announced(), record.get(DOCUMENT, Document.class));
    }

    /** A record without its response document. */
    record Summary(String responseId, long version, String survey, String wave, Instant committedAt,
                   boolean completed, boolean announced) {

        String id() {
            return TurnLog.recordId(responseId, version);
        }

        ResponseCompleted event() {
            return new ResponseCompleted(responseId, survey, wave, version);
        }

        static Summary fromDocument(Document record) {
            return new Summary(record.getString("response"), ((Number) record.get("version")).longValue(),
                    record.getString("survey"), record.getString("wave"), record.getDate("committedAt").toInstant(),
                    record.getBoolean("completed", false), record.getBoolean("announced", false));
        }
    }
}
