package nl.peilbot.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

/**
 * The {@code mails} collection, one document per mail: {@code {_id: "<ref>:<kind>:<n>", survey, ref, kind, n,
 * state, reason, at}}; no address, no name, no token. Written by the enqueuer (state {@code queued}, insert) and by
 * the outbox try that holds the mail's claim (by {@code _id}), so there is one writer at a time.
 */
final class MailLog {

    static final String COLLECTION = "mails";

    private final MongoCollection<Document> mails;

    MailLog(MongoDatabase database) {
        this.mails = database.getCollection(COLLECTION);
    }

    void createIndexes() {
        mails.createIndex(Indexes.ascending("survey"));
    }

    static String id(String ref, MailKind kind, int number) {
        return ref + ":" + kind.stored() + ":" + number;
    }

    /** Records a mail as queued; false when it was recorded before (whatever its state now). */
    boolean queued(String survey, String ref, MailKind kind, int number, Instant at) {
        try {
            mails.insertOne(new Document("_id", id(ref, kind, number)).append("survey", survey).append("ref", ref)
                    .append("kind", kind.stored()).append("n", number).append("state", "queued")
                    .append("at", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    MailStatus find(String ref, MailKind kind, int number) {
        Document document = mails.find(Filters.eq("_id", id(ref, kind, number))).first();
        return document == null ? null : status(document);
    }

    /** Moves the mail to {@code state}; the claim holder of its outbox try is the only writer. */
    void mark(String survey, String ref, MailKind kind, int number, String state, String reason, Instant at) {
        queued(survey, ref, kind, number, at);
        mails.updateOne(Filters.eq("_id", id(ref, kind, number)), Updates.combine(Updates.set("state", state),
                reason == null ? Updates.unset("reason") : Updates.set("reason", reason), Updates.set("at", Date.from(at))));
    }

    /** Every mail of a survey (an organiser's page: it may filter by survey). */
    List<MailStatus> ofSurvey(String survey) {
        List<MailStatus> statuses = new ArrayList<>();
        mails.find(Filters.eq("survey", survey)).forEach(document -> statuses.add(status(document)));
        return statuses;
    }

    private static MailStatus status(Document document) {
        return new MailStatus(document.getString("ref"), MailKind.fromStored(document.getString("kind")),
                ((Number) document.get("n")).intValue(), document.getString("state"), document.getString("reason"),
                document.getDate("at").toInstant());
    }
}
