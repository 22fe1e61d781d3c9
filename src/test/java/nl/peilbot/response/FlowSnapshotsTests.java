package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;

class FlowSnapshotsTests {

    private static final String YAML = Flows.read(Path.of("src/test/resources/flows/valid/small-survey.yaml"));

    private static MongoCollection<Document> raw;
    private static FlowSnapshots snapshots;

    @BeforeAll
    static void connect() {
        MongoDatabase database = FerretDb.database("flow_snapshots");
        raw = database.getCollection("flowVersions");
        snapshots = new FlowSnapshots(database);
        snapshots.createIndexes();
    }

    /** The test flow under another survey id, so that each test has versions of its own. */
    private static Flow flow(String survey) {
        return Flows.parse(survey + ".yaml", YAML.replace("small-survey", survey));
    }

    @Test
    void shouldKeepAVersionOnceWithItsFirstUse() {
        Flow flow = flow("kept-once");

        assertThat(snapshots.saveIfAbsent(flow, YAML, T0)).isTrue();
        assertThat(snapshots.saveIfAbsent(flow, YAML + "\n# changed", T0.plusSeconds(60))).isFalse();

        assertThat(raw.find(Filters.eq("_id", flow.version())).first()).isEqualTo(new Document("_id", flow.version())
                .append("survey", "kept-once")
                .append("wave", "2024")
                .append("source", "kept-once.yaml")
                .append("yaml", YAML)
                .append("firstUsedAt", Date.from(T0)));
    }

    @Test
    void shouldParseAKeptVersionAgain() {
        Flow flow = flow("parsed-again");
        snapshots.saveIfAbsent(flow, YAML.replace("small-survey", "parsed-again"), T0);

        assertThat(snapshots.flow(flow.version())).hasValueSatisfying(kept -> {
            assertThat(kept.version()).isEqualTo(flow.version());
            assertThat(kept.steps()).isEqualTo(flow.steps());
        });
        assertThat(snapshots.flow("0000000000000000")).isEmpty();
    }

    @Test
    void shouldListTheVersionsOfOneSurveyOldestFirst() {
        Flow later = Flows.parse("later.yaml", YAML.replace("Kleine peiling", "Korte peiling").replace("small-survey", "listed-survey"));
        Flow earlier = Flows.parse("earlier.yaml", YAML.replace("small-survey", "listed-survey"));
        snapshots.saveIfAbsent(later, "later text", T0.plusSeconds(3600));
        snapshots.saveIfAbsent(earlier, "earlier text", T0);

        List<FlowSnapshot> listed = snapshots.forSurvey("listed-survey");

        assertThat(listed).containsExactly(
                new FlowSnapshot(earlier.version(), "listed-survey", "2024", "earlier.yaml", "earlier text", T0),
                new FlowSnapshot(later.version(), "listed-survey", "2024", "later.yaml", "later text", T0.plusSeconds(3600)));
        assertThat(snapshots.forSurvey("no-such-survey")).isEmpty();
    }
}
