package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.FLOW;
import static nl.peilbot.response.ResponseFixtures.answered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import org.bson.Document;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import nl.peilbot.testsupport.FerretDb;

/**
 * Concurrent writers never make a response go backwards: writers, readers, the repair and the passing of time
 * interleaved in every order jqwik finds, each step of a writer (read, commit its record, write the snapshot) a
 * separate move, since that is where a slow writer or another instance gets in between. After every read the
 * store must return exactly the newest committed version, and no version may be committed twice.
 */
class TurnCommitProperties {

    private static final int WRITERS = 3;
    private static final int FIND = WRITERS;
    private static final int REPAIR = WRITERS + 1;
    private static final int A_LITTLE_LATER = WRITERS + 2;
    private static final int MUCH_LATER = WRITERS + 3;
    private static final AtomicInteger ids = new AtomicInteger();
    private static final AtomicInteger tries = new AtomicInteger();
    private static final AtomicInteger setBacks = new AtomicInteger();
    private static MongoDatabase database;

    private static synchronized MongoDatabase database() {
        if (database == null) {
            database = FerretDb.database("turn_commit_properties");
        }
        return database;
    }

    private enum Phase { READ, CLAIM, FINISH }

    private static final class Writer {
        Phase phase = Phase.READ;
        StoredResponse read;
        Instant readAt;
        TurnRecord claimed;
        int turns;
    }

    @Property(tries = 80)
    void shouldAlwaysReadTheNewestCommittedVersion(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = MUCH_LATER) Integer> moves) {
        MovableClock clock = new MovableClock(Instant.parse("2024-03-01T09:00:00Z"));
        ResponseStore store = ResponseFixtures.store(database(), event -> { }, clock);
        MongoCollection<Document> raw = database().getCollection("responses");
        StoredResponse first = ResponseFixtures.newResponse("r_property_" + ids.incrementAndGet());
        store.insert(first, FLOW);
        TreeMap<Long, StoredResponse> committed = new TreeMap<>();
        committed.put(1L, first);
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer());
        }

        for (int move : moves) {
            if (move < WRITERS) {
                step(writers.get(move), move, store, clock, committed);
            } else if (move == FIND) {
                assertNewest(store.find(first.id()), committed);
            } else if (move == REPAIR) {
                store.repair(Duration.ZERO);
            } else {
                clock.advance(move == A_LITTLE_LATER ? Duration.ofMinutes(2) : Duration.ofMinutes(16));
            }
            long snapshot = ((Number) raw.find(Filters.eq("_id", first.id())).first().get("version")).longValue();
            if (snapshot < committed.lastKey()) {
                setBacks.incrementAndGet();
            }
        }

        assertNewest(store.find(first.id()), committed);
        assertThat(((Number) raw.find(Filters.eq("_id", first.id())).first().get("version")).longValue())
                .as("the snapshot after a read").isEqualTo(committed.lastKey());
        if (tries.incrementAndGet() % 20 == 0) {
            System.out.printf("%d schedules: the stored snapshot lagged the newest commit after %d moves, "
                    + "never a read%n", tries.get(), setBacks.get());
        }
    }

    private static void step(Writer writer, int number, ResponseStore store, MovableClock clock,
                             TreeMap<Long, StoredResponse> committed) {
        switch (writer.phase) {
            case READ -> {
                writer.read = assertNewest(store.find(committed.firstEntry().getValue().id()), committed);
                writer.readAt = clock.instant();
                writer.phase = Phase.CLAIM;
            }
            case CLAIM -> {
                StoredResponse next = answered(writer.read, "w" + number + "-" + writer.turns++);
                // The model's time passed since the read, as the nanosecond reading the store compares with.
                long readStartedNanos = System.nanoTime()
                        - Duration.between(writer.readAt, clock.instant()).toNanos();
                Optional<TurnRecord> claimed = store.claim(next, FLOW, readStartedNanos);
                if (claimed.isPresent()) {
                    assertThat(committed).as("version %d committed twice", next.version())
                            .doesNotContainKey(next.version());
                    committed.put(next.version(), next);
                    writer.claimed = claimed.get();
                    writer.phase = Phase.FINISH;
                } else {
                    writer.phase = Phase.READ;
                }
            }
            case FINISH -> {
                store.finish(writer.claimed);
                writer.phase = Phase.READ;
            }
        }
    }

    private static StoredResponse assertNewest(Optional<StoredResponse> found, TreeMap<Long, StoredResponse> committed) {
        assertThat(found).as("the newest committed version").contains(committed.lastEntry().getValue());
        return found.orElseThrow();
    }

}
