package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.Inbound;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.testsupport.FerretDb;

/**
 * The database commands one turn sends, by kind of frame, counted by a driver {@link CommandListener} on the real
 * FerretDB: only the turn's own thread is counted, so the scheduled jobs (outbox, repair, leases) do not blur it.
 * docs/storage.md lists the same commands; a new command on the turn path must be added there and here on purpose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
@Import(TurnCommandsTests.Listening.class)
class TurnCommandsTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("turncommands");
    private static final Map<String, String> PROFILE = Map.of("hospital", "Ziekenhuis Zuid",
            "hospitalType", "topclinical", "role", "cmio");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    /** Records "command collection" for every command started on the thread that is being watched. */
    static final class Commands implements CommandListener {

        private final List<String> seen = new CopyOnWriteArrayList<>();
        private volatile Thread watched;

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (Thread.currentThread() == watched) {
                BsonValue target = event.getCommand().get(event.getCommandName());
                seen.add(event.getCommandName() + " " + (target != null && target.isString() ? target.asString().getValue() : ""));
            }
        }

        List<String> during(Runnable work) {
            seen.clear();
            watched = Thread.currentThread();
            try {
                work.run();
            } finally {
                watched = null;
            }
            return List.copyOf(seen);
        }
    }

    @TestConfiguration
    static class Listening {

        @Bean
        Commands commands() {
            return new Commands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordCommands(Commands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }

    @Autowired
    private Conversations conversations;

    @Autowired
    private Invitations invitations;

    @Autowired
    private Commands commands;

    private String responseId;

    @BeforeEach
    void atTheFirstQuestion() {
        responseId = conversations.open(new Access(invitations.create("small-survey", PROFILE), null), "web").responseId();
        assertThat(conversations.handle(responseId, "m-consent", new Inbound.Choice("#yes"), "web", "#consent").outcome())
                .isEqualTo(Outcome.APPLIED);
        // The first turn of an instance reads the wave and the revocations it keeps for a second: not what a turn costs.
        conversations.handle(responseId, "m-consent", new Inbound.Choice("#yes"), "web", "#consent");
    }

    @Test
    void shouldReadTheResponseCommitItsRecordAndWriteTheSnapshotForAnAppliedAnswer() {
        List<String> sent = commands.during(() -> assertThat(conversations.handle(responseId, "m-1",
                new Inbound.Choice("familiar"), "web", "familiarity").outcome()).isEqualTo(Outcome.APPLIED));

        System.out.println("applied answer: " + sent.size() + " commands " + sent);
        assertThat(sent).containsExactly("find responses", "find turns", "insert turns", "update responses",
                "insert dashboardQueue");
    }

    @Test
    void shouldOnlyReadTheResponseForADuplicate() {
        conversations.handle(responseId, "m-1", new Inbound.Choice("familiar"), "web", "familiarity");

        List<String> sent = commands.during(() -> assertThat(conversations.handle(responseId, "m-1",
                new Inbound.Choice("familiar"), "web", "familiarity").outcome()).isEqualTo(Outcome.DUPLICATE));

        System.out.println("duplicate: " + sent.size() + " commands " + sent);
        assertThat(sent).containsExactly("find responses", "find turns");
    }

    @Test
    void shouldOnlyReadTheResponseForAnAnswerToAStepNoLongerAsked() {
        List<String> sent = commands.during(() -> assertThat(conversations.handle(responseId, "m-stale",
                new Inbound.Choice("familiar"), "web", "#consent").outcome()).isEqualTo(Outcome.CONFLICT));

        System.out.println("stale step: " + sent.size() + " commands " + sent);
        assertThat(sent).containsExactly("find responses", "find turns");
    }
}
