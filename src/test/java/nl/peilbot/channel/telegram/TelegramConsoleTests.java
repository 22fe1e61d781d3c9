package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;

import nl.peilbot.conversation.WaveState;
import nl.peilbot.conversation.Waves;
import nl.peilbot.invitation.InvitationDraft;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.Invitee;
import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/**
 * The organisers' console meets the Telegram channel through the fake Bot API: a reminder reaches a bound chat
 * through the rate-limited durable outbox, and a revoked invitation or a closed wave is refused politely there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.telegram.token=" + FakeTelegram.TOKEN,
        "peilbot.telegram.username=" + FakeTelegram.BOT_USERNAME,
        "peilbot.telegram.poll-timeout=1s",
        "peilbot.telegram.per-chat-interval=0s",
        "peilbot.telegram.per-second=1000"})
@AutoConfigureMockMvc
// its polling bot must stop with its fake Bot API, not log into later tests' output
@DirtiesContext
class TelegramConsoleTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final Map<String, String> PROFILE = Map.of(
            "hospital", "Ziekenhuis Telegram", "hospitalType", "topklinisch", "role", "cmio");
    private static final String DATABASE = FerretDb.uniqueDatabase("telegram_console");
    private static final FakeTelegram telegram = FakeTelegram.startOrFail();
    private static final AtomicLong chats = new AtomicLong(8_100_000_001L);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.telegram.api-url", telegram::url);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Autowired
    Invitations invitations;

    @Autowired
    Waves waves;

    @Autowired
    Outbox outbox;

    @AfterEach
    void openAgain() {
        waves.change(SURVEY, WaveState.OPEN);
        mongo.getDatabase(DATABASE).getCollection("reminders").deleteMany(new Document());
        mongo.getDatabase(DATABASE).getCollection("invitations").deleteMany(new Document());
    }

    private IssuedInvitation invite(String name) {
        return invitations.createAll(SURVEY, List.of(new InvitationDraft(PROFILE, new Invitee(name, null, null), null, null))).get(0);
    }

    private TelegramRespondent onTelegram(IssuedInvitation invitation) throws Exception {
        TelegramRespondent respondent = new TelegramRespondent(telegram, outbox, chats.getAndIncrement());
        respondent.send("/start " + invitation.token());
        return respondent;
    }

    private Document response(String id) {
        return mongo.getDatabase(DATABASE).getCollection("responses").find(Filters.eq("_id", id)).first();
    }

    @Test
    void shouldRemindABoundRespondentInTheTelegramChat() throws Exception {
        IssuedInvitation bound = invite("Tessa Telegram");
        IssuedInvitation unbound = invite("Erik Email");
        TelegramRespondent respondent = onTelegram(bound);
        int before = respondent.texts().size();
        // Opened in Telegram four days ago and not answered since: stuck.
        mongo.getDatabase(DATABASE).getCollection("responses").updateOne(Filters.eq("_id", bound.responseId()),
                new Document("$set", new Document("updatedAt", java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(4))))));

        String body = mvc.perform(post("/console/api/waves/" + SURVEY + "/reminders")
                        .with(user("olga").roles("ORGANISER")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode sent = json.readTree(body);
        TelegramRespondent.awaitSent(outbox);

        assertThat(sent.get("byChat").intValue()).as(body).isEqualTo(1);
        assertThat(sent.get("emails").findValues("ref")).extracting(JsonNode::stringValue)
                .containsExactly(unbound.responseId());
        assertThat(sent.get("emails").get(0).get("telegramLink").stringValue())
                .startsWith("https://t.me/" + FakeTelegram.BOT_USERNAME + "?start=");
        List<String> texts = respondent.texts();
        assertThat(texts.subList(before, texts.size())).singleElement().asString()
                .startsWith("Herinnering").contains("AI in Nederlandse ziekenhuizen 2020");
        assertThat(mongo.getDatabase(DATABASE).getCollection("reminders").countDocuments(
                Filters.and(Filters.eq("responseId", bound.responseId()), Filters.eq("channel", "telegram")))).isEqualTo(1);
    }

    @Test
    void shouldThankAndRecordNothingWhenTheWaveIsClosed() throws Exception {
        IssuedInvitation invitation = invite("Carl Closed");
        TelegramRespondent respondent = onTelegram(invitation);
        Object version = response(invitation.responseId()).get("version");
        waves.change(SURVEY, WaveState.CLOSED);

        respondent.send("ja");

        assertThat(respondent.texts().get(respondent.texts().size() - 1)).contains("Dank u wel voor uw belangstelling");
        assertThat(response(invitation.responseId()).get("version")).isEqualTo(version);
        assertThat(response(invitation.responseId()).getBoolean("partial")).isTrue();
    }

    @Test
    void shouldStopARevokedInvitationInItsBoundChat() throws Exception {
        IssuedInvitation invitation = invite("Rob Revoked");
        TelegramRespondent respondent = onTelegram(invitation);
        Object version = response(invitation.responseId()).get("version");
        invitations.revoke(invitation.responseId());

        respondent.send("ja");

        assertThat(respondent.texts().get(respondent.texts().size() - 1)).contains("ingetrokken");
        assertThat(response(invitation.responseId()).get("version")).isEqualTo(version);
    }
}
