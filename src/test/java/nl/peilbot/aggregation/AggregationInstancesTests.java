package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.response.ResponseViews;

/** Two application instances (each its own client and fold thread) on one FerretDB, completions arriving at both at once. */
class AggregationInstancesTests {

    private static final WaveId WAVE = new WaveId("two-instances", "1");
    private static final int COMPLETIONS = 60;

    @Test
    void shouldCountSixtySimultaneousCompletionsSplitOverTwoInstancesEachOnceWithoutARestart() throws Exception {
        String database = FerretDb.uniqueDatabase("aggregation_instances");
        ExecutorService foldsOfFirst = Executors.newSingleThreadExecutor();
        ExecutorService foldsOfSecond = Executors.newSingleThreadExecutor();
        ExecutorService respondents = Executors.newFixedThreadPool(COMPLETIONS);
        try (AggregatorInstance first = new AggregatorInstance(database, foldsOfFirst::execute);
             AggregatorInstance second = new AggregatorInstance(database, foldsOfSecond::execute)) {
            List<Document> responses = new ArrayList<>();
            for (int i = 0; i < COMPLETIONS; i++) {
                responses.add(response(i, 1));
            }
            first.responses.insertMany(responses);
            submitAtOnce(first, second, respondents, responses);
            awaitCounted(first, COMPLETIONS, responses);

            // every respondent changes an answer after submitting, again at both instances at once
            responses.replaceAll(d -> response(Integer.parseInt(d.getString("_id").substring(2)), 2));
            responses.forEach(d -> first.responses.replaceOne(com.mongodb.client.model.Filters.eq("_id", d.getString("_id")), d));
            submitAtOnce(first, second, respondents, responses);
            Fold folded = awaitCounted(second, COMPLETIONS, responses);

            System.out.printf("two instances: %d completions and %d changes counted in %d folds%n",
                    COMPLETIONS, COMPLETIONS, folded.seq());
        } finally {
            respondents.shutdownNow();
            foldsOfFirst.shutdownNow();
            foldsOfSecond.shutdownNow();
        }
    }

    private static Fold awaitCounted(AggregatorInstance instance, int count, List<Document> responses) {
        List<Contribution> expected = responses.stream().map(d -> ContributionReader.of(Optional.empty()).read(ResponseViews.of(d), Map.of())).toList();
        await().atMost(Duration.ofMinutes(2)).until(() -> instance.queue.waves().isEmpty()
                && instance.results.tally(WAVE).map(f -> f.tally().equals(Tally.of(expected))).orElse(false));
        Fold folded = instance.results.latest(WAVE).orElseThrow();
        assertThat(folded.tally().count(new TallyKey.Respondents())).isEqualTo(count);
        assertThat(instance.contributions.current(WAVE, folded.generation())).containsExactlyInAnyOrderElementsOf(expected);
        return folded;
    }

    private static void submitAtOnce(AggregatorInstance first, AggregatorInstance second, ExecutorService respondents,
                                     List<Document> responses) throws InterruptedException {
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch submitted = new CountDownLatch(COMPLETIONS);
            for (int i = 0; i < COMPLETIONS; i++) {
                AggregatorInstance instance = i % 2 == 0 ? first : second;
                String id = responses.get(i).getString("_id");
                long version = ((Number) responses.get(i).get("version")).longValue();
                respondents.execute(() -> {
                    try {
                        start.await();
                        instance.aggregator.on(new ResponseCompleted(id, WAVE.survey(), WAVE.wave(), version));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        submitted.countDown();
                    }
                });
            }
            start.countDown();
            submitted.await();
    }

    private static Document response(int i, long version) {
        String code = List.of("familiar", "neutral", "unfamiliar").get((int) ((i + version) % 3));
        return new Document("_id", "r_" + String.format("%024d", i)).append("survey", WAVE.survey()).append("wave", WAVE.wave())
                .append("status", "completed").append("version", version)
                .append("profile", new Document("hospital", "Ziekenhuis " + (i % 7)))
                .append("answers", new Document("hospital", new Document("text", "Ziekenhuis " + (i % 7)).append("source", "invitation"))
                        .append("familiarity", new Document("choices", List.of(new Document("code", code).append("label", code))))
                        .append("concerns", new Document("text", "Zorg nummer " + i + " versie " + version)));
    }
}
