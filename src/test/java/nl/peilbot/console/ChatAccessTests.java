package nl.peilbot.console;

import static nl.peilbot.console.TestChat.last;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mongodb.client.model.Filters;

import nl.peilbot.conversation.WaveState;
import nl.peilbot.invitation.InvitationDraft;
import nl.peilbot.invitation.IssuedInvitation;

/** What a respondent meets in the real WebSocket chat when the organisers revoke, re-issue, pause or close. */
class ChatAccessTests extends ConsoleTestBase {

    private Document response(String id) {
        return database().getCollection("responses").find(Filters.eq("_id", id)).first();
    }

    private static void assertError(List<JsonNode> frames, String code, String dutchText) {
        JsonNode error = last(frames);
        assertThat(error.get("type").stringValue()).isEqualTo("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).contains(dutchText);
    }

    @Nested
    class Invitations {

        @Test
        void shouldTellTheRespondentOfARevokedLink() throws Exception {
            IssuedInvitation issued = invite(WAVE_2020, "Ziekenhuis Intrekken", "Kees Kok");
            invitations.revoke(issued.responseId());

            try (TestChat chat = new TestChat(json, port)) {
                assertError(chat.hello(issued.token()), "revoked_token", "ingetrokken");
            }
        }

        @Test
        void shouldGoOnWithTheSameResponseThroughAReissuedLink() throws Exception {
            IssuedInvitation issued = invite(WAVE_2020, "Ziekenhuis Kwijt", "Lies Lam");
            String question;
            try (TestChat chat = new TestChat(json, port)) {
                chat.hello(issued.token());
                chat.choice("#yes");
                question = last(chat.choice("familiar")).get("step").stringValue();
            }
            IssuedInvitation again = invitations.reissue(issued.responseId()).orElseThrow();

            try (TestChat chat = new TestChat(json, port)) {
                assertError(chat.hello(issued.token()), "revoked_token", "ingetrokken");
                List<JsonNode> session = chat.hello(again.token());
                assertThat(last(session).get("step").stringValue()).isEqualTo(question).isEqualTo("policy");
                assertThat(session.get(1).get("entries").toString()).contains("Bekend");
            }
            assertThat(database().getCollection("responses").countDocuments()).isEqualTo(1);
        }

        @Test
        void shouldOpenOnlyWithinTheValidityWindow() throws Exception {
            Instant now = Instant.now();
            IssuedInvitation early = invitations.createAll(WAVE_2020, List.of(new InvitationDraft(Map.of("hospital", "Vroeg"),
                    null, now.plus(Duration.ofDays(2)), null))).get(0);
            IssuedInvitation late = invitations.createAll(WAVE_2020, List.of(new InvitationDraft(Map.of("hospital", "Laat"),
                    null, null, now.minus(Duration.ofDays(1))))).get(0);
            IssuedInvitation inside = invitations.createAll(WAVE_2020, List.of(new InvitationDraft(Map.of("hospital", "Op tijd"),
                    null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))))).get(0);

            try (TestChat chat = new TestChat(json, port)) {
                assertError(chat.hello(early.token()), "token_not_yet_valid", "nog niet geldig");
                assertError(chat.hello(late.token()), "token_expired", "verlopen");
                assertThat(last(chat.hello(inside.token())).get("step").stringValue()).isEqualTo("#consent");
            }
            assertThat(response(early.responseId())).isNull();
            assertThat(response(late.responseId())).isNull();
        }
    }

    @Nested
    class WaveControl {

        @Test
        void shouldRecordNothingWhilePausedAndGoOnOnceOpened() throws Exception {
            IssuedInvitation issued = invite(WAVE_2020, "Ziekenhuis Pauze", "Mieke Mol");
            try (TestChat chat = new TestChat(json, port)) {
                chat.hello(issued.token());
                chat.choice("#yes");
                Object version = response(issued.responseId()).get("version");

                waves.change(WAVE_2020, WaveState.PAUSED);
                List<JsonNode> refused = chat.choice("familiar");

                assertError(refused, "wave_paused", "tijdelijk gepauzeerd");
                assertThat(last(refused).has("id")).as("the client may drop the message").isTrue();
                assertThat(response(issued.responseId()).get("version")).isEqualTo(version);
                assertThat(response(issued.responseId()).get("answers", Document.class)).doesNotContainKey("familiarity");
                assertError(chat.hello(issued.token()), "wave_paused", "tijdelijk gepauzeerd");

                waves.change(WAVE_2020, WaveState.OPEN);
                chat.hello(issued.token());
                assertThat(last(chat.choice("familiar")).get("step").stringValue()).isEqualTo("policy");
            }
        }

        @Test
        void shouldThankAndRecordNothingOnceClosedAndKeepUnfinishedResponsesAsPartial() throws Exception {
            IssuedInvitation started = invite(WAVE_2020, "Ziekenhuis Half", "Nel Nijs");
            IssuedInvitation never = invite(WAVE_2020, "Ziekenhuis Nooit", "Otto Os");
            try (TestChat chat = new TestChat(json, port)) {
                chat.hello(started.token());
                chat.choice("#yes");
                chat.choice("familiar");

                waves.change(WAVE_2020, WaveState.CLOSED);

                assertError(chat.choice("yes"), "wave_closed", "Dank u wel");
                assertError(chat.hello(never.token()), "wave_closed", "Dank u wel");
                assertError(chat.helloOpenLink(WAVE_2020), "wave_closed", "Dank u wel");
            }
            Document partial = response(started.responseId());
            assertThat(partial.getBoolean("partial")).isTrue();
            assertThat(partial.getString("status")).isEqualTo("in_progress");
            assertThat(partial.get("answers", Document.class)).containsKey("familiarity").doesNotContainKey("policy");
            assertThat(response(never.responseId())).isNull();
            assertThat(database().getCollection("responses").countDocuments()).isEqualTo(1);
        }

        @Test
        void shouldRunTwoWavesFromDifferentFlowsSideBySide() throws Exception {
            IssuedInvitation old = invite(WAVE_2020, "Ziekenhuis Oud", "Piet Pot");
            IssuedInvitation current = invite(WAVE_2021, "Ziekenhuis Nieuw", "Rita Ros");
            waves.change(WAVE_2020, WaveState.CLOSED);

            try (TestChat chat = new TestChat(json, port)) {
                assertError(chat.hello(old.token()), "wave_closed", "Dank u wel");
                chat.hello(current.token());
                chat.choice("#yes");
                JsonNode ask = last(chat.choice("familiar"));
                assertThat(ask.get("step").stringValue()).isEqualTo("genai");
                assertThat(ask.get("progress").get("total").intValue()).isEqualTo(2);
            }
            Document response = response(current.responseId());
            assertThat(response.getString("survey")).isEqualTo(WAVE_2021);
            assertThat(response.getString("wave")).isEqualTo("2021");
        }

        @Test
        void shouldRefuseTheOpenLinkPolitelyWhenTheWaveTakesInvitationsOnly() throws Exception {
            waves.configure(WAVE_2021, 10, false);
            try (TestChat chat = new TestChat(json, port)) {
                assertError(chat.helloOpenLink(WAVE_2021), "open_link_closed", "persoonlijke uitnodiging");
                assertThat(last(chat.helloOpenLink(WAVE_2020)).get("step").stringValue()).isEqualTo("#consent");
            }
            assertThat(database().getCollection("invitations").countDocuments(Filters.eq("survey", WAVE_2021))).isZero();
        }
    }
}
