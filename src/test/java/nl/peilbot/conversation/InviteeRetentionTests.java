package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.invitation.InvitationDraft;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.Invitee;
import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.MovableClock;

/** Invitees' personal data goes once their wave has been closed long enough, on FerretDB with a fixed clock. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.flows.directory=src/test/resources/flows/valid",
        "peilbot.retention.invitee-data-days=90",
        "peilbot.retention.chunk-size=2"})
@Import(InviteeRetentionTests.Clocks.class)
class InviteeRetentionTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("retention");
    private static final String SURVEY = "small-survey";
    private static final Instant CLOSED = Instant.parse("2025-01-10T12:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock fixedClock() {
            return new MovableClock(CLOSED);
        }
    }

    @Autowired
    private InviteeRetention retention;

    @Autowired
    private Invitations invitations;

    @Autowired
    private Conversations conversations;

    @Autowired
    private Waves waves;

    @Autowired
    private MovableClock clock;

    @Autowired
    private MongoDatabase database;

    private List<Document> invitationDocuments() {
        return database.getCollection("invitations").find(Filters.eq("survey", SURVEY)).into(new ArrayList<>());
    }

    private List<Document> chats() {
        return database.getCollection("channelBindings").find(Filters.regex("_id", "^telegram:chat:")).into(new ArrayList<>());
    }

    @Test
    void shouldRemoveInviteesAndChatIdsOnlyAfterTheWaveWasClosedForTheSetDays() throws Exception {
        clock.set(CLOSED.minus(Duration.ofDays(1)));
        List<InvitationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drafts.add(new InvitationDraft(Map.of("hospital", "Ziekenhuis " + i),
                    new Invitee("Naam " + i, "naam" + i + "@ziekenhuis.example", "@naam" + i), null, null));
        }
        List<IssuedInvitation> issued = invitations.createAll(SURVEY, drafts);
        for (int i = 0; i < 3; i++) {
            conversations.open(new Access(issued.get(i).token(), null), "telegram", "90000" + i);
        }
        assertThat(chats()).hasSize(3).allMatch(chat -> chat.containsKey("userId"));

        clock.set(CLOSED.plus(Duration.ofDays(400)));
        assertThat(retention.run()).as("an open wave keeps its invitees").isZero();

        clock.set(CLOSED);
        waves.change(SURVEY, WaveState.CLOSED);
        waves.configure(SURVEY, 12, false);
        clock.set(CLOSED.plus(Duration.ofDays(90)).minusSeconds(1));
        assertThat(retention.run()).as("closed, but not long enough (a later settings change does not count)").isZero();
        assertThat(invitationDocuments()).allMatch(invitation -> invitation.containsKey("invitee"));

        clock.set(CLOSED.plus(Duration.ofDays(90)));
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> instances = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return retention.run();
        })).toList();
        int removed = 0;
        for (CompletableFuture<Integer> instance : instances) {
            removed += instance.get(60, TimeUnit.SECONDS);
        }

        assertThat(removed).as("two instances at once, in chunks of 2").isBetween(5, 10);
        assertThat(invitationDocuments()).hasSize(5).noneMatch(invitation -> invitation.containsKey("invitee"))
                .allMatch(invitation -> invitation.containsKey("inviteeRemovedAt") && invitation.containsKey("profile"));
        assertThat(chats()).hasSize(3).noneMatch(chat -> chat.containsKey("userId"))
                .allMatch(chat -> chat.containsKey("responseId"));
        assertThat(database.getCollection("invitations").find().into(new ArrayList<>()).toString())
                .doesNotContain("ziekenhuis.example", "@naam", "Naam 1");
        assertThat(retention.run()).as("nothing left to do").isZero();
    }
}
