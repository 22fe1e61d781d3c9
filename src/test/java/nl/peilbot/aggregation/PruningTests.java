package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseWithdrawn;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;
import nl.peilbot.response.ResponseViews;
import nl.peilbot.response.ResponseReader;

/**
 * Folds store only what they changed, checkpoints hold the full counters, and pruning removes what is superseded
 * without changing what any reader or folder computes: on the real FerretDB, with two instances folding at once.
 */
class PruningTests {

    private static final WaveId WAVE = new WaveId("pruning", "1");
    private static final PruningProperties NO_MARGIN = new PruningProperties(Duration.ofMinutes(5), Duration.ZERO);

    @Test
    void shouldStoreOnlyTheCountersAFoldChanged() {
        try (AggregatorInstance instance = new AggregatorInstance(FerretDb.uniqueDatabase("pruning_delta"), Runnable::run)) {
            Fold before = null;
            for (int i = 0; i < 30; i++) {
                complete(instance, response(i, 1));
                Fold after = instance.results.latest(WAVE).orElseThrow();
                if (before != null) {
                    SortedMap<String, Integer> previous = before.tally().counters();
                    SortedMap<String, Integer> changed = new TreeMap<>(after.tally().counters());
                    previous.keySet().forEach(key -> changed.putIfAbsent(key, 0));
                    changed.entrySet().removeIf(e -> e.getValue().equals(previous.get(e.getKey())));
                    Document commit = instance.client.getDatabase(database(instance)).getCollection(ResultsStore.FOLDS)
                            .find(Filters.eq("_id", WAVE.key() + "#" + after.seq())).first();
                    assertThat(commit.get("delta", Document.class).keySet()).isEqualTo(changed.keySet());
                }
                before = after;
            }
            Fold last = instance.results.latest(WAVE).orElseThrow();
            assertThat(last.delta().size()).isLessThan(last.tally().counters().size() / 2);
            assertThat(new ResultsStore(db(instance), JsonMapper.builder().build(), Clock.systemUTC()).latest(WAVE)
                    .orElseThrow().tally()).isEqualTo(last.tally());
        }
    }

    @Test
    void shouldReadTheCountersWhenTheFolderDiedBeforeWritingItsCheckpoint() {
        try (AggregatorInstance instance = new AggregatorInstance(FerretDb.uniqueDatabase("pruning_checkpoint"), Runnable::run)) {
            for (int i = 0; i < 40; i++) {
                complete(instance, response(i, 1));
            }
            Fold latest = instance.results.latest(WAVE).orElseThrow();
            assertThat(latest.base()).isGreaterThan(1);
            db(instance).getCollection(ResultsStore.CHECKPOINTS).deleteOne(Filters.eq("_id", WAVE.key() + "#" + latest.base()));

            ResultsStore cold = new ResultsStore(db(instance), JsonMapper.builder().build(), Clock.systemUTC());
            assertThat(cold.latest(WAVE).orElseThrow().tally()).isEqualTo(latest.tally());
            assertThat(pruner(instance).prune(WAVE)).isPositive();
            assertThat(new ResultsStore(db(instance), JsonMapper.builder().build(), Clock.systemUTC()).latest(WAVE)
                    .orElseThrow().tally()).isEqualTo(latest.tally());
        }
    }

