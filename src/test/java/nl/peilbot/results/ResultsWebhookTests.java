package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/**
 * The results webhook, delivered through the outbox, against a receiver on loopback that fails when told to:
 * signature, payload, retries, give-ups, one delivery per stored version.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"peilbot.results.webhook.secret=" + ResultsWebhookTests.SECRET,
        "peilbot.results.webhook.initial-backoff=50ms", "peilbot.results.webhook.attempts=4",
        "peilbot.results.webhook.timeout=5s"})
class ResultsWebhookTests {

    static final String SECRET = "test-webhook-secret";
    private static final String DATABASE = FerretDb.uniqueDatabase("results_webhook");
    private static final Receiver receiver = Receiver.start();

    record Delivery(String signature, String id, byte[] body, long receivedAt) {
    }

    /** Answers each POST with the next queued status (200 when none is queued), after an optional delay. */
    static final class Receiver {

        final HttpServer server;
        final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
        final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        volatile long delayMillis;

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                Receiver receiver = new Receiver(server);
                server.createContext("/hook", exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    receiver.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Peilbot-Signature"),
                            exchange.getRequestHeaders().getFirst("X-Peilbot-Delivery"), body, System.nanoTime()));
                    sleep(receiver.delayMillis);
                    Integer status = receiver.statuses.poll();
                    if (status != null && status == 429) {
                        exchange.getResponseHeaders().add("Retry-After", "1");
                    }
                    exchange.sendResponseHeaders(status == null ? 200 : status, -1);
                    exchange.close();
                });
                server.start();
                return receiver;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.results.webhook.url", receiver::url);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.server.stop(0);
    }

    @Autowired
    ResponseStore responses;

    @Autowired
    FlowSnapshots snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    JsonMapper json;

    @Autowired
    Outbox outbox;

    private static ReportFixture fixture;
    private static int next;

    @BeforeEach
    void reset() {
        if (fixture == null) {
            fixture = new ReportFixture(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"),
                    Path.of("conversation-flows/examples/ai-in-hospitals-2020-respondents.yaml"));
            snapshots.saveIfAbsent(fixture.flow, fixture.flowYaml, ReportFixture.SUBMITTED);
        }
        receiver.deliveries.clear();
        receiver.statuses.clear();
        receiver.delayMillis = 0;
    }

    private long completedVersion;

    private StoredResponse complete() {
        StoredResponse response = fixture.responses.get(next++);
        assertThat(responses.insert(response, fixture.flow)).isTrue();
        completedVersion = response.version();
        events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        return response;
    }

    /** Waits until nothing is pending any more: no further try can come. */
    private void awaitSettled() {
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox.stats().pendingTotal() == 0);
    }

    private long givenUp() {
        return outbox.stats().givenUp().getOrDefault("webhook", 0L);
    }

    @Test
    void shouldRetryWithGrowingWaitsUntilTheReceiverAccepts() {
        receiver.statuses.addAll(List.of(503, 500));

        complete();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries.size() >= 3);
        List<Delivery> tries = receiver.deliveries;
        assertThat(tries).extracting(Delivery::id).containsOnly(tries.get(0).id());
        assertThat(tries.get(0).body()).isEqualTo(tries.get(2).body());
        long firstWait = tries.get(1).receivedAt() - tries.get(0).receivedAt();
        long secondWait = tries.get(2).receivedAt() - tries.get(1).receivedAt();
        assertThat(Duration.ofNanos(firstWait)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.ofNanos(secondWait)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        awaitSettled();
        assertThat(receiver.deliveries).hasSize(3);
        assertThat(tries.get(0).id()).startsWith("webhook:R-").endsWith(":" + completedVersion);
    }

    @Test
    void shouldWaitForRetryAfterWhenTheReceiverIsBusy() {
        receiver.statuses.add(429);

        complete();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries.size() >= 2);
        long wait = receiver.deliveries.get(1).receivedAt() - receiver.deliveries.get(0).receivedAt();
        assertThat(Duration.ofNanos(wait)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldQueueOneDeliveryPerStoredVersionHoweverOftenTheEventComes() {
        StoredResponse response = complete();
        events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));

        awaitSettled();
        assertThat(receiver.deliveries).hasSize(1);
    }

    @Test
    void shouldSignTheBodyWithTheSecret() {
        complete();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries.size() == 1);
        Delivery delivery = receiver.deliveries.get(0);
        assertThat(delivery.signature()).matches("sha256=[0-9a-f]{64}")
                .isEqualTo(WebhookSignature.of(delivery.body(), SECRET))
                .isNotEqualTo(WebhookSignature.of(delivery.body(), "another secret"));
    }

    @Test
    void shouldSendThePseudonymisedResponseWithoutItsId() {
        StoredResponse response = complete();

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries.size() == 1);
        String body = new String(receiver.deliveries.get(0).body(), StandardCharsets.UTF_8);
        JsonNode payload = json.readTree(body);
        assertThat(payload.get("event").stringValue()).isEqualTo("response.completed");
        assertThat(payload.get("response").get("respondent").stringValue()).isEqualTo(pseudonyms.of(response.id()));
        assertThat(payload.get("response").get("profile").get("hospital").stringValue()).isNotBlank();
        assertThat(payload.get("response").get("answers").get("familiarity").get("choices").get(0).stringValue())
                .isEqualTo(response.state().answers().get("familiarity").choices().get(0).code());
        assertThat(body).doesNotContain(response.id()).doesNotContain("recentMessageIds").doesNotContain("conversation");
    }

    @Test
    void shouldGiveUpAtOnceWhenTheReceiverRefusesThePayload() {
        receiver.statuses.add(400);
        long givenUpBefore = givenUp();

        complete();

        awaitSettled();
        assertThat(receiver.deliveries).hasSize(1);
        assertThat(givenUp()).isEqualTo(givenUpBefore + 1);
    }

    @Test
    void shouldStopAfterTheConfiguredTries() {
        receiver.statuses.addAll(List.of(503, 503, 503, 503, 503));
        long givenUpBefore = givenUp();

        complete();

        awaitSettled();
        assertThat(receiver.deliveries).hasSize(4);
        assertThat(givenUp()).isEqualTo(givenUpBefore + 1);
    }

    @Test
    void shouldNeverHoldUpThePublisherWhileTheReceiverIsSlow() {
        receiver.delayMillis = 1500;
        long start = System.nanoTime();

        complete();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1000));
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.deliveries.size() == 1);
    }
}
