package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;

/**
 * Random responses, completed, changed, re-opened, re-coded and aggregated more than once in any order, end in
 * exactly the results a rebuild from their final state gives; and the results survive a storage round trip.
 */
class AggregationProperties {

    private static final WaveId WAVE = new WaveId("random-survey", "1");
    private static final List<String> HOSPITALS = List.of("Ziekenhuis Noord", "ZIEKENHUIS NOORD ", "St. Jan", "st jan", "Oost");
    private static final List<String> TEXTS = List.of("Beeldherkenning", "kosten en kennis", "Wet- en regelgeving", "");
    private static final List<String> SPECIALISMS = List.of("Radiologie", "radiologie ", "IC", "Intensive care", "Cardiologie");
    private static MongoClient client;

    /** One stored write: response {@code index} now has these answers and status. */
    record Write(int index, boolean completed, Document answers, String hospital, List<String> codedCategories) {
    }

    @Property(tries = 300)
    void shouldEndIncrementallyWhereARebuildEnds(@ForAll("writes") List<Write> writes) {
        Map<Integer, Document> stored = new TreeMap<>();
        Map<String, Coding> codings = new HashMap<>();
        WaveResults incremental = WaveResults.empty(WAVE);
        for (Write write : writes) {
            Document previous = stored.get(write.index());
            long version = previous == null ? 1 : previous.getLong("version") + 1;
            Document response = response(write, version);
            stored.put(write.index(), response);
            String id = response.getString("_id");
            String text = response.get("answers", Document.class).get("concerns", new Document()).getString("text");
            if (text != null && !write.codedCategories().isEmpty()) {
                codings.merge(id, new Coding(id, "concerns", text.strip(), write.codedCategories(), 1),
                        (old, next) -> new Coding(id, "concerns", next.text(), next.categories(), old.version() + 1));
            }
            incremental = incremental.replacing(id, contribution(response, codings));
            // an event delivered twice, or the start-up check after a crash, aggregates the same state again
            incremental = incremental.replacing(id, contribution(response, codings));
        }
        List<Contribution> finals = new ArrayList<>();
        stored.values().stream().map(d -> contribution(d, codings)).filter(c -> c != null).forEach(finals::add);

        WaveResults rebuilt = WaveResults.rebuilt(WAVE, 0, finals);

        assertThat(incremental.tally()).isEqualTo(rebuilt.tally());
        assertThat(incremental.contributions()).isEqualTo(rebuilt.contributions());
        assertThat(incremental.tally().counters().values()).allMatch(count -> count > 0);
    }

    @Property(tries = 5)
    void shouldReadBackTheResultsItStored(@ForAll("writes") List<Write> writes) {
        List<Contribution> contributions = new ArrayList<>();
        Map<Integer, Write> last = new TreeMap<>();
        writes.forEach(w -> last.put(w.index(), w));
        last.values().forEach(w -> contributions.add(ContributionReader.read(response(w, 1), Map.of())));
        WaveResults results = WaveResults.rebuilt(WAVE, 0, contributions);
        ResultsStore store = new ResultsStore(database(), JsonMapper.builder().build(), Clock.systemUTC());

        WaveResults before = store.load(WAVE);
        assertThat(store.save(results, before.version())).isTrue();
        WaveResults loaded = store.load(WAVE);

        assertThat(loaded.tally()).isEqualTo(results.tally());
        assertThat(loaded.contributions()).isEqualTo(results.contributions());
        assertThat(store.tally(WAVE)).contains(results.tally());
        assertThat(store.save(results, before.version())).as("a second write at the same read version").isFalse();
    }

    @AfterContainer
    static void close() {
        if (client != null) {
            client.close();
        }
    }

    private static com.mongodb.client.MongoDatabase database() {
        if (client == null) {
            client = MongoClients.create(FerretDb.uri("unused"));
        }
        return client.getDatabase(FerretDb.uniqueDatabase("aggregation_properties"));
    }

    private static Contribution contribution(Document response, Map<String, Coding> codings) {
        if (!"completed".equals(response.getString("status"))) {
            return null;
        }
        Coding coding = codings.get(response.getString("_id"));
        return ContributionReader.read(response, coding == null ? Map.of() : Map.of("concerns", coding));
    }

    private static Document response(Write write, long version) {
        Document profile = new Document();
        if (write.hospital() != null) {
            profile.append("hospital", write.hospital());
        }
        if (write.answers().containsKey("role")) {
            profile.append("role", write.answers().get("role", Document.class).getList("choices", Document.class).get(0).getString("code"));
        }
        Document answers = new Document();
        if (write.hospital() != null) {
            answers.append("hospital", new Document("text", write.hospital()).append("source", "invitation"));
        }
        answers.putAll(write.answers());
        return new Document("_id", "r_" + String.format("%024d", write.index())).append("survey", WAVE.survey())
                .append("wave", WAVE.wave()).append("status", write.completed() ? "completed" : "in_progress")
                .append("profile", profile).append("answers", answers).append("version", version);
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        return write().list().ofMaxSize(25);
    }

    private Arbitrary<Write> write() {
        Arbitrary<Document> answers = Combinators.combine(
                choices(List.of("cio", "cmio"), 1), choices(List.of("a", "b", "c"), 1), choices(List.of("x", "y", "z"), 3),
                Arbitraries.of(TEXTS), Arbitraries.of(TEXTS), Arbitraries.of(SPECIALISMS).list().ofMaxSize(3),
                Arbitraries.of(true, false)).as(AggregationProperties::answers);
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.of(true, true, false), answers,
                Arbitraries.of(HOSPITALS).injectNull(0.1),
                Arbitraries.of("knowledge", "funding", "acceptance").list().ofMaxSize(2)).as(Write::new);
    }

    private static Arbitrary<List<String>> choices(List<String> codes, int max) {
        return Arbitraries.of(codes).list().ofMinSize(0).ofMaxSize(max).uniqueElements();
    }

    private static Document answers(List<String> role, List<String> single, List<String> multiple, String concern,
                                    String shortTerm, List<String> specialisms, boolean skipOne) {
        Document answers = new Document();
        putChoices(answers, "role", role, null);
        putChoices(answers, "single", single, null);
        putChoices(answers, "multiple", multiple, multiple.contains("z") ? "zelf gebouwd" : null);
        if (!concern.isEmpty()) {
            answers.append("concerns", new Document("text", concern));
        }
        answers.append("expectedSupport", new Document("parts", new Document("shortTerm", shortTerm).append("longTerm", concern)));
        if (!specialisms.isEmpty()) {
            answers.append("experiments", new Document("entries", specialisms.stream()
                    .map(s -> new Document("specialism", s).append("description", "iets")).toList()));
        }
        if (skipOne) {
            answers.append("optionalQuestion", new Document("skipped", true));
        }
        return answers;
    }

    private static void putChoices(Document answers, String question, List<String> codes, String otherText) {
        if (codes.isEmpty()) {
            return;
        }
        Document answer = new Document("choices", codes.stream().map(c -> new Document("code", c).append("label", c)).toList());
        if (otherText != null) {
            answer.append("otherText", otherText);
        }
        answers.append(question, answer);
    }
}
