package nl.peilbot.console;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import nl.peilbot.conversation.WaveState;
import nl.peilbot.conversation.Waves;
import nl.peilbot.testsupport.FerretDb;

/**
 * One running application for the console tests (so they share a context): the two test waves of
 * {@code src/test/resources/console-flows}, a real FerretDB, and a recording chat messenger in place of Telegram.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.flows.directory=src/test/resources/console-flows",
        "peilbot.organiser.password=" + ConsoleTestBase.PASSWORD,
        "peilbot.console.public-url=https://peilbot.example",
        "peilbot.console.telegram-bot-username=PeilTestBot",
        "peilbot.console.reminder-interval=P7D",
        "peilbot.console.max-reminders=2",
        "peilbot.console.stuck-after=P3D"})
@AutoConfigureMockMvc
@Import(ConsoleTestBase.Messenger.class)
abstract class ConsoleTestBase {

    static final String PASSWORD = "console-test-password";
    static final String WAVE_2020 = "peil-2020";
    static final String WAVE_2021 = "peil-2021";
    static final String DATABASE = FerretDb.uniqueDatabase("console");
    static final String REFUSED_KIND = "console-refused";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    /** Stands in for the Telegram channel: reaches the responses it was told about and records what it sent. */
    static final class RecordingMessenger implements ReminderMessenger {

        final List<String> reachable = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "telegram";
        }

        @Override
        public boolean reaches(String responseId) {
            return reachable.contains(responseId);
        }

        @Override
        public boolean send(String responseId, String text) {
            if (!reaches(responseId)) {
                return false;
            }
            sent.add(responseId + ": " + text);
            return true;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Messenger {

        @Bean
        @Primary
        RecordingMessenger recordingMessenger() {
            return new RecordingMessenger();
        }

        /** An outbox handler whose receiver refuses everything, for the console's outbox panel. */
        @Bean
        nl.peilbot.outbox.OutboxHandler refusingHandler() {
            return new nl.peilbot.outbox.OutboxHandler() {
                @Override
                public String kind() {
                    return REFUSED_KIND;
                }

                @Override
                public nl.peilbot.outbox.Delivery deliver(nl.peilbot.outbox.OutboxMessage message) {
                    return nl.peilbot.outbox.Delivery.giveUp("HTTP 400");
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Autowired
    Waves waves;

    @Autowired
    RecordingMessenger messenger;

    @Autowired
    nl.peilbot.invitation.Invitations invitations;

    /** Invites one respondent of a wave with a name and email, and returns the token and reference. */
    nl.peilbot.invitation.IssuedInvitation invite(String survey, String hospital, String name) {
        java.util.Map<String, String> profile = survey.equals(WAVE_2020)
                ? java.util.Map.of("hospital", hospital, "hospitalType", "algemeen", "role", "cio")
                : java.util.Map.of("hospital", hospital, "role", "cio");
        return invitations.createAll(survey, List.of(new nl.peilbot.invitation.InvitationDraft(profile,
                new nl.peilbot.invitation.Invitee(name, name.toLowerCase().replace(' ', '.') + "@example.org", null),
                null, null))).get(0);
    }

    /**
     * Stores a response document as the conversation would (the parts the console reads).
     *
     * @param answers question id to seconds taken
     */
    void storeResponse(String id, String survey, String wave, String status, java.time.Instant startedAt,
                       java.time.Instant updatedAt, String currentStep, java.util.Map<String, Integer> answers) {
        Document answered = new Document("hospital", new Document("text", "X").append("source", "invitation"));
        answers.forEach((question, seconds) -> answered.append(question, new Document("choices",
                List.of(new Document("code", "secret").append("label", "Geheim")))
                .append("answeredAt", java.util.Date.from(updatedAt)).append("secondsTaken", seconds).append("source", "chat")));
        Document conversation = new Document("stage", status.equals("completed") ? "completed" : "asking");
        if (currentStep != null) {
            conversation.append("currentStep", currentStep);
        }
        Document document = new Document("_id", id).append("survey", survey).append("wave", wave)
                .append("flowVersion", "0000000000000000").append("status", status).append("language", "nl")
                .append("channels", List.of("web")).append("profile", new Document("hospital", "X"))
                .append("answers", answered).append("startedAt", java.util.Date.from(startedAt))
                .append("updatedAt", java.util.Date.from(updatedAt)).append("version", 3)
                .append("recentMessageIds", List.of()).append("conversation", conversation);
        if (status.equals("completed")) {
            document.append("completedAt", java.util.Date.from(updatedAt));
        }
        database().getCollection("responses").insertOne(document);
    }

    MongoDatabase database() {
        return mongo.getDatabase(DATABASE);
    }

    /** Every test starts with open waves and no invitations, responses or reminders. */
    @BeforeEach
    void cleanUp() {
        for (String collection : List.of("invitations", "responses", "reminders", "waves", "channelBindings",
                DashboardQueue.COLLECTION, "dashboardFolds", "dashboardCounted", "dashboardHeads")) {
            database().getCollection(collection).deleteMany(new Document());
        }
        waves.change(WAVE_2020, WaveState.OPEN);
        waves.change(WAVE_2021, WaveState.OPEN);
        messenger.reachable.clear();
        messenger.sent.clear();
    }
}
