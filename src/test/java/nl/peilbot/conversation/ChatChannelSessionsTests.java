package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.testsupport.FerretDb;

/** What chat channels add to the conversation: bindings to a chat user, and answers only for the current step. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
class ChatChannelSessionsTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("chat_channel_sessions");
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

    private static String lastStep(List<Outbound> messages) {
        return ((Outbound.Ask) messages.get(messages.size() - 1)).stepId();
    }

    @Test
    void shouldResumeTheConversationAChatUserOpened() {
        String token = invitations.create("small-survey", PROFILE);
        Session opened = conversations.open(new Access(token, null), "telegram", "501");
        assertThat(opened.responseId()).isEqualTo(invitations.find(token).orElseThrow().responseId());
        assertThat(lastStep(opened.messages())).isEqualTo("#consent");

        assertThat(conversations.resume("telegram", "501")).get().extracting(Session::responseId).isEqualTo(opened.responseId());
        assertThat(conversations.resume("telegram", "502")).isEmpty();
        assertThat(conversations.open(new Access(token, null), "web").responseId())
                .as("the web link of the same invitation").isEqualTo(opened.responseId());
    }

    @Test
    void shouldRefuseAnInvitationAnotherChatUserOpened() {
        String token = invitations.create("small-survey", PROFILE);
        conversations.open(new Access(token, null), "telegram", "601");
        assertThatThrownBy(() -> conversations.open(new Access(token, null), "telegram", "602"))
                .isInstanceOf(ChannelTakenException.class).hasMessageNotContaining(token);
        assertThat(conversations.resume("telegram", "602")).isEmpty();
        assertThat(conversations.open(new Access(token, null), "telegram", "601")).isNotNull();
    }

    @Test
    void shouldOpenAnOpenLinkForAChatUser() {
        Session opened = conversations.open(new Access(null, "small-survey"), "telegram", "701");
        assertThat(opened.newToken()).isNotBlank();
        assertThat(conversations.resume("telegram", "701")).get().extracting(Session::responseId).isEqualTo(opened.responseId());
    }

    @Test
    void shouldApplyAButtonOnlyWhileItsStepIsAskedAndARepeatedIdNever() {
        Session session = conversations.open(new Access(invitations.create("small-survey", PROFILE), null), "telegram", "801");
        String id = session.responseId();

        Reply first = conversations.handle(id, "tg:1", new Inbound.Choice("#yes"), "telegram", "#consent");
        assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
        long version = responses.find(id).orElseThrow().version();
        String next = lastStep(conversations.current(id));
        assertThat(next).isNotEqualTo("#consent");

        Reply stale = conversations.handle(id, "tg:2", new Inbound.Choice("#yes"), "telegram", "#consent");
        assertThat(stale.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(lastStep(stale.messages())).isEqualTo(next);
        Reply again = conversations.handle(id, "tg:1", new Inbound.Choice("#yes"), "telegram", "#consent");
        assertThat(again.outcome()).as("a redelivered update shows the current step").isEqualTo(Outcome.DUPLICATE);
        assertThat(responses.find(id).orElseThrow().version()).isEqualTo(version);
        assertThat(responses.find(id).orElseThrow().recentMessageIds()).containsExactly("tg:1");
    }
}
