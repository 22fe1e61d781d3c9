package nl.peilbot.invitation;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

/**
 * The {@code invitationPointers} collection: for each response, the ids of its invitations' documents in the order
 * they were issued, as immutable documents {@code {_id: "<responseId>#<n>", invitation}} (n = 1 for the first token,
 * n + 1 for each re-issue). The console finds a response's invitation by reading {@code #1}, {@code #2}, … by
 * {@code _id} (a filter on {@code responseId} would scan {@code invitations} on FerretDB's SQLite backend), and a
 * re-issue claims its position by inserting it, so of two re-issues at once, on any number of instances, one wins.
 */
class InvitationPointers {

    static final String COLLECTION = "invitationPointers";
    private static final String BACKFILLED = "#backfilled";

    private final MongoCollection<Document> pointers;

    InvitationPointers(MongoDatabase database) {
        this.pointers = database.getCollection(COLLECTION);
    }

    /** The invitation document ids of the response, oldest first; two reads by {@code _id} for a response never re-issued. */
    List<String> chain(String responseId) {
        List<String> chain = new ArrayList<>();
        for (int position = 1; ; position++) {
            Document pointer = pointers.find(Filters.eq("_id", key(responseId, position))).first();
            if (pointer == null) {
                return chain;
            }
            chain.add(pointer.getString("invitation"));
        }
    }

    /** The pointers of new responses, {@code #1} each (an import's batch: one insert). */
    void first(Map<String, String> invitationByResponse, Date at) {
        List<Document> documents = new ArrayList<>();
        invitationByResponse.forEach((responseId, invitation) -> documents.add(pointer(responseId, 1, invitation, at)));
        if (!documents.isEmpty()) {
            pointers.insertMany(documents);
        }
    }

    /** Claims position {@code position} of the response for the invitation; false when another writer holds it. */
    boolean claim(String responseId, int position, String invitation, Date at) {
        return insert(pointer(responseId, position, invitation, at));
    }

    /** Removes the pointers of a failed import, by {@code _id}. */
    void forget(Iterable<String> responseIds) {
        responseIds.forEach(responseId -> pointers.deleteOne(Filters.eq("_id", key(responseId, 1))));
    }

    /**
     * Gives the invitations stored before the pointers existed theirs, once: reads the whole {@code invitations}
     * collection, at start-up only, and marks the collection as done.
     */
    void backfill(MongoCollection<Document> invitations) {
        if (pointers.find(Filters.eq("_id", BACKFILLED)).first() != null) {
            return;
        }
        Map<String, List<Document>> byResponse = new LinkedHashMap<>();
        invitations.find()
                .projection(Projections.include("responseId", "createdAt")).sort(Sorts.ascending("createdAt"))
                .forEach(invitation -> byResponse.computeIfAbsent(responseIdOf(invitation), r -> new ArrayList<>())
                        .add(invitation));
        byResponse.forEach((responseId, chain) -> {
            if (pointers.find(Filters.eq("_id", key(responseId, 1))).first() == null) {
                for (int i = 0; i < chain.size(); i++) {
                    Document invitation = chain.get(i);
                    insert(pointer(responseId, i + 1, invitation.getString("_id"), invitation.getDate("createdAt")));
                }
            }
        });
        insert(new Document("_id", BACKFILLED).append("at", new Date()));
    }

    private static Document pointer(String responseId, int position, String invitation, Date at) {
        return new Document("_id", key(responseId, position)).append("invitation", invitation).append("createdAt", at);
    }

    private boolean insert(Document document) {
        try {
            pointers.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static String responseIdOf(Document invitation) {
        String responseId = invitation.getString("responseId");
        return responseId != null ? responseId : Invitation.responseIdFor(invitation.getString("_id"));
    }

    static String key(String responseId, int position) {
        return responseId + "#" + position;
    }
}
