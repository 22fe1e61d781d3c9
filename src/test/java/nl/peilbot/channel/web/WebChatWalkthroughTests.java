package nl.peilbot.channel.web;

import static nl.peilbot.channel.web.ChatClient.last;
import static nl.peilbot.channel.web.ChatClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;

/**
 * The web channel end to end: a real WebSocket client against the running application and a real FerretDB,
 * walking the whole 2020 questionnaire and reading back what was stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.organiser.password=" + Invitations.PASSWORD)
class WebChatWalkthroughTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("web_chat_walkthrough");

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

    private final Flow flow = Flows.load(Path.of("conversation-flows", Invitations.SURVEY + ".yaml"));

    private Invitations invitations() {
        return new Invitations(json, port);
    }

    private ChatClient connect() throws Exception {
        return ChatClient.connect(json, port);
    }

    /** Sends hello and returns session, transcript and the current step. */
    private static List<JsonNode> hello(ChatClient chat, String token) throws Exception {
        chat.send(Map.of("type", "hello", "token", token));
        return chat.turn();
    }

    private Document stored(String responseId) {
        return mongo.getDatabase(DATABASE).getCollection("responses").find(Filters.eq("_id", responseId)).first();
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(ChatClient::type).toList();
    }

    @Test
    void shouldWalkTheWholeQuestionnaireAndStoreEveryAnswer() throws Exception {
        Invitations.Invitation invitation = invitations().create();
        assertThat(invitation.link()).contains("/chat/" + Invitations.SURVEY).endsWith("#t=" + invitation.token());
        QuestionnaireWalker walker = new QuestionnaireWalker(flow);
        try (ChatClient chat = connect()) {
            List<JsonNode> frames = hello(chat, invitation.token());
            assertThat(types(frames)).startsWith("session", "transcript").endsWith("ask");
            assertThat(frames.get(0).has("token")).as("no token is minted for an invitation").isFalse();
            assertThat(frames.get(0).get("language").stringValue()).isEqualTo("nl");
            assertThat(frames.get(1).get("entries")).isEmpty();
            JsonNode ask = last(frames, "ask");
            assertThat(ask.get("step").stringValue()).isEqualTo("#consent");
            boolean sawProgress = false;
            while (true) {
                QuestionnaireWalker.Frame answer = walker.respond(ask);
                String id = chat.message(answer.type(), answer.field(), answer.value());
                frames = chat.turn();
                JsonNode ack = frames.get(0);
                assertThat(type(ack)).as("first answer to %s: %s", answer, frames).isEqualTo("ack");
                assertThat(ack.get("id").stringValue()).isEqualTo(id);
                assertThat(ack.get("outcome").stringValue()).as("%s answered with %s", answer, frames).isEqualTo("applied");
                if (ack.get("completed").booleanValue()) {
                    assertThat(types(frames)).doesNotContain("ask").contains("say");
                    chat.message("command", "command", "my_data", "#consent", "stale");
                    assertThat(chat.turn().get(0).get("outcome").stringValue()).isEqualTo("conflict");
                    chat.message("command", "command", "my_data", "#completed", "#completed");
                    List<JsonNode> data = chat.turn();
                    assertThat(data.get(0).get("outcome").stringValue()).isNotEqualTo("conflict");
                    assertThat(data).anySatisfy(frame -> assertThat(frame.path("text").stringValue(""))
                            .startsWith("Dit zijn alle antwoorden"));
                    break;
                }
                ask = last(frames, "ask");
                JsonNode progress = ask.get("progress");
                if (progress != null) {
                    sawProgress = true;
                    int number = flow.questionNumber(ask.get("step").stringValue());
                    assertThat(progress.get("current").intValue()).isEqualTo(number);
                    assertThat(progress.get("total").intValue()).isEqualTo(flow.questions().size());
                    assertThat(progress.get("text").stringValue())
                            .isEqualTo("vraag " + number + " van " + flow.questions().size());
                }
            }
            assertThat(sawProgress).isTrue();
        }
        assertThat(walker.expected().keySet()).as("every question was asked")
                .containsAll(flow.questions().stream().map(q -> q.id()).toList());
        assertStored(stored(invitation.responseId()), walker);
    }

    private void assertStored(Document response, QuestionnaireWalker walker) {
        assertThat(response).as("the response document").isNotNull();
        assertThat(response.getString("survey")).isEqualTo(Invitations.SURVEY);
        assertThat(response.getString("wave")).isEqualTo(flow.wave());
        assertThat(response.getString("flowVersion")).isEqualTo(flow.version());
        assertThat(response.getString("status")).isEqualTo("completed");
        assertThat(response.get("completedAt")).isInstanceOf(Date.class);
        assertThat(response.getList("channels", String.class)).contains("web");
        Document profile = response.get("profile", Document.class);
        assertThat(profile.getString("hospital")).isEqualTo("Ziekenhuis Testdam");
        assertThat(profile.getString("hospitalType")).isEqualTo("topklinisch");
        assertThat(profile.getString("role")).isEqualTo("cmio");
        Document answers = response.get("answers", Document.class);
        assertThat(answers.get("hospital", Document.class).getString("source")).isEqualTo("invitation");
        walker.expected().forEach((questionId, expected) -> {
            Document answer = answers.get(questionId, Document.class);
            assertThat(answer).as("answer to " + questionId).isNotNull();
            if (expected.skipped()) {
                assertThat(answer.getBoolean("skipped")).as(questionId).isTrue();
                return;
            }
            assertThat(answer.getString("source")).as(questionId).isEqualTo("chat");
            assertThat(answer.get("answeredAt")).as(questionId).isInstanceOf(Date.class);
            assertThat(((Number) answer.get("secondsTaken")).longValue()).as(questionId).isNotNegative();
            if (!expected.codes().isEmpty()) {
                List<Document> choices = answer.getList("choices", Document.class);
                assertThat(choices).extracting(c -> c.getString("code")).as(questionId)
                        .containsExactlyInAnyOrderElementsOf(expected.codes());
                choices.forEach(c -> assertThat(c.getString("label")).as(questionId)
                        .isEqualTo(walker.label(questionId, c.getString("code"))));
                assertThat(answer.getString("otherText")).as(questionId).isEqualTo(expected.otherText());
            }
            if (expected.text() != null) {
                assertThat(answer.getString("text")).as(questionId).isEqualTo(expected.text());
            }
            if (!expected.entries().isEmpty()) {
                assertThat(answer.getList("entries", Document.class)).as(questionId)
                        .map(entry -> (Map<String, Object>) new HashMap<String, Object>(entry))
                        .containsExactlyElementsOf(expected.entries().stream()
                                .map(entry -> (Map<String, Object>) new HashMap<String, Object>(entry)).toList());
            }
            if (!expected.parts().isEmpty()) {
                assertThat(new HashMap<String, Object>(answer.get("parts", Document.class))).as(questionId)
                        .isEqualTo(new HashMap<String, Object>(expected.parts()));
            }
        });
    }

    @Test
    void shouldResumeAtTheSameStepWithEarlierAnswersAfterReconnecting() throws Exception {
        Invitations.Invitation invitation = invitations().create();
        JsonNode askedNext;
        String chosenLabel;
        try (ChatClient chat = connect()) {
            hello(chat, invitation.token());
            chat.message("choice", "code", "#yes");
            JsonNode first = last(chat.turn(), "ask");
            JsonNode button = first.get("buttons").get(0);
            chosenLabel = button.get("label").stringValue();
            chat.message("choice", "code", button.get("code").stringValue());
            askedNext = last(chat.turn(), "ask");
        }
        try (ChatClient chat = connect()) {
            List<JsonNode> frames = hello(chat, invitation.token());
            assertThat(types(frames)).startsWith("session", "transcript");
            assertThat(frames.get(0).get("completed").booleanValue()).isFalse();
            assertThat(frames.get(1).get("entries")).anySatisfy(entry -> {
                assertThat(entry.get("speaker").stringValue()).isEqualTo("respondent");
                assertThat(entry.get("text").stringValue()).contains(chosenLabel);
            });
            assertThat(last(frames, "ask").get("step")).isEqualTo(askedNext.get("step"));
        }
    }

    @Test
    void shouldShowTheAnswersAndWithdrawWithCommandFrames() throws Exception {
        Invitations.Invitation invitation = invitations().create();
        try (ChatClient chat = connect()) {
            hello(chat, invitation.token());
            chat.message("choice", "code", "#yes");
            JsonNode question = last(chat.turn(), "ask");
            chat.message("choice", "code", question.get("buttons").get(0).get("code").stringValue());
            chat.turn();

            chat.message("command", "command", "my_data");
            List<JsonNode> data = chat.turn();
            assertThat(data).anySatisfy(frame -> assertThat(frame.path("text").stringValue(""))
                    .startsWith("Dit zijn alle antwoorden").contains(question.get("buttons").get(0).get("label").stringValue()));

            chat.message("command", "command", "delete");
            assertThat(last(chat.turn(), "ask").get("step").stringValue()).isEqualTo("#delete");
            assertThat(stored(invitation.responseId())).isNotNull();
            chat.message("choice", "code", "#yes");
            List<JsonNode> done = chat.turn();
            assertThat(done.get(0).get("outcome").stringValue()).isEqualTo("applied");
            assertThat(last(done, "say").get("text").stringValue()).contains("verwijderd");
        }
        assertThat(stored(invitation.responseId())).isNull();
        try (ChatClient chat = connect()) {
            List<JsonNode> refused = hello(chat, invitation.token());
            assertThat(types(refused)).containsExactly("error");
            assertThat(refused.get(0).get("code").stringValue()).isEqualTo("withdrawn");
        }
    }

    @Test
    void shouldRefuseTheOrganiserApiWithoutPassword() throws Exception {
        Map<String, Object> body = Map.of("survey", Invitations.SURVEY, "profile", Invitations.PROFILE);
        assertThat(invitations().post(null, body).statusCode()).isEqualTo(401);
        assertThat(invitations().post("wrong", body).statusCode()).isEqualTo(401);
    }

    @Nested
    class OverTheSocket {

        @Test
        void shouldRefuseMessagesBeforeHello() throws Exception {
            try (ChatClient chat = connect()) {
                String id = chat.message("text", "text", "ja", "#consent", "0");
                JsonNode error = chat.next();
                assertThat(type(error)).isEqualTo("error");
                assertThat(error.get("code").stringValue()).isEqualTo("hello_required");
                assertThat(error.get("id").stringValue()).isEqualTo(id);
                assertThat(chat.isOpen()).isTrue();
            }
        }

        @Test
        void shouldAnswerUnknownTokenAndStayUsable() throws Exception {
            Invitations.Invitation invitation = invitations().create();
            try (ChatClient chat = connect()) {
                chat.send(Map.of("type", "hello", "token", "no-such-token-" + invitation.token()));
                JsonNode error = chat.next();
                assertThat(error.get("code").stringValue()).isEqualTo("unknown_token");
                assertThat(error.get("message").stringValue()).isNotBlank().doesNotContain(invitation.token());
                assertThat(type(hello(chat, invitation.token()).get(0))).isEqualTo("session");
            }
        }

        @Test
        void shouldAnswerMalformedAndIncompleteFramesAndStayUsable() throws Exception {
            Invitations.Invitation invitation = invitations().create();
            try (ChatClient chat = connect()) {
                hello(chat, invitation.token());
                chat.sendRaw("{\"type\": \"text\", ");
                assertThat(chat.next().get("code").stringValue()).isEqualTo("malformed_json");
                chat.sendRaw("{\"type\": \"shout\", \"id\": \"x1\"}");
                assertThat(chat.next().get("code").stringValue()).isEqualTo("unknown_type");
                chat.sendRaw("{\"type\": \"choice\", \"code\": \"#yes\"}");
                assertThat(chat.next().get("code").stringValue()).isEqualTo("missing_id");
                assertThat(chat.quietFor(300)).as("one error frame per bad frame").isTrue();
                chat.message("choice", "code", "#yes");
                assertThat(chat.turn().get(0).get("outcome").stringValue()).isEqualTo("applied");
            }
        }

        @Test
        void shouldAnswerOversizedFrameAndStayUsable() throws Exception {
            Invitations.Invitation invitation = invitations().create();
            try (ChatClient chat = connect()) {
                hello(chat, invitation.token());
                chat.message("text", "text", "x".repeat(FrameParser.MAX_FRAME_BYTES + 10));
                JsonNode error = chat.next();
                assertThat(error.get("code").stringValue()).isEqualTo("frame_too_large");
                assertThat(chat.isOpen()).isTrue();
                chat.message("choice", "code", "#yes");
                assertThat(chat.turn().get(0).get("outcome").stringValue()).isEqualTo("applied");
            }
        }

        @Test
        void shouldApplyARepeatedMessageIdOnce() throws Exception {
            Invitations.Invitation invitation = invitations().create();
            try (ChatClient chat = connect()) {
                hello(chat, invitation.token());
                chat.message("choice", "code", "#yes");
                JsonNode question = last(chat.turn(), "ask");
                String code = question.get("buttons").get(0).get("code").stringValue();
                Map<String, String> answer = Map.of("type", "choice", "id", "same-id-1", "code", code,
                        "step", question.get("step").stringValue(), "ask", question.get("ask").stringValue());
                chat.send(answer);
                List<JsonNode> first = chat.turn();
                assertThat(first.get(0).get("outcome").stringValue()).isEqualTo("applied");
                Document afterFirst = stored(invitation.responseId());
                chat.send(answer);
                List<JsonNode> again = chat.turn();
                assertThat(again.get(0).get("id").stringValue()).isEqualTo("same-id-1");
                assertThat(again.get(0).get("outcome").stringValue()).isEqualTo("duplicate");
                assertThat(last(again, "ask").get("step")).isEqualTo(last(first, "ask").get("step"));
                Document afterAgain = stored(invitation.responseId());
                assertThat(afterAgain.get("answers")).isEqualTo(afterFirst.get("answers"));
                assertThat(afterAgain.getList("recentMessageIds", String.class)).containsOnlyOnce("same-id-1");
            }
        }
    }
}
