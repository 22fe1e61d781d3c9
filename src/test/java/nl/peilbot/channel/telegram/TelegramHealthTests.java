package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/**
 * The bot's component {@code telegram} in {@code /actuator/health}, against the fake Bot API: up while long polling
 * works, down once it has failed for longer than {@code poll-down-after} (while the readiness a load balancer probes
 * stays up), up again when Telegram is back; details (last poll, last send) for organisers only, give-ups in the
 * component {@code outbox}, and no call to Telegram for a health request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.telegram.token=" + FakeTelegram.TOKEN,
        "peilbot.telegram.poll-timeout=1s",
        "peilbot.telegram.send-timeout=1s",
        "peilbot.telegram.per-chat-interval=0s",
        "peilbot.telegram.per-second=1000",
        "peilbot.telegram.poll-down-after=2s",
        "peilbot.organiser.password=org-secret"})
// its polling bot must stop with its fake Bot API, not log into later tests' output
@DirtiesContext
class TelegramHealthTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("telegram_health");
    private static final FakeTelegram telegram = FakeTelegram.startOrFail();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.telegram.api-url", telegram::url);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Outbox outbox;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void telegramWorks() {
        telegram.failPolling(false);
    }

    private HttpResponse<String> health(String path, boolean organiser) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (organiser) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString("organiser:org-secret".getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode telegramComponent(boolean organiser) throws Exception {
        return json.readTree(health("/actuator/health/telegram", organiser).body());
    }

    private String status() throws Exception {
        return telegramComponent(false).get("status").asString();
    }

    /** The Telegram messages given up, as the component {@code outbox} counts them per kind. */
    private long givenUp() throws Exception {
        JsonNode perKind = json.readTree(health("/actuator/health/outbox", true).body()).get("details").get("givenUp");
        return perKind.path(TelegramSender.KIND).asLong(0) + perKind.path(UpdateHandler.PASTE_KIND).asLong(0);
    }

    @Test
    void shouldTellAnyoneTheBotIsUpWithoutDetails() throws Exception {
        await().atMost(TIMEOUT).until(() -> telegramComponent(true).get("details").has("lastPollSecondsAgo"));

        HttpResponse<String> all = health("/actuator/health", false);
        HttpResponse<String> component = health("/actuator/health/telegram", false);

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json.readTree(all.body()).get("components").get("telegram").get("status").asString()).isEqualTo("UP");
        assertThat(component.statusCode()).isEqualTo(200);
        assertThat(component.body()).contains("\"UP\"").doesNotContain("lastPollSecondsAgo", "givenUp", "mode");
    }

    @Test
    void shouldShowOrganisersTheLastPollAndTheLastSend() throws Exception {
        long chat = 7_200_000_001L;
        int before = telegram.texts(chat).size();
        telegram.text(chat, "/start");
        await().atMost(TIMEOUT).until(() -> telegram.texts(chat).size() > before);

        await().atMost(TIMEOUT).until(() -> telegramComponent(true).get("details").has("lastSendSecondsAgo"));
        JsonNode details = telegramComponent(true).get("details");
        System.out.println("Telegram health for organisers: " + details);
        assertThat(details.get("mode").asString()).isEqualTo("polling");
        assertThat(details.get("lastPollSecondsAgo").asLong()).isBetween(0L, 5L);
        assertThat(details.get("lastSendSecondsAgo").asLong()).isBetween(0L, 5L);
        assertThat(details.has("pollError")).isFalse();
    }

    @Test
    void shouldGoDownWhilePollingFailsAndUpWhenTelegramIsBack() throws Exception {
        await().atMost(TIMEOUT).until(() -> status().equals("UP"));

        telegram.failPolling(true);
        long failedAt = System.nanoTime();
        await().atMost(TIMEOUT).until(() -> status().equals("DOWN"));
        long downAfterMillis = Duration.ofNanos(System.nanoTime() - failedAt).toMillis();

        HttpResponse<String> all = health("/actuator/health", false);
        assertThat(all.statusCode()).as("monitoring sees the bot cannot poll").isEqualTo(503);
        assertThat(health("/actuator/health/telegram", false).statusCode()).isEqualTo(503);
        HttpResponse<String> readiness = health("/actuator/health/readiness", false);
        assertThat(readiness.statusCode()).as("the load balancer keeps an instance that serves the web chat")
                .isEqualTo(200);
        assertThat(readiness.body()).contains("\"UP\"").doesNotContain("telegram");
        JsonNode details = telegramComponent(true).get("details");
        assertThat(details.get("pollError").asString()).contains("502").doesNotContain(FakeTelegram.TOKEN);
        assertThat(details.get("pollFailingSeconds").asLong()).isGreaterThanOrEqualTo(2);

        telegram.failPolling(false);
        long restoredAt = System.nanoTime();
        await().atMost(TIMEOUT).until(() -> status().equals("UP"));
        long upAfterMillis = Duration.ofNanos(System.nanoTime() - restoredAt).toMillis();
        System.out.printf("Telegram health: DOWN %d ms after polling began to fail (bound 2 s), UP %d ms after it "
                + "worked again%n", downAfterMillis, upAfterMillis);

        assertThat(health("/actuator/health", false).statusCode()).isEqualTo(200);
        assertThat(telegramComponent(true).get("details").has("pollError")).isFalse();
    }

    @Test
    void shouldCountTheTelegramMessagesTheOutboxGaveUp() throws Exception {
        long chat = 7_200_000_002L;
        long before = givenUp();
        telegram.block(chat);

        telegram.text(chat, "/start");

        await().atMost(TIMEOUT).until(() -> givenUp() == before + 1);
    }

    @Test
    void shouldNotCallTelegramToAnswerAHealthRequest() throws Exception {
        await().atMost(TIMEOUT).until(() -> outbox.stats().pending().getOrDefault(TelegramSender.KIND, 0L) == 0);
        int calls = telegram.calls().size();

        for (int i = 0; i < 20; i++) {
            assertThat(health(i % 2 == 0 ? "/actuator/health" : "/actuator/health/telegram", i % 4 < 2).statusCode())
                    .isEqualTo(200);
        }

        assertThat(telegram.calls()).as("calls to the Bot API other than the long poll").hasSize(calls);
    }
}
