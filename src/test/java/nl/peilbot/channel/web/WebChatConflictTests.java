package nl.peilbot.channel.web;

import static nl.peilbot.channel.web.ChatClient.last;
import static nl.peilbot.channel.web.ChatClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.testsupport.FerretDb;

/**
 * Answers over real WebSockets against the application on the real FerretDB that must never land on another
 * question than the one they were given for, and the per-connection limits: rate and revocation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.organiser.password=" + Invitations.PASSWORD,
                "peilbot.web.rate-limit.burst=20", "peilbot.web.rate-limit.per-second=4"})
class WebChatConflictTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("web_chat_conflicts");
    private static final String FIRST = "familiarity";
    private static final String SECOND = "followsDevelopments";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Autowired
    nl.peilbot.invitation.Invitations organiser;

    private Document stored(String responseId) {
        return mongo.getDatabase(DATABASE).getCollection("responses").find(Filters.eq("_id", responseId)).first();
    }

    private Document answers(String responseId) {
        return stored(responseId).get("answers", Document.class);
    }

    private ChatClient open(String token) throws Exception {
        ChatClient chat = ChatClient.connect(json, port);
        chat.send(Map.of("type", "hello", "token", token));
        chat.turn();
        return chat;
    }

    /** An invitation whose conversation is at the first question, and that question's ask frame. */
    private Invitations.Invitation atFirstQuestion() throws Exception {
        Invitations.Invitation invitation = new Invitations(json, port).create();
        try (ChatClient chat = open(invitation.token())) {
            chat.message("choice", "code", "#yes");
            assertThat(last(chat.turn(), "ask").get("step").stringValue()).isEqualTo(FIRST);
        }
        return invitation;
    }

    private static JsonNode ack(List<JsonNode> frames) {
        assertThat(type(frames.get(0))).as("%s", frames).isEqualTo("ack");
        return frames.get(0);
    }

    @Test
    void shouldRefuseAStaleTabsButtonAndTypedNumberForTheQuestionAnotherTabAnswered() throws Exception {
        Invitations.Invitation invitation = atFirstQuestion();
        try (ChatClient tabA = open(invitation.token()); ChatClient tabB = open(invitation.token())) {
            String staleAsk = tabB.lastAsk().get("ask").stringValue();
            assertThat(tabB.lastAsk().get("step").stringValue()).isEqualTo(FIRST);
            tabA.message("choice", "code", "familiar");
            List<JsonNode> aFrames = tabA.turn();
            assertThat(ack(aFrames).get("outcome").stringValue()).isEqualTo("applied");
            assertThat(last(aFrames, "ask").get("step").stringValue()).isEqualTo(SECOND);

            // Tab B still shows the first question: "Neutraal" there must not become the second question's answer.
            tabB.message("choice", "code", "neutral");
            List<JsonNode> pressed = tabB.turn();
            assertThat(ack(pressed).get("outcome").stringValue()).isEqualTo("conflict");
            assertThat(last(pressed, "ask").get("step").stringValue()).as("the current question is shown")
                    .isEqualTo(SECOND);

            tabB.message("text", "text", "3", FIRST, staleAsk);
            assertThat(ack(tabB.turn()).get("outcome").stringValue()).isEqualTo("conflict");
        }
        Document answers = answers(invitation.responseId());
        assertThat(answers.get(FIRST, Document.class).getList("choices", Document.class))
                .extracting(choice -> choice.getString("code")).containsExactly("familiar");
        assertThat(answers).doesNotContainKey(SECOND);
    }

    @Test
    void shouldRefuseAnAnswerReSentAfterAFailureOnceTheConversationMovedOn() throws Exception {
        Invitations.Invitation invitation = atFirstQuestion();
        String lostId;
        String firstAsk;
        try (ChatClient chat = open(invitation.token())) {
            firstAsk = chat.lastAsk().get("ask").stringValue();
            chat.message("choice", "code", "fairlyFamiliar");
            assertThat(ack(chat.turn()).get("outcome").stringValue()).isEqualTo("applied");
            lostId = "composed-for-the-first-question";
        }
        // The widget's outbox still held an answer typed for the first question when the connection dropped.
        try (ChatClient chat = open(invitation.token())) {
            assertThat(chat.lastAsk().get("step").stringValue()).isEqualTo(SECOND);
            chat.send(Map.of("type", "text", "id", lostId, "text", "3", "step", FIRST, "ask", firstAsk));
            List<JsonNode> frames = chat.turn();
            assertThat(ack(frames).get("id").stringValue()).isEqualTo(lostId);
            assertThat(ack(frames).get("outcome").stringValue()).isEqualTo("conflict");
            assertThat(last(frames, "ask").get("step").stringValue()).isEqualTo(SECOND);
        }
        assertThat(answers(invitation.responseId())).doesNotContainKey(SECOND);
    }

    @Test
    void shouldRefuseAnAnswerToAnEarlierAskingOfTheSameQuestionAfterBack() throws Exception {
        Invitations.Invitation invitation = atFirstQuestion();
        try (ChatClient chat = open(invitation.token())) {
            String firstAsk = chat.lastAsk().get("ask").stringValue();
            chat.message("choice", "code", "familiar");
            chat.turn();
            chat.message("command", "command", "back");
            JsonNode again = last(chat.turn(), "ask");
            assertThat(again.get("step").stringValue()).isEqualTo(FIRST);
            assertThat(again.get("ask").stringValue()).as("asked anew").isNotEqualTo(firstAsk);

            chat.message("choice", "code", "unfamiliar", FIRST, firstAsk);
            assertThat(ack(chat.turn()).get("outcome").stringValue()).isEqualTo("conflict");
            chat.message("choice", "code", "neutral");
            assertThat(ack(chat.turn()).get("outcome").stringValue()).isEqualTo("applied");
        }
        assertThat(answers(invitation.responseId()).get(FIRST, Document.class).getList("choices", Document.class))
                .extracting(choice -> choice.getString("code")).containsExactly("neutral");
    }

    @Test
    void shouldApplyOnlyWhatTheRateLimitAllowsOfTwoThousandMessages() throws Exception {
        Invitations.Invitation invitation = atFirstQuestion();
        int total = 2000;
        try (ChatClient chat = open(invitation.token())) {
            JsonNode ask = chat.lastAsk();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                chat.send(Map.of("type", "choice", "id", "flood-" + i, "code", "familiar",
                        "step", ask.get("step").stringValue(), "ask", ask.get("ask").stringValue()));
            }
            int handled = 0;
            int limited = 0;
            while (handled + limited < total) {
                JsonNode frame = chat.next();
                if (type(frame).equals("ack")) {
                    handled++;
                } else if (type(frame).equals("error")) {
                    assertThat(frame.get("code").stringValue()).isEqualTo("rate_limited");
                    assertThat(frame.get("retryAfterMs").longValue()).isPositive();
                    limited++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("rate limit: %d of %d messages handled in %.2f s, %d refused%n", handled, total, seconds,
                    limited);
            assertThat(handled).as("burst 20 plus 4 per second over %.2f s", seconds)
                    .isLessThanOrEqualTo(20 + (int) Math.ceil(4 * seconds) + 1);
            assertThat(limited).isGreaterThan(0);
        }
        assertThat(answers(invitation.responseId())).doesNotContainKey(SECOND);
    }

    @Test
    void shouldStopTakingAnswersInAnOpenChatOnceItsInvitationIsRevoked() throws Exception {
        Invitations.Invitation invitation = atFirstQuestion();
        try (ChatClient chat = open(invitation.token())) {
            Object version = stored(invitation.responseId()).get("version");
            organiser.revoke(invitation.responseId());

            String id = chat.message("choice", "code", "familiar");
            JsonNode error = chat.next();
            assertThat(type(error)).isEqualTo("error");
            assertThat(error.get("code").stringValue()).isEqualTo("revoked_token");
            assertThat(error.get("id").stringValue()).isEqualTo(id);
            assertThat(error.get("message").stringValue()).contains("ingetrokken");
            assertThat(stored(invitation.responseId()).get("version")).isEqualTo(version);
        }
        assertThat(answers(invitation.responseId())).doesNotContainKey(FIRST);
    }
}
