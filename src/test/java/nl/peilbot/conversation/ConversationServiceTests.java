package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.ConversationEngine;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/** The service with the real engine, store and FerretDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
@RecordApplicationEvents
@Import(ConversationServiceTests.Clocks.class)
class ConversationServiceTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("conversations");
    private static final Map<String, String> FULL_PROFILE = Map.of("hospital", "Ziekenhuis Zuid",
            "hospitalType", "topclinical", "role", "cmio");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        SteppingClock steppingClock() {
            return new SteppingClock(Instant.parse("2024-03-01T09:00:00Z"));
        }
    }

    @Autowired
    private Conversations conversations;

    @Autowired
    private Invitations invitations;

    @Autowired
    private ResponseStore responses;

    @Autowired
    private FlowCatalog flows;

    @Autowired
    private ConversationEngine engine;

    @Autowired
    private SteppingClock clock;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ApplicationEvents events;

    private MongoCollection<Document> raw() {
        return database.getCollection("responses");
    }

    private Session openInvited() {
        return conversations.open(new Access(invitations.create("small-survey", FULL_PROFILE), null), "web");
    }

    private StoredResponse stored(String id) {
        return responses.find(id).orElseThrow();
    }

    private List<Outbound> current(StoredResponse response) {
        return engine.current(flows.flow(response.survey(), response.flowVersion()), response.state());
    }

    private static Outbound.Ask lastAsk(List<Outbound> messages) {
        return (Outbound.Ask) messages.get(messages.size() - 1);
    }

    @Nested
    class Opening {

        @Test
        void shouldStartAtConsentWithTheInvitationsProfileFilledIn() {
            String token = invitations.create("small-survey", FULL_PROFILE);
            Invitation invitation = invitations.find(token).orElseThrow();

            Session session = conversations.open(new Access(token, null), "web");

            assertThat(session.responseId()).isEqualTo(invitation.responseId());
            assertThat(session.newToken()).isNull();
            assertThat(session.language()).isEqualTo("nl");
            assertThat(session.completed()).isFalse();
            assertThat(lastAsk(session.messages()).stepId()).isEqualTo("#consent");
            StoredResponse response = stored(session.responseId());
            assertThat(response.version()).isEqualTo(1);
            assertThat(response.channels()).containsExactly("web");
            assertThat(response.state().answers().get("hospitalType").codes()).containsExactly("topclinical");
            assertThat(response.state().answers().get("hospital").source()).isEqualTo("invitation");
            assertThat(raw().find(Filters.eq("_id", session.responseId())).first().get("profile", Document.class))
                    .isEqualTo(new Document("hospital", "Ziekenhuis Zuid").append("hospitalType", "topclinical")
                            .append("role", "cmio"));
        }

        @Test
        void shouldKeepTheFlowVersionOfTheFirstResponse() {
            Session session = openInvited();

            String version = stored(session.responseId()).flowVersion();
            assertThat(database.getCollection("flowVersions").find(Filters.eq("_id", version)).first())
                    .isNotNull().containsEntry("survey", "small-survey");
        }

        @Test
        void shouldResumeTheSameResponseWhenOpenedAgain() {
            String token = invitations.create("small-survey", FULL_PROFILE);
            Session first = conversations.open(new Access(token, null), "web");
            conversations.handle(first.responseId(), "m-consent", new Inbound.Choice("#yes"), "web");

            Session again = conversations.open(new Access(token, null), "telegram");

            assertThat(again.responseId()).isEqualTo(first.responseId());
            assertThat(again.messages()).isEqualTo(current(stored(first.responseId())));
            assertThat(raw().countDocuments(Filters.eq("_id", first.responseId()))).isEqualTo(1);
            assertThat(stored(first.responseId()).version()).isEqualTo(2);
        }

        @Test
        void shouldCreateOneResponseWhenTwoTabsOpenANewInvitationAtOnce() throws Exception {
            ExecutorService tabs = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    String token = invitations.create("small-survey", FULL_PROFILE);
                    CyclicBarrier together = new CyclicBarrier(2);
                    Callable<Session> open = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return conversations.open(new Access(token, null), "web");
                    };
                    List<Future<Session>> sessions = tabs.invokeAll(List.of(open, open));

                    String id = invitations.find(token).orElseThrow().responseId();
                    assertThat(sessions.get(0).get().responseId()).isEqualTo(id);
                    assertThat(sessions.get(1).get().responseId()).isEqualTo(id);
                    assertThat(raw().countDocuments(Filters.eq("_id", id))).isEqualTo(1);
                }
            } finally {
                tabs.shutdownNow();
            }
        }

        @Test
        void shouldMintATokenForAnOpenLinkThatResumesLater() {
            Session first = conversations.open(new Access(null, "small-survey"), "web");

            assertThat(first.newToken()).isNotBlank();
            assertThat(invitations.find(first.newToken()).orElseThrow().kind()).isEqualTo(Invitation.Kind.OPEN);
            Session resumed = conversations.open(new Access(first.newToken(), null), "web");
            assertThat(resumed.responseId()).isEqualTo(first.responseId());
            assertThat(resumed.newToken()).isNull();
            assertThat(conversations.open(new Access(null, "small-survey"), "web").responseId())
                    .isNotEqualTo(first.responseId());
        }

        @Test
        void shouldRefuseAnUnknownTokenOrSurvey() {
            assertThatThrownBy(() -> conversations.open(new Access("no-such-token", null), "web"))
                    .isInstanceOf(UnknownAccessException.class);
            assertThatThrownBy(() -> conversations.open(new Access(null, "no-such-survey"), "web"))
                    .isInstanceOf(UnknownAccessException.class);
            assertThatThrownBy(() -> conversations.open(new Access(null, null), "web"))
                    .isInstanceOf(UnknownAccessException.class);
        }
    }

    @Nested
    class Handling {

        @Test
        void shouldApplyAndStoreAnAcceptedMessage() {
            Session session = openInvited();

            Reply reply = conversations.handle(session.responseId(), "m-1", new Inbound.Choice("#yes"), "telegram");

            assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
            StoredResponse response = stored(session.responseId());
            assertThat(response.version()).isEqualTo(2);
            assertThat(response.recentMessageIds()).containsExactly("m-1");
            assertThat(response.channels()).containsExactly("web", "telegram");
            assertThat(response.updatedAt()).isAfter(response.startedAt());
            assertThat(reply.messages()).isNotEmpty();
        }

        @Test
        void shouldApplyARepeatedMessageIdOnce() {
            Session session = openInvited();
            conversations.handle(session.responseId(), "m-1", new Inbound.Choice("#yes"), "web");
            StoredResponse afterFirst = stored(session.responseId());

            Reply repeated = conversations.handle(session.responseId(), "m-1", new Inbound.Choice("#yes"), "web");

            assertThat(repeated.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(repeated.messages()).isEqualTo(current(afterFirst));
            assertThat(stored(session.responseId())).isEqualTo(afterFirst);
        }

        @Test
        void shouldStoreNothingForRejectedInput() {
            Session session = openInvited();
            StoredResponse before = stored(session.responseId());

            Reply reply = conversations.handle(session.responseId(), "m-1", new Inbound.Choice("not-a-button"), "web");

            assertThat(reply.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(lastAsk(reply.messages()).stepId()).isEqualTo("#consent");
            assertThat(stored(session.responseId())).isEqualTo(before);
        }

        @Test
        void shouldReportAConflictAndShowTheWinnersStateWhenAnotherTabWroteFirst() {
            Session session = openInvited();
            AtomicReference<Reply> otherTab = new AtomicReference<>();
            clock.atNextReading(() -> otherTab.set(
                    conversations.handle(session.responseId(), "tab-b", new Inbound.Choice("#yes"), "web")));

            Reply reply = conversations.handle(session.responseId(), "tab-a", new Inbound.Choice("#no"), "web");

            assertThat(otherTab.get().outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(reply.outcome()).isEqualTo(Outcome.CONFLICT);
            StoredResponse winner = stored(session.responseId());
            assertThat(winner.version()).isEqualTo(2);
            assertThat(winner.recentMessageIds()).containsExactly("tab-b");
            assertThat(reply.messages()).isEqualTo(current(winner));
        }

        @Test
        void shouldRefuseAnUnknownResponse() {
            assertThatThrownBy(() -> conversations.handle("r_000000000000000000000000", "m-1",
                    new Inbound.Choice("#yes"), "web")).isInstanceOf(UnknownAccessException.class);
        }

        @Test
        void shouldCompleteOnSubmitAndPublishResponseCompletedOnce() {
            Session session = openInvited();
            String id = session.responseId();
            List<Outbound> messages = session.messages();
            List<String> steps = new ArrayList<>();
            Reply reply = null;
            for (int turn = 0; turn < 30 && (reply == null || !reply.completed()); turn++) {
                Outbound.Ask ask = lastAsk(messages);
                steps.add(ask.stepId());
                reply = conversations.handle(id, "m-" + turn, answerTo(ask), "web");
                assertThat(reply.outcome()).as("answer to %s", ask.stepId()).isEqualTo(Outcome.APPLIED);
                messages = reply.messages();
            }

            assertThat(reply.completed()).as("completed after steps %s", steps).isTrue();
            assertThat(steps).contains("#consent", "familiarity", "applications", "policy", "experiments",
                    "expectedSupport", "#summary").doesNotContain("policyTopics", "hospital");
            StoredResponse response = stored(id);
            assertThat(response.completed()).isTrue();
            assertThat(response.completedAt()).isNotNull();
            assertThat(raw().find(Filters.eq("_id", id)).first()).containsEntry("status", "completed");
            assertThat(events.stream(ResponseCompleted.class))
                    .containsExactly(new ResponseCompleted(id, "small-survey", "2024", response.version()));
        }

        private Inbound answerTo(Outbound.Ask ask) {
            boolean canFinish = ask.buttons().stream().anyMatch(b -> b.code().equals("#done"));
            return switch (ask.stepId()) {
                case "#consent" -> new Inbound.Choice("#yes");
                case "familiarity" -> new Inbound.Choice("familiar");
                case "applications" -> new Inbound.Text("1, 2");
                case "policy" -> new Inbound.Choice("no");
                case "experiments" -> canFinish ? new Inbound.Choice("#done") : new Inbound.Text("Radiologie: beeldherkenning");
                case "expectedSupport" -> new Inbound.Text("Kennisdeling");
                case "#summary" -> new Inbound.Choice("#submit");
                default -> throw new AssertionError("unexpected step " + ask.stepId());
            };
        }
    }
}
