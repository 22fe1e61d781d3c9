package nl.peilbot.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.testsupport.FerretDb;

/** The application creates its indexes when it starts, on an empty database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
class IndexesTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("indexes");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    private MongoDatabase database;

    private List<Document> indexKeys(String collection) {
        return database.getCollection(collection).listIndexes().map(index -> index.get("key", Document.class))
                .into(new ArrayList<>());
    }

    @Test
    void shouldUseTheDatabaseOfTheConnectionString() {
        assertThat(database.getName()).isEqualTo(DATABASE);
    }

    @Test
    void shouldIndexResponsesBySurveyAndStatus() {
        assertThat(indexKeys("responses")).contains(new Document("survey", 1).append("status", 1));
    }

    @Test
    void shouldIndexFlowVersionsBySurvey() {
        assertThat(indexKeys("flowVersions")).contains(new Document("survey", 1));
    }

    @Test
    void shouldIndexInvitationsBySurvey() {
        assertThat(indexKeys("invitations")).contains(new Document("survey", 1));
    }
}
