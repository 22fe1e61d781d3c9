package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.FLOW;
import static nl.peilbot.response.ResponseFixtures.answered;
import static nl.peilbot.response.ResponseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.MovableClock;

/** The turn log against the real FerretDB: crashes between commit and snapshot, slow writers, repair, clean-up. */
class TurnLogTests {

    private static final AtomicInteger ids = new AtomicInteger();

    private static MongoDatabase database;
    private static MongoCollection<Document> raw;
    private static MongoCollection<Document> turns;

    private final List<ResponseCompleted> events = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2024-03-01T09:00:00Z"));
    private ResponseStore store;

    @BeforeAll
    static void connect() {
        database = FerretDb.database("turn_log");
        raw = database.getCollection("responses");
        turns = database.getCollection("turns");
    }

    @BeforeEach
    void newInstance() {
        store = instance(event -> events.add((ResponseCompleted) event));
    }

    private ResponseStore instance(ApplicationEventPublisher publisher) {
        return ResponseFixtures.store(database, event -> {
            if (event instanceof ResponseCompleted) {
                publisher.publishEvent(event);
            }
        }, clock);
    }

    private static String newId() {
        return "r_turn_log_" + ids.incrementAndGet();
    }

    private StoredResponse started() {
        StoredResponse response = ResponseFixtures.newResponse(newId());
        assertThat(store.insert(response, FLOW)).isTrue();
        return response;
    }


    private static StoredResponse submitted(StoredResponse response, String messageId) {
        ConversationState state = response.state();
        ConversationState done = new ConversationState(state.flowId(), state.flowVersion(), state.language(),
                Stage.COMPLETED, null, state.answers(), null, null, false, null);
        return response.afterTurn(done, messageId, "web", T0.plusSeconds(response.version()));
    }

    /** A writer that committed and died before writing the snapshot. */
    private TurnRecord commitAndDie(StoredResponse updated) {
        return store.claim(updated, FLOW, System.nanoTime()).orElseThrow();
    }

    private static long snapshotVersion(String id) {
        return ((Number) raw.find(Filters.eq("_id", id)).first().get("version")).longValue();
    }

    private static long records(String id) {
        return turns.countDocuments(Filters.eq("response", id));
    }

    private List<ResponseCompleted> completions(String id) {
        return events.stream().filter(event -> event.responseId().equals(id)).toList();
    }

    @Nested
    class ACrashBetweenCommitAndSnapshot {

        @Test
        void shouldBeFinishedByTheNextRead() {
            StoredResponse first = started();
            StoredResponse second = answered(first, "m-1");
            commitAndDie(second);
            assertThat(snapshotVersion(first.id())).isEqualTo(1);

            assertThat(store.find(first.id())).contains(second);

            assertThat(snapshotVersion(first.id())).isEqualTo(2);
            System.out.printf("crash repaired on read: snapshot 1 -> %d%n", snapshotVersion(first.id()));
        }

        @Test
        void shouldMakeTheNextWriterLoseAgainstTheCommittedVersion() {
            StoredResponse first = started();
            commitAndDie(answered(first, "m-1"));

            assertThat(store.commit(answered(first, "m-2"), FLOW, System.nanoTime())).isFalse();

            assertThat(store.find(first.id()).orElseThrow().recentMessageIds()).containsExactly("m-1");
        }

        @Test
        void shouldPublishResponseCompletedOnTheNextRead() {
            StoredResponse first = started();
            StoredResponse done = submitted(first, "m-submit");
            commitAndDie(done);
            assertThat(completions(first.id())).isEmpty();

            store.find(first.id());
            store.find(first.id());

            assertThat(completions(first.id())).containsExactly(
                    new ResponseCompleted(first.id(), first.survey(), first.wave(), 2));
        }

