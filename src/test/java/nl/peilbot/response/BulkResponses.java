package nl.peilbot.response;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;

/**
 * Big waves for tests of what must not grow with a wave: a few responses stored as the application stores them, then
 * copies of their documents under new ids, inserted many at a time (storing each through the store would take
 * minutes).
 */
public final class BulkResponses {

    private static final int INSERT_BATCH = 500;

    private BulkResponses() {
    }

    /** Stores {@code responses} as the application does. */
    public static void store(MongoDatabase database, Flow flow, List<StoredResponse> responses) {
        ResponseStore store = ResponseFixtures.store(database, event -> { });
        responses.forEach(response -> store.insert(response, flow));
    }

    /**
     * Copies the stored documents of {@code templates}, round robin, until {@code count} responses including the
     * templates are stored; copy {@code n} has its template's id with {@code -<n>} appended and otherwise the same
     * document.
     */
    public static void copy(MongoDatabase database, List<StoredResponse> templates, int count) {
        MongoCollection<Document> responses = database.getCollection(ResponseStore.COLLECTION);
        List<Document> stored = new ArrayList<>();
        templates.forEach(template -> stored.add(responses.find(Filters.eq("_id", template.id())).first()));
        List<Document> batch = new ArrayList<>();
        for (int n = templates.size(); n < count; n++) {
            Document copy = new Document(stored.get(n % stored.size()));
            copy.put("_id", copy.getString("_id") + "-" + n);
            batch.add(copy);
            if (batch.size() == INSERT_BATCH) {
                responses.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            responses.insertMany(batch);
        }
    }
}
