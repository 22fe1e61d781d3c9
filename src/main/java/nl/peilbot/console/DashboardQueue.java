package nl.peilbot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import nl.peilbot.invitation.InvitationsIssued;
import nl.peilbot.response.ResponseProgressed;
import nl.peilbot.response.ResponseWithdrawn;

/**
 * The {@code dashboardQueue} collection: "look at this respondent again" for a wave's dashboard counters, inserted
 * when a response moves or the console changes an invitation, removed once a fold took it in. A delta carries no
 * state (the fold re-reads it), so a duplicate or late delta changes nothing; each cause gets an id of its own, so
 * a delta queued while a fold reads the respondent is never removed by that fold.
 */
@Component
class DashboardQueue {

    static final String COLLECTION = "dashboardQueue";
    private static final Logger log = LoggerFactory.getLogger(DashboardQueue.class);

    /** A queued delta: the respondent (response id, also the invitation's reference) to look at again. */
    record Delta(String id, String ref) {
    }

    private final MongoCollection<Document> queue;

    DashboardQueue(MongoDatabase database) {
        this.queue = database.getCollection(COLLECTION);
    }

    @EventListener
    void on(ResponseProgressed progressed) {
        queueQuietly(progressed.surveyId(), progressed.wave(), progressed.responseId());
    }

    @EventListener
    void on(ResponseWithdrawn withdrawn) {
        queueQuietly(withdrawn.surveyId(), withdrawn.wave(), withdrawn.responseId());
    }

    // One delta per new invitation, with an id of its own: a repeated event queues nothing new while the first waits.
    @EventListener
    void on(InvitationsIssued issued) {
        issued.responseIds().forEach(ref -> {
            try {
                insert("issued:" + ref, issued.survey(), issued.wave(), ref);
            } catch (MongoException e) {
                log.warn("dashboard delta of a new invitation of {} {} not queued: {}", issued.survey(), issued.wave(),
                        e.getMessage());
            }
        });
    }

    /** Queues a look at the respondent after a change the caller made. */
    void add(String survey, String wave, String ref) {
        insert(ref + ":" + UUID.randomUUID(), survey, wave, ref);
    }

    /** Queues the respondent as one of a wave's first count; repeating it queues nothing new. */
    void seed(String survey, String wave, String ref) {
        insert("seed:" + survey + "/" + wave + ":" + ref, survey, wave, ref);
    }

    /** Up to {@code limit} queued deltas of the wave (the queue holds only what is not folded yet). */
    List<Delta> pending(String survey, String wave, int limit) {
        List<Delta> deltas = new ArrayList<>();
        queue.find(Filters.and(Filters.eq("survey", survey), Filters.eq("wave", wave)))
                .projection(Projections.include("ref")).limit(limit)
                .forEach(d -> deltas.add(new Delta(d.getString("_id"), d.getString("ref"))));
        return deltas;
    }

    /** Removes folded deltas by {@code _id}. */
    void remove(List<String> ids) {
        ids.forEach(id -> queue.deleteOne(Filters.eq("_id", id)));
    }

    // The respondent's turn is stored already; a delta lost to a database failure here leaves that respondent's
    // figures one step behind until its next turn, which is better than failing the turn.
    private void queueQuietly(String survey, String wave, String ref) {
        try {
            add(survey, wave, ref);
        } catch (MongoException e) {
            log.warn("dashboard delta of {} {} not queued: {}", survey, wave, e.getMessage());
        }
    }

    private void insert(String id, String survey, String wave, String ref) {
        try {
            queue.insertOne(new Document("_id", id).append("survey", survey).append("wave", wave).append("ref", ref));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