        @Test
        void shouldBeFinishedByThePeriodicRepairWhenTheRespondentNeverComesBack() {
            StoredResponse first = started();
            commitAndDie(submitted(first, "m-submit"));

            ResponseStore.Repair repair = store.repair(Duration.ZERO);
            store.repair(Duration.ZERO);

            assertThat(snapshotVersion(first.id())).isEqualTo(2);
            assertThat(raw.find(Filters.eq("_id", first.id())).first()).containsEntry("status", "completed");
            assertThat(completions(first.id())).containsExactly(
                    new ResponseCompleted(first.id(), first.survey(), first.wave(), 2));
            System.out.printf("periodic repair: %s, ResponseCompleted published %d time(s)%n", repair,
                    completions(first.id()).size());
        }

        @Test
        void shouldBeRepairedByTwoInstancesAtOnceWithoutHarm() throws Exception {
            List<ResponseCompleted> otherEvents = new CopyOnWriteArrayList<>();
            ResponseStore other = instance(event -> otherEvents.add((ResponseCompleted) event));
            List<StoredResponse> crashed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                StoredResponse first = started();
                StoredResponse second = answered(first, "m-1");
                commitAndDie(second);
                StoredResponse third = submitted(second, "m-2");
                store.claim(third, FLOW, System.nanoTime()).orElseThrow();
                crashed.add(third);
            }
            ExecutorService instances = Executors.newFixedThreadPool(2);
            try {
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<ResponseStore.Repair> a = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return store.repair(Duration.ZERO);
                };
                Callable<ResponseStore.Repair> b = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return other.repair(Duration.ZERO);
                };
                instances.invokeAll(List.of(a, b)).forEach(future -> assertThat(future).succeedsWithin(Duration.ofMinutes(1)));
            } finally {
                instances.shutdownNow();
            }

            int published = 0;
            for (StoredResponse third : crashed) {
                assertThat(snapshotVersion(third.id())).isEqualTo(3);
                assertThat(store.find(third.id())).contains(third);
                List<ResponseCompleted> both = new ArrayList<>(completions(third.id()));
                otherEvents.stream().filter(event -> event.responseId().equals(third.id())).forEach(both::add);
                assertThat(both).isNotEmpty().allMatch(event -> event.version() == 3);
                published += both.size();
            }
            System.out.printf("two instances repairing 10 crashed responses at once: all at version 3, "
                    + "%d ResponseCompleted events (at least 10)%n", published);
        }

        @Test
        void shouldPublishAgainWhenAListenerFailed() {
            AtomicInteger calls = new AtomicInteger();
            store = instance(event -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("listener down");
                }
                events.add((ResponseCompleted) event);
            });
            StoredResponse first = started();

            assertThat(store.commit(submitted(first, "m-submit"), FLOW, System.nanoTime())).isTrue();
            assertThat(snapshotVersion(first.id())).isEqualTo(2);
            assertThat(completions(first.id())).isEmpty();

            store.repair(Duration.ZERO);

            assertThat(completions(first.id())).containsExactly(
                    new ResponseCompleted(first.id(), first.survey(), first.wave(), 2));
        }
    }

    @Nested
    class ASlowWriter {

        @Test
        void shouldNotSetTheResponseBackForReaders() {
            StoredResponse first = started();
            StoredResponse second = answered(first, "slow");
            TurnRecord slow = commitAndDie(second);
            StoredResponse read = store.find(first.id()).orElseThrow();
            StoredResponse third = answered(read, "fast");
            assertThat(store.commit(third, FLOW, System.nanoTime())).isTrue();

            store.finish(slow);
            assertThat(snapshotVersion(first.id())).as("the slow write landed last").isEqualTo(2);

            assertThat(store.find(first.id())).contains(third);
            assertThat(snapshotVersion(first.id())).isEqualTo(3);
        }

        @Test
        void shouldLeaveTheSnapshotToReadersOnceItsDeadlinePassed() {
            StoredResponse first = started();
            TurnRecord late = commitAndDie(answered(first, "late"));
            clock.advance(ResponseFixtures.TURNS.deadline());

            store.finish(late);

            assertThat(snapshotVersion(first.id())).isEqualTo(1);
            assertThat(store.find(first.id()).orElseThrow().version()).isEqualTo(2);
            assertThat(snapshotVersion(first.id())).isEqualTo(2);
        }

        @Test
        void shouldNotCommitATurnThatTookLongerThanTheDeadline() {
            StoredResponse first = started();
            long readLongAgo = System.nanoTime() - ResponseFixtures.TURNS.deadline().toNanos();

            assertThat(store.commit(answered(first, "m-1"), FLOW, readLongAgo)).isFalse();

            assertThat(records(first.id())).isZero();
            assertThat(store.find(first.id())).contains(first);
        }
    }

    @Nested
    class CleanUp {

        @Test
        void shouldDeleteTheTurnRecordsWithAWithdrawnResponse() {
            StoredResponse response = started();
            for (int turn = 0; turn < 3; turn++) {
                StoredResponse next = answered(response, "m-" + turn);
                assertThat(store.commit(next, FLOW, System.nanoTime())).isTrue();
                response = next;
            }
            commitAndDie(answered(response, "m-crashed"));
            assertThat(records(response.id())).isEqualTo(4);

            store.delete(response.id());

            assertThat(records(response.id())).isZero();
            assertThat(store.find(response.id())).isEmpty();
            assertThat(raw.countDocuments(Filters.eq("_id", response.id()))).isZero();
        }

        @Test
        void shouldDeleteRecordsOnlyOnceTheSnapshotHoldsThemAndTheRetentionPassed() {
            List<StoredResponse> newest = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                StoredResponse response = started();
                for (int turn = 0; turn < 50; turn++) {
                    StoredResponse next = answered(response, "m-" + turn);
                    assertThat(store.commit(next, FLOW, System.nanoTime())).isTrue();
                    response = next;
                }
                newest.add(response);
            }
            StoredResponse crashed = answered(newest.get(0), "m-crashed");
            commitAndDie(crashed);
            newest.set(0, crashed);

            store.repair(Duration.ZERO);
            assertThat(newest).allMatch(response -> records(response.id()) >= 50);

            clock.advance(ResponseFixtures.TURNS.retention().plusSeconds(1));
            ResponseStore.Repair repair = store.repair(Duration.ZERO);

            for (StoredResponse response : newest) {
                assertThat(records(response.id())).isZero();
                assertThat(store.find(response.id())).contains(response);
                assertThat(snapshotVersion(response.id())).isEqualTo(response.version());
            }
            System.out.printf("clean-up after the retention: %s%n", repair);
        }

        /** The clean-up that runs every few seconds reads no record: it deletes, by _id, what this instance finished. */
        @Test
        void shouldDeleteTheRecordsThisInstanceFinishedAfterTheRetentionAndLeaveACrashedWritersToTheRepair() {
            StoredResponse response = started();
            for (int turn = 0; turn < 5; turn++) {
                StoredResponse next = answered(response, "m-" + turn);
                assertThat(store.commit(next, FLOW, System.nanoTime())).isTrue();
                response = next;
            }
            StoredResponse done = submitted(response, "m-submit");
            assertThat(store.commit(done, FLOW, System.nanoTime())).isTrue();
            StoredResponse crashed = ResponseFixtures.newResponse(newId());
            assertThat(store.insert(crashed, FLOW)).isTrue();
            StoredResponse lost = answered(crashed, "m-crashed");
            commitAndDie(lost);

            assertThat(store.deleteSettled()).isZero();
            assertThat(records(done.id())).isEqualTo(6);

            clock.advance(ResponseFixtures.TURNS.retention().plusSeconds(1));
            long deleted = store.deleteSettled();

            assertThat(deleted).isEqualTo(6);
            assertThat(records(done.id())).isZero();
            assertThat(store.find(done.id())).contains(done);
            assertThat(completions(done.id())).hasSize(1);
            assertThat(records(lost.id())).isEqualTo(1);
            assertThat(store.deleteSettled()).isZero();
            store.repair(Duration.ZERO);
            assertThat(store.find(lost.id())).contains(lost);
            System.out.printf("clean-up by _id after the retention: %d records of one instance deleted, "
                    + "a crashed writer's record left to the repair%n", deleted);
        }
    }
}
