package nl.peilbot.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.testsupport.FerretDb;

/** Chat bindings on the real FerretDB: an invitation belongs to one chat user, claimed by an atomic insert. */
class ChannelBindingsTests {

    private static MongoCollection<Document> raw;
    private static ChannelBindings bindings;
    private static int invitations;

    @BeforeAll
    static void connect() {
        MongoDatabase database = FerretDb.database("channel_bindings");
        raw = database.getCollection(ChannelBindings.COLLECTION);
        bindings = new ChannelBindings(database, Clock.fixed(Instant.parse("2024-03-01T09:00:00Z"), ZoneOffset.UTC));
    }

    private static synchronized Invitation invitation() {
        invitations++;
        return new Invitation(Hashes.sha256Hex("token " + invitations + " " + System.nanoTime()), "s", "2020",
                Invitation.Kind.INVITED, Map.of());
    }

    @Test
    void shouldBindAnInvitationToOneUserAndTheUsersChatToItsResponse() {
        Invitation invitation = invitation();
        assertThat(bindings.bind("telegram", "1001", invitation)).isTrue();
        assertThat(bindings.bind("telegram", "1001", invitation)).as("the same user again").isTrue();
        assertThat(bindings.bind("telegram", "1002", invitation)).as("another user").isFalse();
        assertThat(bindings.responseOf("telegram", "1001")).contains(invitation.responseId());
        assertThat(bindings.responseOf("telegram", "1002")).isEmpty();
        assertThat(bindings.responseOf("web", "1001")).as("per channel").isEmpty();
    }

    @Test
    void shouldLetAChatFollowTheInvitationItOpenedLast() {
        Invitation first = invitation();
        Invitation second = invitation();
        bindings.bind("telegram", "2001", first);
        bindings.bind("telegram", "2001", second);
        assertThat(bindings.responseOf("telegram", "2001")).contains(second.responseId());
        assertThat(bindings.bind("telegram", "2002", first)).as("the first stays bound to its user").isFalse();
    }

    @Test
    void shouldRemindOnlyTheChatThatStillAnswersTheResponse() {
        Invitation first = invitation();
        Invitation second = invitation();
        bindings.bind("telegram", "3001", first);
        assertThat(bindings.userOf("telegram", first.responseId())).contains("3001");

        bindings.bind("telegram", "3001", second);

        assertThat(bindings.userOf("telegram", first.responseId())).as("the chat moved on").isEmpty();
        assertThat(bindings.userOf("telegram", second.responseId())).contains("3001");
        bindings.bind("telegram", "3001", first);
        assertThat(bindings.userOf("telegram", first.responseId())).as("and came back").contains("3001");
    }

    @Test
    void shouldFindTheChatOfABindingMadeBeforeResponsesPointedToTheirChat() {
        Invitation invitation = invitation();
        bindings.bind("telegram", "4001", invitation);
        raw.deleteOne(Filters.eq("_id", "telegram:response:" + invitation.responseId()));
        assertThat(bindings.userOf("telegram", invitation.responseId())).isEmpty();

        bindings.pointResponsesToTheirChats();

        assertThat(bindings.userOf("telegram", invitation.responseId())).contains("4001");
    }

    /** The chat id is needed in plain for reminders, and kept in the chat's own binding only, never as a key. */
    @Test
    void shouldKeepTheChatIdOnlyWhereRemindersNeedIt() {
        Invitation invitation = invitation();
        bindings.bind("telegram", "987654321", invitation);
        List<Document> stored = new ArrayList<>();
        raw.find().forEach(stored::add);
        assertThat(stored).isNotEmpty().allSatisfy(document -> assertThat(document.getString("_id")).doesNotContain("987654321"));
        assertThat(stored).filteredOn(document -> document.toJson().contains("987654321")).singleElement()
                .satisfies(document -> assertThat(document.getString("userId")).isEqualTo("987654321"));
        assertThat(bindings.userOf("telegram", invitation.responseId())).contains("987654321");
        assertThat(bindings.userOf("web", invitation.responseId())).isEmpty();
    }

    @RepeatedTest(3)
    void shouldLetOnlyOneOfTwoUsersOpeningAnInvitationAtOnceWin() throws Exception {
        Invitation invitation = invitation();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String user : List.of("3001", "3002")) {
                Callable<Boolean> bind = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return bindings.bind("telegram", user, invitation);
                };
                results.add(threads.submit(bind));
            }
            long won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(20, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
