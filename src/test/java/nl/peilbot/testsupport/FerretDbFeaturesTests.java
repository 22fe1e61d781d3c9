package nl.peilbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * Pins down the MongoDB features Peilbot relies on, as FerretDB 1.24 on SQLite provides them.
 *
 * <p>Not pinned because it does not hold: a filtered {@code replaceOne} is a read followed by a write by
 * {@code _id}, so two concurrent replaces at the same version can both match (why {@code ResponseStore} commits by insert).
 */
class FerretDbFeaturesTests {

    private static MongoClient client;
    private static MongoCollection<Document> things;

    @BeforeAll
    static void connect() {
        String database = FerretDb.uniqueDatabase("features");
        client = MongoClients.create(FerretDb.uri(database));
        things = client.getDatabase(database).getCollection("things");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void shouldReplaceOnlyWhenIdAndVersionMatch() {
        things.insertOne(new Document("_id", "guarded").append("version", 1L).append("value", "a"));

        long first = things.replaceOne(Filters.and(Filters.eq("_id", "guarded"), Filters.eq("version", 1L)),
                new Document("_id", "guarded").append("version", 2L).append("value", "b")).getMatchedCount();
        long second = things.replaceOne(Filters.and(Filters.eq("_id", "guarded"), Filters.eq("version", 1L)),
                new Document("_id", "guarded").append("version", 2L).append("value", "c")).getMatchedCount();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(things.find(Filters.eq("_id", "guarded")).first()).containsEntry("value", "b");
    }

    @Test
    void shouldReportDuplicateKeyWithCode11000() {
        things.insertOne(new Document("_id", "twice"));

        assertThatThrownBy(() -> things.insertOne(new Document("_id", "twice")))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                    assertThat(e.getError().getCode()).isEqualTo(11000);
                    assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                });
    }

    @Test
    void shouldCreateAndListCompoundIndexes() {
        things.createIndex(Indexes.ascending("survey", "status"));
        things.createIndex(Indexes.ascending("survey", "status"));

        List<Document> keys = things.listIndexes().map(index -> index.get("key", Document.class)).into(new ArrayList<>());

        assertThat(keys).contains(new Document("survey", 1).append("status", 1));
    }

    @Test
    void shouldMatchWithIn() {
        things.insertOne(new Document("_id", "in-1").append("kind", "x"));
        things.insertOne(new Document("_id", "in-2").append("kind", "y"));
        things.insertOne(new Document("_id", "in-3").append("kind", "z"));

        List<Object> ids = things.find(Filters.in("_id", "in-1", "in-3", "in-missing"))
                .map(d -> d.get("_id")).into(new ArrayList<>());

        assertThat(ids).containsExactlyInAnyOrder("in-1", "in-3");
    }

    @Test
    void shouldKeepNestedDocumentsKeyOrderDatesAndLongs() {
        Date when = new Date(1_700_000_000_123L);
        Document nested = new Document("zeta", 1).append("alpha", new Document("b", "é ü ✓").append("a", List.of("x", "y")));
        things.insertOne(new Document("_id", "nested").append("nested", nested).append("when", when).append("n", 7L));

        Document read = things.find(Filters.eq("_id", "nested")).first();

        assertThat(read.get("nested", Document.class)).isEqualTo(nested);
        assertThat(List.copyOf(read.get("nested", Document.class).keySet())).containsExactly("zeta", "alpha");
        assertThat(read.get("when")).isEqualTo(when);
        assertThat(read.get("n")).isEqualTo(7L);
    }
}
