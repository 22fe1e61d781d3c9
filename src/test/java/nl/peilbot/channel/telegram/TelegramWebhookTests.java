package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import nl.peilbot.invitation.Invitations;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/** Webhook mode: only requests with Telegram's secret header are read, each update is applied once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.telegram.token=" + FakeTelegram.TOKEN,
        "peilbot.telegram.mode=webhook",
        "peilbot.telegram.webhook-url=https://peilbot.example/telegram/webhook",
        "peilbot.telegram.webhook-secret=" + TelegramWebhookTests.SECRET,
        "peilbot.telegram.open-survey=ai-in-hospitals-2020",
        "peilbot.telegram.per-chat-interval=0s"})
// its polling bot must stop with its fake Bot API, not log into later tests' output
@DirtiesContext
class TelegramWebhookTests {

    static final String SECRET = "webhook-secret_0123456789";

    private static final String DATABASE = FerretDb.uniqueDatabase("telegram_webhook");
    private static final FakeTelegram telegram = FakeTelegram.startOrFail();
    private static final AtomicLong chats = new AtomicLong(8_000_000_001L);

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
    Invitations invitations;

    @Autowired
    MongoClient mongo;

    @Autowired
    Outbox outbox;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(TelegramWebhookController.SECRET_HEADER, secret);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long documents(String collection) {
        return mongo.getDatabase(DATABASE).getCollection(collection).countDocuments();
    }

    @Test
    void shouldRegisterTheWebhookWithItsSecret() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.calls("setWebhook").isEmpty());
        String form = telegram.calls("setWebhook").get(0).raw();
        assertThat(form).contains("https://peilbot.example/telegram/webhook").contains(SECRET);
        assertThat(telegram.calls("getUpdates")).as("no long polling in webhook mode").isEmpty();
    }

    @Test
    void shouldReportTheBotUpInTheHealthThoughNothingPolls() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/telegram")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void shouldRejectAWrongOrMissingSecretAndRecordNothing() throws Exception {
        String token = invitations.create("ai-in-hospitals-2020", Map.of());
        long chat = chats.getAndIncrement();
        String update = telegram.updateJson(telegram.text(chat, "/start " + token));
        telegram.forgetUpdates();
        long bindings = documents("channelBindings");
        long responses = documents("responses");

        assertThat(post(null, update).statusCode()).isEqualTo(401);
        assertThat(post("wrong-secret", update).statusCode()).isEqualTo(403);
        assertThat(post(SECRET + "x", update).statusCode()).isEqualTo(403);
        assertThat(post("", update).statusCode()).isEqualTo(403);

        TelegramRespondent.awaitSent(outbox);
        assertThat(documents("channelBindings")).isEqualTo(bindings);
        assertThat(documents("responses")).isEqualTo(responses);
        assertThat(telegram.messages(chat)).isEmpty();
    }

    @Test
    void shouldApplyAnUpdateWithTheRightSecretOnceHoweverOftenItComes() throws Exception {
        String token = invitations.create("ai-in-hospitals-2020", Map.of());
        String responseId = invitations.find(token).orElseThrow().responseId();
        long chat = chats.getAndIncrement();
        assertThat(post(SECRET, telegram.updateJson(telegram.text(chat, "/start " + token))).statusCode()).isEqualTo(200);
        TelegramRespondent.awaitSent(outbox);
        assertThat(telegram.messages(chat)).hasSizeGreaterThanOrEqualTo(2);

        String yes = telegram.updateJson(telegram.text(chat, "ja"));
        telegram.forgetUpdates();
        assertThat(post(SECRET, yes).statusCode()).isEqualTo(200);
        Document once = mongo.getDatabase(DATABASE).getCollection("responses").find(Filters.eq("_id", responseId)).first();
        assertThat(post(SECRET, yes).statusCode()).isEqualTo(200);
        Document twice = mongo.getDatabase(DATABASE).getCollection("responses").find(Filters.eq("_id", responseId)).first();
        assertThat(once.get("conversation", Document.class).getString("stage")).isEqualTo("asking");
        assertThat(twice.getLong("version")).isEqualTo(once.getLong("version"));
        assertThat(twice.get("answers")).isEqualTo(once.get("answers"));
    }

    @Test
    void shouldStartAnOpenLinkResponseOnStartWithoutInvitationWhenASurveyIsOpen() throws Exception {
        long chat = chats.getAndIncrement();
        long responses = documents("responses");
        assertThat(post(SECRET, telegram.updateJson(telegram.text(chat, "/start"))).statusCode()).isEqualTo(200);
        TelegramRespondent.awaitSent(outbox);
        assertThat(documents("responses")).isEqualTo(responses + 1);
        assertThat(telegram.texts(chat).get(0)).startsWith("Welkom!");
        assertThat(telegram.messages(chat).get(telegram.messages(chat).size() - 1).has("reply_markup")).isTrue();
        assertThat(post(SECRET, telegram.updateJson(telegram.text(chat, "/start"))).statusCode()).isEqualTo(200);
        assertThat(documents("responses")).as("a second /start resumes").isEqualTo(responses + 1);
    }

    @Test
    void shouldAnswerBadJsonWithBadRequest() throws Exception {
        assertThat(post(SECRET, "{not json").statusCode()).isEqualTo(400);
    }
}
