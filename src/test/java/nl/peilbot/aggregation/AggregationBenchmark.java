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
import com.mongodb.client.model.ReplaceOptions;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints what the aggregation costs at 1,000 / 10,000 / 100,000 completed responses of the 2020 flow on the test
 * FerretDB, beside the raw driver time of the same reads and writes on the same database. Not part of the default
 * run (its name matches no test pattern); run it with
 * {@code mvn -B -o test -Dtest=AggregationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.sizes=1000,10000} for fewer sizes). It asserts nothing: the figures are in docs/aggregation.md.
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
        System.out.println("| responses | one completion (queue + fold) | raw driver, same operations | full rebuild | raw driver, same operations | tables read | raw driver, same reads | counters read cold (new instance) | raw driver, same reads | counters document |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
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

            long[] completion = new long[REPEATS];
            long[] rawCompletion = new long[REPEATS];
            for (int r = 0; r < REPEATS; r++) {
                Document extra = response(size + r, random);
                instance.responses.insertOne(extra);
                String id = extra.getString("_id");
                completion[r] = nanos(() -> {
                    instance.aggregator.enqueue(id, WAVE);
                    return instance.folder.fold(WAVE);
                });
                rawCompletion[r] = rawCompletion(db, extra, id, r);
            }

            Fold latest = instance.results.tally(WAVE).orElseThrow();
            long[] read = new long[REPEATS];
            long[] rawRead = new long[REPEATS];
            long[] coldRead = new long[REPEATS];
            long[] rawColdRead = new long[REPEATS];
            MongoCollection<Document> bodies = db.getCollection(ResultsStore.BODIES);
            MongoCollection<Document> pointers = db.getCollection(ResultsStore.COLLECTION);
            MongoCollection<Document> folds = db.getCollection(ResultsStore.FOLDS);
            for (int r = 0; r < REPEATS; r++) {
                read[r] = nanos(() -> {
                    Fold fold = instance.results.tally(WAVE).orElseThrow();
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
                });
                rawRead[r] = nanos(() -> {
                    Document fold = folds.find(Filters.eq("_id", WAVE.key() + "#" + latest.seq())).first();
                    folds.find(Filters.eq("_id", WAVE.key() + "#" + (latest.seq() + 1))).first();
                    return fold.size();
                });
                coldRead[r] = nanos(() -> new ResultsStore(db, JsonMapper.builder().build(), Clock.systemUTC())
                        .tally(WAVE).orElseThrow().seq());
                rawColdRead[r] = nanos(() -> {
                    pointers.find(Filters.eq("_id", WAVE.key())).first();
                    Document fold = folds.find(Filters.eq("_id", WAVE.key() + "#" + latest.seq())).first();
                    folds.find(Filters.eq("_id", WAVE.key() + "#" + (latest.seq() + 1))).first();
                    return bodies.find(Filters.eq("_id", fold.getString("body"))).first().size();
                });
            }
            String body = folds.find(Filters.eq("_id", WAVE.key() + "#" + latest.seq())).first().getString("body");
            int countersSize = bodies.find(Filters.eq("_id", body)).first().toJson().length();
            System.out.printf("| %,d | %s | %s | %s | %s | %s | %s | %s | %s | %,d counters, %,d bytes |%n", size,
                    ms(median(completion)), ms(median(rawCompletion)), ms(rebuild), ms(rawRebuild),
                    ms(median(read)), ms(median(rawRead)), ms(median(coldRead)), ms(median(rawColdRead)),
                    latest.tally().counters().size(), countersSize);
        }
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
        MongoCollection<Document> responses = db.getCollection(ResponseSource.COLLECTION);
        MongoCollection<Document> scratch = db.getCollection("rawCompletion");
        MongoCollection<Document> bodies = db.getCollection(ResultsStore.BODIES);
        Document counters = bodies.find().first();
        return nanos(() -> {
            responses.find(Filters.eq("_id", id)).first();
            scratch.insertOne(new Document("_id", "q" + round).append("response", id));
            scratch.find(Filters.eq("_id", "pointer")).first();
            scratch.find(Filters.eq("_id", "fold" + round)).first();
            scratch.find(Filters.eq("_id", "c" + round)).first();
            scratch.find(Filters.eq("_id", "c" + round + "#2")).first();
            scratch.insertOne(new Document("_id", "body" + round).append("counters", counters.get("counters")));
            scratch.insertOne(new Document("_id", "fold" + round).append("body", "body" + round));
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
            switch (q.kind()) {
                case SINGLE_CHOICE -> {
                    AnswerOption option = q.options().get(random.nextInt(q.options().size()));
                    answers.append(q.id(), choices(List.of(option)));
                    if (FLOW.isProfileField(q.id())) {
                        profile.append(q.id(), option.code());
                    }
                }
                case MULTIPLE_CHOICE -> {
                    List<AnswerOption> chosen = q.options().stream().filter(o -> !o.exclusive() && random.nextInt(3) == 0).toList();
                    answers.append(q.id(), choices(chosen.isEmpty() ? List.of(q.options().get(0)) : chosen));
                }
                case OPEN_TEXT -> answers.append(q.id(), new Document("text", "Antwoord " + i + " op " + q.id()));
                case OPEN_PARTS -> {
                    Document parts = new Document();
                    for (Field f : q.fields()) {
                        parts.append(f.id(), "Deel " + f.id() + " van " + i);
                    }
                    answers.append(q.id(), new Document("parts", parts));
                }
                case OPEN_LIST -> answers.append(q.id(), new Document("entries", List.of(
                        new Document("specialism", SPECIALISMS.get(random.nextInt(SPECIALISMS.size()))).append("description", "Proef " + i))));
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
