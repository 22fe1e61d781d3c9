package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;
import nl.peilbot.response.ResponseViews;

/**
 * Random responses, completed, changed, re-opened, re-coded and aggregated more than once in any order, end in
 * exactly the results a rebuild from their final state gives, also when two folders with their own clients fold
 * duplicated and reordered events at once on FerretDB; and folds survive a storage round trip.
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
        Map<String, Contribution> counted = new TreeMap<>();
        Tally incremental = Tally.EMPTY;
        for (Write write : writes) {
            Document previous = stored.get(write.index());
            long version = previous == null ? 1 : previous.getLong("version") + 1;
            Document response = response(write, version);
            stored.put(write.index(), response);
            String id = response.getString("_id");
            code(codings, write, response);
            // an event delivered twice, or swept after a crash, folds the same state again
            for (int delivery = 0; delivery < 2; delivery++) {
                Contribution next = contribution(response, codings);
                incremental = incremental.replacing(counted.get(id), next);
                if (next == null) {
                    counted.remove(id);
                } else {
                    counted.put(id, next);
                }
            }
        }
        List<Contribution> finals = new ArrayList<>();
        stored.values().stream().map(d -> contribution(d, codings)).filter(c -> c != null).forEach(finals::add);

        assertThat(incremental).isEqualTo(Tally.of(finals));
        assertThat(counted.values()).containsExactlyInAnyOrderElementsOf(finals);
        assertThat(incremental.counters().values()).allMatch(count -> count > 0);
    }

    /**
     * The same writes stored in FerretDB, their completion events duplicated, shuffled and delivered to two
     * aggregators with their own clients folding at once: the counters end where a rebuild from the responses ends.
     */
    @Property(tries = 12)
    void shouldEndWhereARebuildEndsWhateverTwoFoldersAndTheEventsDo(@ForAll("writes") List<Write> writes,
                                                                     @ForAll Random random) throws Exception {
        String database = FerretDb.uniqueDatabase("aggregation_interleaved");
        try (AggregatorInstance first = new AggregatorInstance(database, Runnable::run); AggregatorInstance second = new AggregatorInstance(database, Runnable::run)) {
            List<ResponseCompleted> events = new ArrayList<>();
            Map<Integer, Long> versions = new TreeMap<>();
            for (Write write : writes) {
                long version = versions.merge(write.index(), 1L, Long::sum);
                Document response = response(write, version);
                first.responses.replaceOne(Filters.eq("_id", response.getString("_id")), response, new ReplaceOptions().upsert(true));
                ResponseCompleted event = new ResponseCompleted(response.getString("_id"), WAVE.survey(), WAVE.wave(), version);
                events.add(event);
                if (random.nextBoolean()) {
                    deliver(random.nextBoolean() ? first : second, List.of(event));
                }
            }
            List<ResponseCompleted> late = new ArrayList<>(events);
            late.addAll(events.subList(0, events.size() / 2));
            Collections.shuffle(late, random);
            Thread a = new Thread(() -> deliver(first, late.subList(0, late.size() / 2)));
            Thread b = new Thread(() -> deliver(second, late.subList(late.size() / 2, late.size())));
            a.start();
            b.start();
            a.join();
            b.join();
            first.folder.fold(WAVE);
            second.folder.fold(WAVE);

            List<Contribution> finals = new ArrayList<>();
            first.responses.find().forEach(d -> {
                Contribution c = contribution(d, Map.of());
                if (c != null) {
                    finals.add(c);
                }
            });
            Fold folded = first.results.latest(WAVE).orElse(Fold.none(WAVE));
            assertThat(folded.tally()).isEqualTo(Tally.of(finals));
            assertThat(first.contributions.current(WAVE, folded.generation())).containsExactlyInAnyOrderElementsOf(finals);
            assertThat(second.queue.waves()).isEmpty();
        }
    }

    private static void deliver(AggregatorInstance instance, List<ResponseCompleted> events) {
        events.forEach(e -> {
            instance.aggregator.enqueue(e.responseId(), WAVE);
            instance.folder.fold(WAVE);
        });
    }

    @Property(tries = 5)
    void shouldReadBackTheFoldsItStored(@ForAll("writes") List<Write> writes) {
        Map<Integer, Write> last = new TreeMap<>();
        writes.forEach(w -> last.put(w.index(), w));
        Map<String, Fold.Change> changes = new TreeMap<>();
        last.values().forEach(w -> {
            Contribution c = ContributionReader.of(Optional.empty()).read(ResponseViews.of(response(w, 1)), Map.of());
            changes.put(c.response(), new Fold.Change(1, c));
        });
        Tally tally = Tally.of(changes.values().stream().map(Fold.Change::contribution).toList());
        ResultsStore store = new ResultsStore(database(), JsonMapper.builder().build(), Clock.systemUTC());
        Fold fold = Fold.none(WAVE).next(tally, changes, List.of("r:1"));

        assertThat(store.latest(WAVE)).isEmpty();
        assertThat(store.commit(fold)).isTrue();

        assertThat(store.latest(WAVE)).contains(fold);
        assertThat(store.tally(WAVE).map(Fold::tally)).contains(tally);
        assertThat(store.commit(fold)).as("a second commit of the same number").isFalse();
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

    private static void code(Map<String, Coding> codings, Write write, Document response) {
        String id = response.getString("_id");
        String text = response.get("answers", Document.class).get("concerns", new Document()).getString("text");
        if (text != null && !write.codedCategories().isEmpty()) {
            codings.merge(id, new Coding(id, "concerns", text.strip(), write.codedCategories(), 1),
                    (old, next) -> new Coding(id, "concerns", next.text(), next.categories(), old.version() + 1));
        }
    }

    private static Contribution contribution(Document response, Map<String, Coding> codings) {
        if (!"completed".equals(response.getString("status"))) {
            return null;
        }
        Coding coding = codings.get(response.getString("_id"));
        return ContributionReader.of(Optional.empty()).read(ResponseViews.of(response), coding == null ? Map.of() : Map.of("concerns", coding));
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
