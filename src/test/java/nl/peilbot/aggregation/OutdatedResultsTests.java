package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import nl.peilbot.lease.Leases;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseViews;
import nl.peilbot.testsupport.FerretDb;

/**
 * Results stored by a release that wrote another contribution shape are rebuilt once at start-up, on one instance,
 * without a {@code rebuild(wave)} by hand.
 */
class OutdatedResultsTests {

    private static final WaveId WAVE = new WaveId("outdated-shape", "1");
    private static final int RESPONSES = 12;

    private String database;
    private AggregatorInstance before;
    private List<Document> responses;

    @BeforeEach
    void resultsOfAnEarlierRelease() {
        database = FerretDb.uniqueDatabase("outdated_results");
        before = new AggregatorInstance(database, Runnable::run);
        responses = new ArrayList<>();
        for (int i = 0; i < RESPONSES; i++) {
            responses.add(response(i));
        }
        before.responses.insertMany(responses);
        responses.forEach(d -> before.aggregator.on(new ResponseCompleted(d.getString("_id"), WAVE.survey(), WAVE.wave(), 1)));
        assertThat(before.results.latest(WAVE).orElseThrow().shape()).isEqualTo(Fold.SHAPE);
    }

    @AfterEach
    void close() {
        before.close();
    }

    /** What a release before the shape was recorded left: folds without one (read as shape 0). */
    private void markFoldsAsAnOlderShape() {
        before.client.getDatabase(database).getCollection(ResultsStore.FOLDS)
                .updateMany(Filters.eq("survey", WAVE.survey()), Updates.unset("shape"));
    }

    @Test
    void shouldRebuildAWaveStoredInAnOlderShapeOnceAtStartUp() {
        String oldGeneration = before.results.latest(WAVE).orElseThrow().generation();
        markFoldsAsAnOlderShape();

        try (AggregatorInstance restarted = new AggregatorInstance(database, Runnable::run)) {
            OutdatedResults check = new OutdatedResults(restarted.results, restarted.folder, new ClaimedOnce());
            assertThat(restarted.results.latest(WAVE).orElseThrow().shape()).isZero();

            assertThat(check.rebuild()).containsExactly(WAVE);

            Fold rebuilt = restarted.results.latest(WAVE).orElseThrow();
            assertThat(rebuilt.shape()).isEqualTo(Fold.SHAPE);
            assertThat(rebuilt.generation()).isNotEqualTo(oldGeneration);
            assertThat(rebuilt.tally()).isEqualTo(Tally.of(expected()));
            assertThat(rebuilt.tally().count(new TallyKey.Respondents())).isEqualTo(RESPONSES);

            // the next start finds the current shape: nothing is rebuilt again
            assertThat(new OutdatedResults(restarted.results, restarted.folder, new ClaimedOnce()).rebuild()).isEmpty();
            assertThat(restarted.results.latest(WAVE).orElseThrow().generation()).isEqualTo(rebuilt.generation());
        }
    }

    @Test
    void shouldLeaveResultsOfTheCurrentShapeAlone() {
        Fold current = before.results.latest(WAVE).orElseThrow();

        try (AggregatorInstance restarted = new AggregatorInstance(database, Runnable::run)) {
            assertThat(new OutdatedResults(restarted.results, restarted.folder, new ClaimedOnce()).rebuild()).isEmpty();
            assertThat(restarted.results.latest(WAVE).orElseThrow().seq()).isEqualTo(current.seq());
        }
    }

    @Test
    void shouldRebuildOnOneOfTwoInstancesStartingTogether() throws Exception {
        markFoldsAsAnOlderShape();
        Leases shared = new ClaimedOnce();
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try (AggregatorInstance first = new AggregatorInstance(database, Runnable::run);
             AggregatorInstance second = new AggregatorInstance(database, Runnable::run)) {
            CountDownLatch go = new CountDownLatch(1);
            Future<List<WaveId>> ofFirst = starts.submit(() -> {
                go.await();
                return new OutdatedResults(first.results, first.folder, shared).rebuild();
            });
            Future<List<WaveId>> ofSecond = starts.submit(() -> {
                go.await();
                return new OutdatedResults(second.results, second.folder, shared).rebuild();
            });
            go.countDown();
            List<WaveId> rebuilt = new ArrayList<>(ofFirst.get());
            rebuilt.addAll(ofSecond.get());

            assertThat(rebuilt).containsExactly(WAVE);
            Fold latest = first.results.latest(WAVE).orElseThrow();
            assertThat(latest.shape()).isEqualTo(Fold.SHAPE);
            assertThat(latest.tally()).isEqualTo(Tally.of(expected()));
        } finally {
            starts.shutdownNow();
        }
    }

    private List<Contribution> expected() {
        return responses.stream().map(d -> ContributionReader.of(Optional.empty()).read(ResponseViews.of(d), Map.of())).toList();
    }

    private static Document response(int i) {
        String code = List.of("familiar", "neutral", "unfamiliar").get(i % 3);
        return new Document("_id", "r_" + String.format("%024d", i)).append("survey", WAVE.survey()).append("wave", WAVE.wave())
                .append("status", "completed").append("version", 1L)
                .append("answers", new Document("familiarity", new Document("choices",
                        List.of(new Document("code", code).append("label", code)))));
    }

    /** The lease's contract in memory: per name and slot, the first claim runs the work (see LeasesTests). */
    private static final class ClaimedOnce implements Leases {

        private final Set<String> claimed = ConcurrentHashMap.newKeySet();

        @Override
        public boolean tryRun(String name, Duration slot, Runnable work) {
            if (!claimed.add(name + "@" + System.currentTimeMillis() / slot.toMillis())) {
                return false;
            }
            work.run();
            return true;
        }
    }
}
