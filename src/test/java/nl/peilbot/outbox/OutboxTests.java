package nl.peilbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.testsupport.FerretDb;

/** The outbox on the real FerretDB, one instance: idempotent enqueue, lanes, back-off, give-ups, stalls. */
class OutboxTests {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MongoDatabase database = FerretDb.database("outbox");
    private final MovableClock clock = new MovableClock(START);
    private final RecordingHandler handler = new RecordingHandler("test");
    private final List<TestOutbox> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(TestOutbox::close);
    }

    private TestOutbox outbox(int parallelism) {
        TestOutbox outbox = new TestOutbox(database, clock, TestOutbox.settings(Duration.ofMillis(200), parallelism),
                List.of(handler));
        started.add(outbox);
        return outbox;
    }

    private static OutboxMessage message(String id, String key) {
        return OutboxMessage.of(id, "test", key, Map.of("text", "hello " + id));
    }

    private long backlog() {
        return database.getCollection("outbox").countDocuments();
    }

    @Nested
    class Enqueueing {

        @Test
        void shouldStoreTheMessageBeforeEnqueueReturns() {
            TestOutbox outbox = outbox(2);
            Map<String, Object> payload = Map.of("chat", 42L, "at", START, "lines", List.of("a", "b"),
                    "nested", Map.of("yes", true));

            assertThat(outbox.outbox.enqueue(OutboxMessage.of("m1", "test", "chat-1", payload))).isTrue();

            try (MongoClient other = MongoClients.create(FerretDb.uri(database.getName()))) {
                assertThat(other.getDatabase(database.getName()).getCollection("outbox")
                        .find(Filters.eq("_id", "m1")).first()).as("seen through another connection").isNotNull();
            }
            assertThat(outbox.store.find("m1").message().payload()).isEqualTo(payload);
            assertThat(outbox.outbox.stats().pending()).containsEntry("test", 1L);
        }

        @Test
        void shouldRefuseAnIdQueuedBeforeWhetherPendingSentOrGivenUp() {
            TestOutbox outbox = outbox(2);
            assertThat(outbox.outbox.enqueue(message("once", null))).isTrue();
            assertThat(outbox.outbox.enqueue(message("once", null))).isFalse();
            handler.behaviour = (m, n) -> m.id().equals("hopeless") ? Delivery.giveUp("HTTP 400") : Delivery.sent();
            assertThat(outbox.outbox.enqueue(message("hopeless", null))).isTrue();

            outbox.start();
            await().atMost(WAIT).until(() -> backlog() == 0);

            assertThat(outbox.outbox.enqueue(message("once", null))).as("sent before").isFalse();
            assertThat(outbox.outbox.enqueue(message("hopeless", null))).as("given up before").isFalse();
            assertThat(backlog()).isZero();
            assertThat(handler.sent).containsExactly("once");
        }
    }

    @Nested
    class Lanes {

        @Test
        void shouldDeliverAKeysMessagesOneAtATimeInEnqueueOrder() {
            TestOutbox outbox = outbox(4);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                for (String key : List.of("chat-a", "chat-b", "chat-c")) {
                    String id = key + ":" + i;
                    outbox.outbox.enqueue(message(id, key));
                    expected.add(id);
                }
            }
            handler.behaviour = (m, n) -> {
                sleep(5);
                return Delivery.sent();
            };

            outbox.start();
            await().atMost(WAIT).until(() -> handler.sent.size() == expected.size());

            for (String key : List.of("chat-a", "chat-b", "chat-c")) {
                assertThat(handler.sent.stream().filter(id -> id.startsWith(key + ":")))
                        .as("order of " + key)
                        .containsExactlyElementsOf(expected.stream().filter(id -> id.startsWith(key + ":")).toList());
                assertThat(handler.mostRunningPerKey.get(key)).as("tries at once for " + key).isEqualTo(1);
            }
        }

        @Test
        void shouldDeliverOtherKeysWhileOneKeyWaits() throws InterruptedException {
            TestOutbox outbox = outbox(4);
            CountDownLatch otherKeyDelivered = new CountDownLatch(1);
            handler.behaviour = (m, n) -> {
                if (m.key().equals("slow-chat")) {
                    // returns only once a message of another key got through meanwhile
                    return within10s(otherKeyDelivered) ? Delivery.sent() : Delivery.giveUp("other keys were held up");
                }
                otherKeyDelivered.countDown();
                return Delivery.sent();
            };
            outbox.outbox.enqueue(message("slow-1", "slow-chat"));
            outbox.outbox.enqueue(message("slow-2", "slow-chat"));
            outbox.outbox.enqueue(message("quick-1", "quick-chat"));

            outbox.start();
            await().atMost(WAIT).until(() -> backlog() == 0);

            assertThat(handler.sent).containsExactlyInAnyOrder("slow-1", "slow-2", "quick-1");
            assertThat(handler.sent.indexOf("slow-1")).isLessThan(handler.sent.indexOf("slow-2"));
            assertThat(outbox.outbox.stats().givenUp()).isEmpty();
        }
    }

    @Nested
    class Retries {

        @Test
        void shouldWaitTheDoublingBackOffAndHonourRetryAfter() {
            TestOutbox outbox = outbox(2).start();
            handler.behaviour = (m, n) -> switch (n) {
                case 1 -> Delivery.retry("HTTP 503");
                case 2 -> Delivery.retry("HTTP 500");
                case 3 -> Delivery.retryAfter(Duration.ofSeconds(7), "HTTP 429");
                default -> Delivery.sent();
            };

            outbox.outbox.enqueue(message("flaky", "chat"));
            await().atMost(WAIT).until(() -> handler.triesOf("flaky") == 1 && due("flaky") != null);
            // initial back-off 4 s, jitter fixed at a quarter more: 5 s, then 10 s, then Retry-After exactly
            assertThat(due("flaky")).isEqualTo(START.plusSeconds(5));
            assertNoTryAfterARead(outbox, clock, Duration.ofMillis(4900), "flaky", 1);

            clock.advance(Duration.ofMillis(100));
            outbox.worker.wake();
            await().atMost(WAIT).until(() -> handler.triesOf("flaky") == 2 && START.plusSeconds(15).equals(due("flaky")));
            assertNoTryAfterARead(outbox, clock, Duration.ofMillis(9900), "flaky", 2);

            clock.advance(Duration.ofMillis(100));
            outbox.worker.wake();
            await().atMost(WAIT).until(() -> handler.triesOf("flaky") == 3 && START.plusSeconds(22).equals(due("flaky")));
            assertNoTryAfterARead(outbox, clock, Duration.ofMillis(6900), "flaky", 3);

            clock.advance(Duration.ofMillis(100));
            outbox.worker.wake();
            await().atMost(WAIT).until(() -> backlog() == 0);
            assertThat(handler.sent).containsExactly("flaky");
            assertThat(handler.triesOf("flaky")).isEqualTo(4);
            System.out.printf("outbox retries: tries %d, sent %d, given up %d%n", handler.tried.size(),
                    handler.sent.size(), outbox.outbox.stats().givenUpTotal());
        }

        @Test
        void shouldGiveUpAPermanentFailureAtOnceAndCountIt() {
            TestOutbox outbox = outbox(2).start();
            handler.behaviour = (m, n) -> Delivery.giveUp("HTTP 400");

            outbox.outbox.enqueue(message("refused", "endpoint"));
            await().atMost(WAIT).until(() -> backlog() == 0);

            assertThat(handler.triesOf("refused")).isEqualTo(1);
            assertThat(outbox.outbox.stats().givenUp()).isEqualTo(Map.of("test", 1L));
            Document kept = database.getCollection("outboxGivenUp").find(Filters.eq("_id", "refused")).first();
            assertThat(kept).isNotNull();
            assertThat(kept.getString("reason")).isEqualTo("HTTP 400");
            assertThat(kept.get("payload", Document.class).getString("text")).isEqualTo("hello refused");
        }

        @Test
        void shouldGiveUpWhenTheTriesAreUsedUpCountingAThrowingHandlerAsAFailedTry() {
            TestOutbox outbox = outbox(2).start();
            handler.maxAttempts = 3;
            handler.behaviour = (m, n) -> {
                if (n == 2) {
                    throw new IllegalStateException("receiver exploded");
                }
                return Delivery.retry("HTTP 502");
            };

            outbox.outbox.enqueue(message("doomed", null));
            for (int tryNumber = 1; tryNumber < 3; tryNumber++) {
                int expected = tryNumber;
                await().atMost(WAIT).until(() -> handler.triesOf("doomed") == expected && due("doomed") != null
                        && due("doomed").isAfter(clock.instant()));
                clock.advance(Duration.ofMinutes(1));
                outbox.worker.wake();
            }
            await().atMost(WAIT).until(() -> backlog() == 0);

            assertThat(handler.triesOf("doomed")).isEqualTo(3);
            assertThat(outbox.outbox.stats().givenUp()).isEqualTo(Map.of("test", 1L));
            assertThat(database.getCollection("outboxGivenUp").find(Filters.eq("_id", "doomed")).first()
                    .getString("reason")).isEqualTo("no success in 3 tries, last: HTTP 502");
        }
    }

    @Nested
    class Claims {

        @Test
        void shouldLeaveAMessageClaimedByAnotherInstanceAloneUntilTheClaimExpiresThenTakeItOver() {
            TestOutbox outbox = outbox(2).start();
            // another instance claimed the first try and then died (kill -9): its claim outlives it for a minute
            database.getCollection("outboxClaims").insertOne(new Document("_id", "orphan#0").append("owner", "dead")
                    .append("expiresAt", java.util.Date.from(START.plusSeconds(60))));

            outbox.outbox.enqueue(message("orphan", "chat"));
            // the second read to finish from now began after the enqueue, and dispatches before it finishes
            long reads = outbox.worker.reads();
            await().atMost(WAIT).until(() -> outbox.worker.reads() >= reads + 2 && outbox.worker.inFlight() == 0);
            assertThat(handler.triesOf("orphan")).as("tries while the claim is live").isZero();

            clock.advance(Duration.ofSeconds(61));
            outbox.worker.wake();
            await().atMost(WAIT).until(() -> backlog() == 0);

            assertThat(handler.sent).containsExactly("orphan");
            assertThat(database.getCollection("outboxDone").find(Filters.eq("_id", "orphan")).first().getInteger("tries"))
                    .as("the dead instance's try counts").isEqualTo(2);
            assertThat(database.getCollection("outboxClaims").countDocuments()).as("claims left").isZero();
        }
    }

    @Nested
    class Stalls {

        @Test
        void shouldNotLetAHandlerStalledFarBeyondItsTimeOutHoldUpOtherKeys() {
            TestOutbox outbox = new TestOutbox(database, java.time.Clock.systemUTC(),
                    TestOutbox.settings(Duration.ofMillis(200), 2), List.of(handler));
            started.add(outbox);
            handler.timeout = Duration.ofMillis(300);
            handler.initialBackoff = Duration.ofMillis(200);
            CountDownLatch unstall = new CountDownLatch(1);
            handler.behaviour = (m, n) -> {
                if (m.key().equals("stuck-chat")) {
                    awaitIgnoringInterrupts(unstall);
                }
                return Delivery.sent();
            };
            outbox.outbox.enqueue(message("stuck", "stuck-chat"));
            for (int i = 0; i < 50; i++) {
                outbox.outbox.enqueue(message("free-" + i, "chat-" + (i % 5)));
            }

            outbox.start();
            await().atMost(WAIT).until(() -> handler.sent.stream().filter(id -> id.startsWith("free-")).count() == 50);
            assertThat(handler.triesOf("stuck")).isGreaterThanOrEqualTo(1);
            assertThat(handler.sent).doesNotContain("stuck");

            unstall.countDown();
            await().atMost(WAIT).until(() -> backlog() == 0);
            System.out.printf("outbox stall: free messages sent %d, tries of the stalled one %d, stalled one sent %d "
                    + "times (abandoned tries may finish too)%n", 50, handler.triesOf("stuck"),
                    handler.sent.stream().filter("stuck"::equals).count());
            assertThat(handler.sent).contains("stuck");
        }
    }

    private Instant due(String id) {
        Document document = database.getCollection("outbox").find(Filters.eq("_id", id)).first();
        return document == null || document.getInteger("attempt", 0) == 0 ? null : document.getDate("due").toInstant();
    }

    /** Moves the clock to just before the due time and waits for a backlog read: the try must not have run. */
    private void assertNoTryAfterARead(TestOutbox outbox, MovableClock clock, Duration advance, String id,
                                       int triesSoFar) {
        clock.advance(advance);
        long reads = outbox.worker.reads();
        outbox.worker.wake();
        await().atMost(WAIT).until(() -> outbox.worker.reads() > reads);
        assertThat(outbox.worker.inFlight()).isZero();
        assertThat(handler.triesOf(id)).isEqualTo(triesSoFar);
    }

    private static boolean within10s(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException ignored) {
                // a stalled call that does not listen to interrupts, the worst case for the worker
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
