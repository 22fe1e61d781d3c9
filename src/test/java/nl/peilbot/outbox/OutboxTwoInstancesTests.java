package nl.peilbot.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.SeparateClients;

/**
 * Two outbox instances, each with its own client, worker and handler, share one FerretDB database: every message
 * is delivered, none twice, each chat's messages in the order they were enqueued.
 */
class OutboxTwoInstancesTests {

    private static final int MESSAGES = 1000;
    private static final int CHATS = 50;

    private final String database = FerretDb.uniqueDatabase("outbox_two");
    private final SeparateClients clients = new SeparateClients(database);
    private final List<TestOutbox> instances = new ArrayList<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> orderPerChat = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> receivedBy = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        instances.forEach(TestOutbox::close);
        clients.close();
    }

    private TestOutbox instance(String name) {
        OutboxHandler receiver = new OutboxHandler() {
            @Override
            public String kind() {
                return "chat";
            }

            @Override
            public Delivery deliver(OutboxMessage message) {
                received.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
                orderPerChat.computeIfAbsent(message.key(), key -> new CopyOnWriteArrayList<>())
                        .add(((Number) message.payload().get("n")).intValue());
                receivedBy.computeIfAbsent(name, n -> ConcurrentHashMap.newKeySet()).add(message.id());
                return Delivery.sent();
            }
        };
        TestOutbox instance = new TestOutbox(clients.next(), Clock.systemUTC(),
                TestOutbox.settings(Duration.ofMillis(300), 8), List.of(receiver));
        instances.add(instance);
        return instance;
    }

    @Test
    void shouldDeliverEveryMessageOnceThroughTwoInstances() {
        TestOutbox first = instance("first").start();
        TestOutbox second = instance("second").start();
        long started = System.nanoTime();

        for (int n = 0; n < MESSAGES; n++) {
            String chat = "chat-" + (n % CHATS);
            OutboxMessage message = OutboxMessage.of("m-" + n, "chat", chat, Map.of("n", n));
            assertThat((n % 2 == 0 ? first : second).outbox.enqueue(message)).isTrue();
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> first.outbox.stats().pendingTotal() == 0
                && received.size() == MESSAGES);

        long doubled = received.values().stream().filter(count -> count.get() > 1).count();
        long lost = MESSAGES - received.size();
        OutboxStats stats = first.outbox.stats();
        System.out.printf("outbox two instances: enqueued %d, sent %d, doubled %d, lost %d, given up %d; "
                        + "delivered by first %d, by second %d; %d ms%n", MESSAGES, received.size(), doubled, lost,
                stats.givenUpTotal(), receivedBy.getOrDefault("first", Set.of()).size(),
                receivedBy.getOrDefault("second", Set.of()).size(), (System.nanoTime() - started) / 1_000_000);
        assertThat(doubled).isZero();
        assertThat(lost).isZero();
        assertThat(stats.givenUpTotal()).isZero();
        assertThat(receivedBy.keySet()).as("both instances delivered").containsExactlyInAnyOrder("first", "second");
        orderPerChat.forEach((chat, order) -> assertThat(order).as("order in " + chat).isSorted());
    }
}
