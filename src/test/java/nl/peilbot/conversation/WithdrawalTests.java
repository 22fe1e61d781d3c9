package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.CommandName;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.ResponseWithdrawn;
import nl.peilbot.testsupport.FerretDb;

/** A respondent sees their answers and withdraws, through the service, on the real FerretDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
@RecordApplicationEvents
class WithdrawalTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("withdrawals");
    private static final Map<String, String> PROFILE = Map.of("hospital", "Ziekenhuis Zuid",
            "hospitalType", "topclinical", "role", "cmio");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    private Conversations conversations;

    @Autowired
    private Invitations invitations;

    @Autowired
    private ResponseStore responses;

    @Autowired
    private Withdrawals withdrawals;

    @Autowired
    private MongoDatabase database;

    @Autowired
    private ApplicationEvents events;

    private int messageNumber;

    private Reply send(String responseId, String text) {
        return conversations.handle(responseId, "m-" + ++messageNumber, new Inbound.Text(text), "telegram");
    }

    private static String said(Reply reply) {
        return reply.messages().stream().filter(Outbound.Say.class::isInstance).map(m -> ((Outbound.Say) m).text())
                .collect(Collectors.joining("\n"));
    }

    /** A Telegram respondent past consent with two answers given. */
    private String answering(String token) {
        String responseId = conversations.open(new Access(token, null), "telegram", "4711" + messageNumber).responseId();
        send(responseId, "ja");
        send(responseId, "Bekend");
        return responseId;
    }

    @Test
    void shouldShowEveryAnswerGivenWithoutStoringAnything() {
        String responseId = answering(invitations.create("small-survey", PROFILE));
        long version = responses.find(responseId).orElseThrow().version();

        Reply reply = send(responseId, "mijn gegevens");

        assertThat(reply.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(said(reply)).startsWith("Dit zijn alle antwoorden").contains("Ziekenhuis Zuid", "Bekend");
        assertThat(responses.find(responseId).orElseThrow().state().answers()).containsKey("familiarity");
        assertThat(responses.find(responseId).orElseThrow().version()).isGreaterThanOrEqualTo(version);
    }

    @Test
    void shouldDeleteTheResponseOnlyAfterAnExplicitYes() {
        String token = invitations.create("small-survey", PROFILE);
        String responseId = answering(token);

        Reply asked = send(responseId, "verwijder");
        assertThat(asked.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(((Outbound.Ask) asked.messages().get(asked.messages().size() - 1)).stepId()).isEqualTo("#delete");
        assertThat(responses.find(responseId)).isPresent();
        send(responseId, "nee");
        assertThat(responses.find(responseId).orElseThrow().state().answers()).containsKey("familiarity");

        conversations.handle(responseId, "m-delete", new Inbound.Command(CommandName.DELETE, null), "web");
        Reply done = conversations.handle(responseId, "m-yes", new Inbound.Choice("#yes"), "web");

        assertThat(done.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(done.completed()).isTrue();
        assertThat(said(done)).contains("verwijderd");
        assertThat(responses.find(responseId)).isEmpty();
        assertThat(database.getCollection("responses").countDocuments(Filters.eq("_id", responseId))).isZero();
        assertThat(database.getCollection("channelBindings").countDocuments(Filters.eq("responseId", responseId))).isZero();
        assertThat(events.stream(ResponseWithdrawn.class))
                .contains(new ResponseWithdrawn(responseId, "small-survey", "2024"));
        assertThatThrownBy(() -> conversations.open(new Access(token, null), "web"))
                .isInstanceOfSatisfying(AccessRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccessRefusedException.Reason.WITHDRAWN));
        assertThat(conversations.resume("telegram", "4711" + 0)).isEmpty();
    }

    @Test
    void shouldRecordTheWithdrawalWithoutPersonalData() {
        String responseId = answering(invitations.create("small-survey", PROFILE));
        send(responseId, "verwijder");
        send(responseId, "ja");

        Document record = database.getCollection(Withdrawals.COLLECTION).find(Filters.eq("_id", Withdrawals.key(responseId))).first();
        assertThat(record).isNotNull();
        assertThat(record.keySet()).containsExactlyInAnyOrder("_id", "survey", "wave", "withdrawnAt");
        assertThat(record.toJson()).doesNotContain(responseId, "Ziekenhuis Zuid", "4711");
    }

    @Test
    void shouldCompleteAWithdrawalThatACrashInterrupted() {
        String token = invitations.create("small-survey", PROFILE);
        String responseId = answering(token);
        // As left by a crash right after the record was written: the response and the link still there.
        database.getCollection(Withdrawals.COLLECTION).insertOne(new Document("_id", Withdrawals.key(responseId))
                .append("survey", "small-survey").append("wave", "2024").append("withdrawnAt", new Date())
                .append("pending", responseId));

        withdrawals.completeInterrupted();

        assertThat(responses.find(responseId)).isEmpty();
        assertThat(database.getCollection(Withdrawals.COLLECTION).find(Filters.eq("_id", Withdrawals.key(responseId)))
                .first()).doesNotContainKey("pending");
        assertThatThrownBy(() -> conversations.open(new Access(token, null), "web"))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(events.stream(ResponseWithdrawn.class).map(ResponseWithdrawn::responseId).toList()).contains(responseId);
    }

    @Test
    void shouldLetARespondentDeleteAfterSubmitting() {
        String responseId = answering(invitations.create("small-survey", PROFILE));
        List<String> walk = List.of("1, 2", "ja", "Verantwoordelijkheid", "Radiologie: beeldherkenning", "klaar",
                "Spraak", "Beeld");
        walk.forEach(text -> send(responseId, text));
        Reply summary = send(responseId, "insturen");
        assertThat(summary.completed()).as(said(summary)).isTrue();

        send(responseId, "delete");
        send(responseId, "yes");

        assertThat(responses.find(responseId)).isEmpty();
    }
}