    @Test
    void shouldPruneSupersededFoldsAndWithdrawnChainsWhileTwoInstancesFoldWithoutLosingOrDoublingAnything() throws Exception {
        String database = FerretDb.uniqueDatabase("pruning_instances");
        ExecutorService folds = Executors.newFixedThreadPool(2);
        ExecutorService respondents = Executors.newFixedThreadPool(4);
        AtomicBoolean pruning = new AtomicBoolean(true);
        AtomicInteger pruned = new AtomicInteger();
        try (AggregatorInstance first = new AggregatorInstance(database, folds::execute);
             AggregatorInstance second = new AggregatorInstance(database, folds::execute);
             AggregatorInstance third = new AggregatorInstance(database, Runnable::run)) {
            complete(first, response(0, 1));
            Future<?> pruner = Executors.newSingleThreadExecutor().submit(() -> {
                while (pruning.get()) {
                    pruned.addAndGet(pruner(third).prune(WAVE));
                }
            });
            List<Document> responses = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                responses.add(response(i, 1));
            }
            first.responses.deleteMany(new Document());
            first.responses.insertMany(responses);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                AggregatorInstance instance = i % 2 == 0 ? first : second;
                Document response = responses.get(i);
                sent.add(respondents.submit(() -> foldNow(instance, completed(response))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            // a quarter withdraw (their documents deleted, as Withdrawals does), a quarter change an answer
            sent.clear();
            List<Document> remaining = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                AggregatorInstance instance = i % 2 == 0 ? second : first;
                Document response = responses.get(i);
                if (i % 4 == 0) {
                    first.responses.deleteOne(Filters.eq("_id", response.getString("_id")));
                    sent.add(respondents.submit(() -> {
                        instance.aggregator.on(new ResponseWithdrawn(response.getString("_id"), WAVE.survey(), WAVE.wave()));
                        instance.folder.fold(WAVE);
                    }));
                } else if (i % 4 == 1) {
                    Document changed = response(i, 2);
                    first.responses.replaceOne(Filters.eq("_id", response.getString("_id")), changed);
                    remaining.add(changed);
                    sent.add(respondents.submit(() -> foldNow(instance, completed(changed))));
                } else {
                    remaining.add(response);
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
            List<Contribution> expected = remaining.stream().map(d -> ContributionReader.of(Optional.empty()).read(ResponseViews.of(d), Map.of())).toList();
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                first.folder.fold(WAVE);
                return first.queue.waves().isEmpty()
                        && first.results.latest(WAVE).map(f -> f.tally().equals(Tally.of(expected))).orElse(false);
            });
            // late duplicates of the withdrawals change nothing, pruned chain or not
            for (int i = 0; i < responses.size(); i += 4) {
                second.aggregator.on(new ResponseWithdrawn(responses.get(i).getString("_id"), WAVE.survey(), WAVE.wave()));
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> second.queue.waves().isEmpty());
            // later completions carry the folds past those that wrote the tombstones, so their chains may go
            List<Contribution> all = new ArrayList<>(expected);
            for (int i = responses.size(); i < responses.size() + 2 * Fold.MAX_CHAIN + 2; i++) {
                Document response = response(i, 1);
                complete(i % 2 == 0 ? first : second, response);
                all.add(ContributionReader.of(Optional.empty()).read(ResponseViews.of(response), Map.of()));
            }
            Tally finals = Tally.of(all);
            pruning.set(false);
            pruner.get();
            pruner(third).prune(WAVE);

            Fold latest = first.results.latest(WAVE).orElseThrow();
            assertThat(latest.tally()).isEqualTo(finals);
            assertThat(second.results.latest(WAVE).orElseThrow().tally()).isEqualTo(finals);
            assertThat(new ResultsStore(db(first), JsonMapper.builder().build(), Clock.systemUTC()).latest(WAVE)
                    .orElseThrow().tally()).as("read cold after pruning").isEqualTo(finals);
            assertThat(first.contributions.current(WAVE, latest.generation())).containsExactlyInAnyOrderElementsOf(all);

            long foldsLeft = db(first).getCollection(ResultsStore.FOLDS).countDocuments();
            long withdrawnChains = 0;
            for (int i = 0; i < responses.size(); i += 4) {
                withdrawnChains += db(first).getCollection(ContributionStore.COLLECTION)
                        .countDocuments(Filters.eq("response", responses.get(i).getString("_id")));
            }
            System.out.printf("pruning while two instances fold: %d folds, %d left, %d documents pruned, %d withdrawn chain documents left%n",
                    latest.seq(), foldsLeft, pruned.get(), withdrawnChains);
            assertThat(foldsLeft).as("folds kept of %d", latest.seq()).isLessThan(latest.seq());
            assertThat(withdrawnChains).isZero();
        } finally {
            pruning.set(false);
            respondents.shutdownNow();
            folds.shutdownNow();
        }
    }

    /** The completion's delta queued and folded in this thread, as each of many instances would at once. */
    private static void foldNow(AggregatorInstance instance, ResponseCompleted event) {
        instance.aggregator.enqueue(event.responseId(), WAVE);
        instance.folder.fold(WAVE);
    }

    private static Pruner pruner(AggregatorInstance instance) {
        return new Pruner(instance.results, instance.contributions, new ResponseReader(db(instance)), NO_MARGIN,
                (name, slot, work) -> {
                    work.run();
                    return true;
                });
    }

    private static void complete(AggregatorInstance instance, Document response) {
        instance.responses.replaceOne(Filters.eq("_id", response.getString("_id")), response,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        instance.aggregator.enqueue(response.getString("_id"), WAVE);
        instance.folder.fold(WAVE);
    }

    private static ResponseCompleted completed(Document response) {
        return new ResponseCompleted(response.getString("_id"), WAVE.survey(), WAVE.wave(),
                ((Number) response.get("version")).longValue());
    }

    private static MongoDatabase db(AggregatorInstance instance) {
        return instance.client.getDatabase(database(instance));
    }

    private static String database(AggregatorInstance instance) {
        return instance.responses.getNamespace().getDatabaseName();
    }

    private static Document response(int i, long version) {
        String code = List.of("familiar", "neutral", "unfamiliar").get((int) ((i + version) % 3));
        String role = List.of("cio", "cmio").get(i % 2);
        return new Document("_id", "r_" + String.format("%024d", i)).append("survey", WAVE.survey()).append("wave", WAVE.wave())
                .append("status", "completed").append("version", version)
                .append("profile", new Document("hospital", "Ziekenhuis " + (i % 7)))
                .append("answers", new Document("hospital", new Document("text", "Ziekenhuis " + (i % 7)).append("source", "invitation"))
                        .append("familiarity", new Document("choices", List.of(new Document("code", code).append("label", code))))
                        .append("role", new Document("choices", List.of(new Document("code", role).append("label", role))))
                        .append("concerns", new Document("text", "Zorg nummer " + i + " versie " + version)));
    }
}
