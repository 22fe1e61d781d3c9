package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.FlowException;
import nl.peilbot.flow.Flows;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.testsupport.FerretDb;

/** Start-up of the catalog in a small context of its own, so that a refused start can be observed. */
class FlowCatalogTests {

    private static final Path VALID = Path.of("src/test/resources/flows/valid");
    private static final Path BROKEN = Path.of("src/test/resources/flows/broken");
    private static final String YAML = Flows.read(VALID.resolve("small-survey.yaml"));
    private static final Flow CURRENT = Flows.load(VALID.resolve("small-survey.yaml"));
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    private static MongoClient client;

    private MongoDatabase database;
    private MongoCollection<Document> flowVersions;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(FerretDb.uri("admin"));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase(FerretDb.uniqueDatabase("flow_catalog"));
        flowVersions = database.getCollection("flowVersions");
    }

    private ApplicationContextRunner catalogOn(Path directory) {
        return new ApplicationContextRunner()
                .withBean(MongoDatabase.class, () -> database)
                .withUserConfiguration(ConversationConfiguration.class)
                .withBean(FlowSnapshots.class)
                .withBean(FlowCatalog.class)
                .withPropertyValues("peilbot.flows.directory=" + directory);
    }

    private void storeSnapshot(String yaml, String source, Instant firstUsedAt) {
        Flow flow = Flows.parse(source, yaml);
        flowVersions.insertOne(new Document("_id", flow.version()).append("survey", flow.id()).append("wave", flow.wave())
                .append("source", source).append("yaml", yaml).append("firstUsedAt", Date.from(firstUsedAt)));
    }

    @Nested
    class Loading {

        @Test
        void shouldOfferEveryFlowInTheDirectoryBySurveyId() {
            catalogOn(VALID).run(context -> {
                FlowCatalog catalog = context.getBean(FlowCatalog.class);

                assertThat(catalog.current("small-survey")).contains(CURRENT);
                assertThat(catalog.current("no-such-survey")).isEmpty();
                assertThat(catalog.current(null)).isEmpty();
                assertThat(catalog.flow("small-survey", CURRENT.version())).isEqualTo(CURRENT);
            });
        }

        @Test
        void shouldRefuseToStartWithABrokenFlowNamingFileQuestionAndProblem() {
            catalogOn(BROKEN).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(FlowException.class)
                        .hasMessageContaining("broken-survey.yaml")
                        .hasMessageContaining("question 'familiarity'")
                        .hasMessageContaining("missing 'text'");
            });
        }

        @Test
        void shouldRefuseToStartWithoutTheFlowDirectory() {
            catalogOn(Path.of("src/test/resources/flows/does-not-exist")).run(context ->
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("does-not-exist").hasMessageContaining("does not exist"));
        }

        @Test
        void shouldRefuseToStartWithAnEmptyFlowDirectory(@TempDir Path empty) {
            catalogOn(empty).run(context ->
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("no *.yaml flow files"));
        }

        @Test
        void shouldRefuseTwoFilesWithTheSameSurveyId(@TempDir Path directory) throws IOException {
            Files.writeString(directory.resolve("a.yaml"), YAML);
            Files.writeString(directory.resolve("b.yaml"), YAML.replace("Kleine peiling", "Tweede kleine peiling"));

            catalogOn(directory).run(context -> assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("b.yaml").hasMessageContaining("survey id 'small-survey' is also used by"));
        }
    }

    @Nested
    class StoredVersions {

        @Test
        void shouldRefuseToStartWhenTheFlowIsIncompatibleWithAStoredVersion() {
            // The stored version asked familiarity as a multiple choice: its answers cannot be read as a single choice.
            String older = YAML.replace("  - id: familiarity\n    kind: single-choice\n",
                    "  - id: familiarity\n    kind: multiple-choice\n");
            assertThat(older).isNotEqualTo(YAML);
            storeSnapshot(older, "small-survey.yaml", T0);

            catalogOn(VALID).run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(FlowException.class)
                        .hasMessageContaining("small-survey.yaml, question 'familiarity'")
                        .hasMessageContaining("incompatible with stored version " + Flows.parse("x", older).version());
            });
        }

        @Test
        void shouldRefuseToStartWhenAStoredVersionNoLongerLoads() {
            String unreadable = YAML.replace("    text: {nl: \"Hoe bekend ben je met AI?\", en: \"How familiar are you with AI?\"}\n", "");
            assertThat(unreadable).isNotEqualTo(YAML);
            flowVersions.insertOne(new Document("_id", "00000000000000ab").append("survey", "small-survey")
                    .append("wave", "2024").append("source", "small-survey.yaml").append("yaml", unreadable)
                    .append("firstUsedAt", Date.from(T0)));

            catalogOn(VALID).run(context -> assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("stored version 00000000000000ab").hasMessageContaining("no longer loads"));
        }

        @Test
        void shouldResolveAnOlderCompatibleVersionFromItsSnapshot() {
            String reworded = YAML.replace("Enigszins bekend", "Een beetje bekend");
            Flow older = Flows.parse("small-survey.yaml", reworded);
            storeSnapshot(reworded, "small-survey.yaml", T0);

            catalogOn(VALID).run(context -> {
                FlowCatalog catalog = context.getBean(FlowCatalog.class);

                Flow resolved = catalog.flow("small-survey", older.version());
                assertThat(resolved.version()).isEqualTo(older.version()).isNotEqualTo(CURRENT.version());
                assertThat(resolved.questions().get(0).options().get(1).label().in("nl")).isEqualTo("Een beetje bekend");
                assertThat(catalog.flow("small-survey", older.version())).isSameAs(resolved);
                assertThat(catalog.current("small-survey")).contains(CURRENT);
            });
        }

        @Test
        void shouldFailForAVersionThatWasNeverStored() {
            catalogOn(VALID).run(context -> assertThatThrownBy(() ->
                    context.getBean(FlowCatalog.class).flow("small-survey", "ffffffffffffffff"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("ffffffffffffffff"));
        }

        @Test
        void shouldKeepTheTextOfTheCurrentVersionOnFirstUseOnly() {
            catalogOn(VALID).run(context -> {
                FlowCatalog catalog = context.getBean(FlowCatalog.class);

                catalog.recordFirstUse(CURRENT, T0);
                catalog.recordFirstUse(CURRENT, T0.plusSeconds(60));

                assertThat(flowVersions.countDocuments()).isEqualTo(1);
                assertThat(flowVersions.find().first()).containsEntry("_id", CURRENT.version())
                        .containsEntry("yaml", YAML).containsEntry("firstUsedAt", Date.from(T0));
            });
        }
    }
}
