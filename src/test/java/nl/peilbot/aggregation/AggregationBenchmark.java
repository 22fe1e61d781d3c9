package nl.peilbot.aggregation;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints what the aggregation costs at 1,000 / 10,000 / 100,000 completed responses of the 2020 flow on the test
 * FerretDB, beside the raw driver time of the same reads and writes on the same database. Not part of the default
 * run (its name matches no test pattern); run it with
 * {@code mvn -B -o test -Dtest=AggregationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.sizes=1000,10000} for fewer sizes). It asserts nothing: the figures are in the README.
 */
@Tag("benchmark")
class AggregationBenchmark {

    private static final Flow FLOW = Flows.load(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"));
    private static final WaveId WAVE = new WaveId(FLOW.id(), FLOW.wave());
    private static final List<String> SPECIALISMS = List.of("Radiologie", "radiologie", "Intensive care", "IC",
            "Cardiologie", "Pathologie", "Spoedeisende hulp", "Oncologie", "Neurologie", "Dermatologie");
    private static final int REPEATS = 21;

    @Test
    void printTheCostsOfAggregating() {
        long[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000").split(","))
                .mapToLong(Long::parseLong).toArray();
        System.out.println("| responses | one completion (queue + fold) | raw driver, same operations | full rebuild | raw driver, same operations | tables read | raw driver, same reads | tables read after another instance folded | counters read cold (new instance) | raw driver, same reads | written per fold (commit + checkpoints) | full counters (a checkpoint) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (long size : sizes) {
            run((int) size);
        }
    }

    private void run(int size) {
        String database = FerretDb.uniqueDatabase("aggregation_benchmark");
        Random random = new Random(size);
        try (AggregatorInstance instance = new AggregatorInstance(database, Runnable::run)) {
            MongoDatabase db = instance.client.getDatabase(database);
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(response(i, random));
                if (batch.size() == 1000) {
                    instance.responses.insertMany(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                instance.responses.insertMany(batch);
            }

            long rebuild = nanos(() -> instance.folder.rebuild(WAVE).seq());
            long rawRebuild = rawRebuild(db, instance.responses);

            ResultsStore other = new ResultsStore(db, JsonMapper.builder().build(), Clock.systemUTC());
            other.tally(WAVE).orElseThrow();
            long firstFold = instance.results.tally(WAVE).orElseThrow().seq() + 1;
            long[] completion = new long[REPEATS];
            long[] rawCompletion = new long[REPEATS];
            long[] readAfterOthersFold = new long[REPEATS];
            for (int r = 0; r < REPEATS; r++) {
                Document extra = response(size + r, random);
                instance.responses.insertOne(extra);
                String id = extra.getString("_id");
                completion[r] = nanos(() -> {
                    instance.aggregator.enqueue(id, WAVE);
                    return instance.folder.fold(WAVE);
                });
                rawCompletion[r] = rawCompletion(db, extra, id, r);
                readAfterOthersFold[r] = nanos(() -> readTables(other));
            }

            Fold latest = instance.results.tally(WAVE).orElseThrow();
            long[] read = new long[REPEATS];
            long[] rawRead = new long[REPEATS];
            long[] coldRead = new long[REPEATS];
            long[] rawColdRead = new long[REPEATS];
            MongoCollection<Document> checkpoints = db.getCollection(ResultsStore.CHECKPOINTS);
            MongoCollection<Document> pointers = db.getCollection(ResultsStore.COLLECTION);
            MongoCollection<Document> folds = db.getCollection(ResultsStore.FOLDS);
            for (int r = 0; r < REPEATS; r++) {
                read[r] = nanos(() -> readTables(instance.results));
                rawRead[r] = nanos(() -> {
                    folds.find(Filters.eq("_id", WAVE.key() + "#" + (latest.seq() + 1))).first();
                    return folds.find(Filters.eq("_id", WAVE.key() + "#" + latest.seq()))
                            .projection(Projections.include("_id")).first().size();
                });
                coldRead[r] = nanos(() -> new ResultsStore(db, JsonMapper.builder().build(), Clock.systemUTC())
                        .tally(WAVE).orElseThrow().seq());
                rawColdRead[r] = nanos(() -> {
                    pointers.find(Filters.eq("_id", WAVE.key())).first();
                    long n = checkpoints.find(Filters.eq("_id", WAVE.key() + "#" + latest.base())).first().size();
                    for (long seq = latest.base() + 1; seq <= latest.seq() + 1; seq++) {
                        Document fold = folds.find(Filters.eq("_id", WAVE.key() + "#" + seq)).first();
                        n += fold == null ? 0 : fold.size();
                    }
                    return n;
                });
            }
            long written = 0;
            int checkpointsWritten = 0;
            for (long seq = firstFold; seq <= latest.seq(); seq++) {
                written += folds.find(Filters.eq("_id", WAVE.key() + "#" + seq)).first().toJson().length();
                Document checkpoint = checkpoints.find(Filters.eq("_id", WAVE.key() + "#" + seq)).first();
                if (checkpoint != null) {
                    written += checkpoint.toJson().length();
                    checkpointsWritten++;
                }
            }
            long foldsMeasured = latest.seq() - firstFold + 1;
            Document lastCheckpoint = checkpoints.find(Filters.eq("_id", WAVE.key() + "#" + latest.base())).first();
            System.out.printf("| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,d bytes (%d checkpoints in %d folds) | %,d counters, %,d bytes |%n", size,
                    ms(median(completion)), ms(median(rawCompletion)), ms(rebuild), ms(rawRebuild),
                    ms(median(read)), ms(median(rawRead)), ms(median(readAfterOthersFold)),
                    ms(median(coldRead)), ms(median(rawColdRead)), written / foldsMeasured, checkpointsWritten,
                    foldsMeasured, latest.tally().counters().size(), lastCheckpoint.toJson().length());
        }
    }

    /** The report's count tables as the results page reads them: overview, every choice question, a cross-tab. */
    private static long readTables(ResultsStore results) {
        Fold fold = results.tally(WAVE).orElseThrow();
        Tables tables = new Tables(WAVE, FLOW, fold.tally(), () -> TextLists.EMPTY);
        long sum = tables.overview().respondents();
        for (Question q : FLOW.steps()) {
            if (q.kind().isChoice()) {
                sum += tables.distribution(q.id(), Unit.RESPONDENTS).base();
                sum += tables.distribution(q.id(), Unit.UNITS).base();
            }
        }
        sum += tables.crossTab("familiarity", "role").base();
        sum += tables.counted("experiments").entries();
        return sum;
    }

    /** What a rebuild does with the driver, without the aggregation: stream the responses, insert as many documents. */
    private static long rawRebuild(MongoDatabase db, MongoCollection<Document> responses) {
        MongoCollection<Document> scratch = db.getCollection("rawRebuild");
        return nanos(() -> {
            List<Document> batch = new ArrayList<>();
            long[] n = {0};
            responses.find(Filters.and(Filters.eq("survey", WAVE.survey()), Filters.eq("wave", WAVE.wave()),
                    Filters.eq("status", "completed"))).batchSize(500).forEach(d -> {
                batch.add(new Document("_id", d.getString("_id")).append("answers", d.get("answers")));
                n[0]++;
                if (batch.size() == 500) {
                    scratch.insertMany(batch);
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                scratch.insertMany(batch);
            }
            return n[0];
        });
    }

    /**
     * The driver operations one completion's queue and fold make, on scratch collections of the same database:
     * response by _id, queue insert, pointer by _id, latest fold by _id and the miss above it, the contribution chain
     * by _id and its miss, the fold's body (same counters) and commit inserts, the contribution insert, pointer replace,
     * queue delete.
     */
    private static long rawCompletion(MongoDatabase db, Document response, String id, int round) {
        MongoCollection<Document> responses = db.getCollection("responses");
        MongoCollection<Document> scratch = db.getCollection("rawCompletion");
        MongoCollection<Document> folds = db.getCollection(ResultsStore.FOLDS);
        Document pointer = db.getCollection(ResultsStore.COLLECTION).find(Filters.eq("_id", WAVE.key())).first();
        Document commit = folds.find(Filters.eq("_id", WAVE.key() + "#" + pointer.get("head"))).first();
        return nanos(() -> {
            responses.find(Filters.eq("_id", id)).first();
            scratch.insertOne(new Document("_id", "q" + round).append("response", id));
            scratch.find(Filters.eq("_id", "pointer")).first();
            scratch.find(Filters.eq("_id", "fold" + round)).first();
            scratch.find(Filters.eq("_id", "fold" + round + "+1")).first();
            scratch.find(Filters.eq("_id", "c" + round)).first();
            scratch.insertOne(new Document(commit).append("_id", "fold" + round));
            scratch.insertOne(new Document("_id", "c" + round).append("answers", response.get("answers")));
            scratch.replaceOne(Filters.eq("_id", "pointer"), new Document("head", round), new ReplaceOptions().upsert(true));
            scratch.deleteOne(Filters.eq("_id", "q" + round));
            return 0;
        });
    }

    private static Document response(int i, Random random) {
        String hospital = "Ziekenhuis " + random.nextInt(80);
        Document answers = new Document("hospital", new Document("text", hospital).append("source", "invitation"));
        Document profile = new Document("hospital", hospital);
        for (Question q : FLOW.steps()) {
            if (q.id().equals("hospital")) {
                continue;
            }
            QuestionKind kind = q.kind();
            if (kind instanceof QuestionKind.SingleChoice) {
                AnswerOption option = q.options().get(random.nextInt(q.options().size()));
                answers.append(q.id(), choices(List.of(option)));
                if (FLOW.isProfileField(q.id())) {
                    profile.append(q.id(), option.code());
                }
            } else if (kind instanceof QuestionKind.MultipleChoice) {
                List<AnswerOption> chosen = q.options().stream().filter(o -> !o.exclusive() && random.nextInt(3) == 0).toList();
                answers.append(q.id(), choices(chosen.isEmpty() ? List.of(q.options().get(0)) : chosen));
            } else if (kind instanceof QuestionKind.OpenText) {
                answers.append(q.id(), new Document("text", "Antwoord " + i + " op " + q.id()));
            } else if (kind instanceof QuestionKind.OpenParts) {
                Document parts = new Document();
                for (Field f : q.fields()) {
                    parts.append(f.id(), "Deel " + f.id() + " van " + i);
                }
                answers.append(q.id(), new Document("parts", parts));
            } else if (kind instanceof QuestionKind.OpenList) {
                answers.append(q.id(), new Document("entries", List.of(
                    new Document("specialism", SPECIALISMS.get(random.nextInt(SPECIALISMS.size()))).append("description", "Proef " + i))));
            } else if (kind instanceof QuestionKind.Rating rating) {
                answers.append(q.id(), new Document("value", (long) rating.min() + random.nextInt(rating.points())));
            } else if (kind instanceof QuestionKind.Numeric) {
                answers.append(q.id(), new Document("value", (long) random.nextInt(100)));
            }
        }
        return new Document("_id", "r_" + String.format("%024d", i)).append("survey", WAVE.survey()).append("wave", WAVE.wave())
                .append("status", "completed").append("version", 1L).append("profile", profile).append("answers", answers);
    }

    private static Document choices(List<AnswerOption> options) {
        return new Document("choices", options.stream().map(o -> new Document("code", o.code()).append("label", o.code())).toList());
    }

    private static long nanos(LongSupplier action) {
        long start = System.nanoTime();
        action.getAsLong();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format("%.0f s", nanos / 1e9) : String.format("%.1f ms", nanos / 1e6);
    }
}
