package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.invitation.TokenCheck;

/**
 * Choosing whom to remind (not started, or stuck for more than three days), through the chat channel for those it
 * reaches and as fresh links for email otherwise; interval seven days, at most two reminders.
 */
class ReminderTests extends ConsoleTestBase {

    private static final String BASE = "/console/api/waves/" + WAVE_2020 + "/reminders";

    private JsonNode call(boolean send) throws Exception {
        var request = send ? post(BASE).with(csrf()) : get(BASE);
        String body = mvc.perform(request.with(user("olga").roles("ORGANISER"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private void remindedBefore(String responseId, Duration ago) {
        database().getCollection("reminders").insertOne(new Document("survey", WAVE_2020).append("wave", "2020")
                .append("responseId", responseId).append("channel", "email")
                .append("sentAt", Date.from(Instant.now().minus(ago))).append("by", "olga"));
    }

    private static List<String> refs(JsonNode candidates) {
        return candidates.findValues("ref").stream().map(JsonNode::stringValue).toList();
    }

    @Test
    void shouldChooseTheNotStartedAndTheStuckOnly() throws Exception {
        Instant now = Instant.now();
        IssuedInvitation notStarted = invite(WAVE_2020, "Ziekenhuis Een", "Sam Een");
        IssuedInvitation stuck = invite(WAVE_2020, "Ziekenhuis Twee", "Sam Twee");
        IssuedInvitation busy = invite(WAVE_2020, "Ziekenhuis Drie", "Sam Drie");
        IssuedInvitation done = invite(WAVE_2020, "Ziekenhuis Vier", "Sam Vier");
        IssuedInvitation revoked = invite(WAVE_2020, "Ziekenhuis Vijf", "Sam Vijf");
        invitations.revoke(revoked.responseId());
        storeResponse(stuck.responseId(), WAVE_2020, "2020", "in_progress", now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(4)), "policy", Map.of("familiarity", 3));
        storeResponse(busy.responseId(), WAVE_2020, "2020", "in_progress", now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(1)), "policy", Map.of("familiarity", 3));
        storeResponse(done.responseId(), WAVE_2020, "2020", "completed", now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(8)), null, Map.of("familiarity", 3));

        JsonNode selection = call(false);

        assertThat(refs(selection.get("candidates"))).containsExactlyInAnyOrder(notStarted.responseId(), stuck.responseId());
        assertThat(selection.get("candidates").findValues("reason").stream().map(JsonNode::stringValue))
                .containsExactlyInAnyOrder("not_started", "stuck");
        assertThat(selection.get("maxReminders").intValue()).isEqualTo(2);
    }

    @Test
    void shouldRemindThroughTheChatChannelOrWithAFreshLinkForEmailAndRecordEach() throws Exception {
        IssuedInvitation inChat = invite(WAVE_2020, "Ziekenhuis Chat", "Tom Chat");
        IssuedInvitation byEmail = invite(WAVE_2020, "Ziekenhuis Mail", "Tina Mail");
        messenger.reachable.add(inChat.responseId());

        JsonNode selection = call(false);
        assertThat(selection.get("candidates").findValues("channel").stream().map(JsonNode::stringValue))
                .containsExactlyInAnyOrder("telegram", "email");

        JsonNode sent = call(true);

        assertThat(sent.get("byChat").intValue()).isEqualTo(1);
        assertThat(messenger.sent).singleElement().asString().startsWith(inChat.responseId() + ": Herinnering")
                .contains("Peiling 2020");
        JsonNode email = sent.get("emails").get(0);
        assertThat(sent.get("emails")).hasSize(1);
        assertThat(email.get("ref").stringValue()).isEqualTo(byEmail.responseId());
        assertThat(email.get("email").stringValue()).isEqualTo("tina.mail@example.org");
        assertThat(nl.peilbot.csv.SpreadsheetCsv.read(sent.get("csv").stringValue()).stream()
                .map(nl.peilbot.csv.SpreadsheetCsv.Line::fields).toList()).containsExactly(
                List.of("name", "email", "unit", "webLink", "telegramLink"),
                List.of("Tina Mail", "tina.mail@example.org", "Ziekenhuis Mail", email.get("webLink").stringValue(),
                        email.get("telegramLink").stringValue()));
        String link = email.get("webLink").stringValue();
        String newToken = link.substring(link.indexOf("#t=") + 3);
        assertThat(invitations.check(byEmail.token())).as("the old link is replaced")
                .isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
        assertThat(((TokenCheck.Valid) invitations.check(newToken)).invitation().responseId()).isEqualTo(byEmail.responseId());
        assertThat(database().getCollection("reminders").find().map(d -> d.getString("channel")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("telegram", "email");
        assertThat(database().getCollection("reminders").find().first().toJson()).doesNotContain("Tina", "example.org");

        assertThat(call(false).get("candidates")).as("not again within the interval").isEmpty();
        assertThat(call(true).get("byChat").intValue()).isZero();
    }

    @Test
    void shouldRespectTheIntervalAndTheMaximum() throws Exception {
        IssuedInvitation longAgo = invite(WAVE_2020, "Ziekenhuis Lang", "Uma Lang");
        IssuedInvitation recently = invite(WAVE_2020, "Ziekenhuis Kort", "Ugo Kort");
        IssuedInvitation often = invite(WAVE_2020, "Ziekenhuis Vaak", "Ulla Vaak");
        remindedBefore(longAgo.responseId(), Duration.ofDays(8));
        remindedBefore(recently.responseId(), Duration.ofDays(6));
        remindedBefore(often.responseId(), Duration.ofDays(30));
        remindedBefore(often.responseId(), Duration.ofDays(20));

        JsonNode candidates = call(false).get("candidates");

        assertThat(refs(candidates)).containsExactly(longAgo.responseId());
        assertThat(candidates.get(0).get("remindersSent").intValue()).isEqualTo(1);
    }

    @Test
    void shouldRemindEachRespondentOnceWhenTwoOrganisersSendAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            cleanUp();
            IssuedInvitation a = invite(WAVE_2020, "Ziekenhuis A", "Ada A");
            IssuedInvitation b = invite(WAVE_2020, "Ziekenhuis B", "Bob B");
            invite(WAVE_2020, "Ziekenhuis C", "Cor C");
            invite(WAVE_2020, "Ziekenhuis D", "Dirk D");
            messenger.reachable.addAll(List.of(a.responseId(), b.responseId()));
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService organisers = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<JsonNode> send = () -> { start.await(); return call(true); };
                var first = organisers.submit(send);
                var second = organisers.submit(send);
                start.countDown();
                JsonNode one = first.get();
                JsonNode other = second.get();

                assertThat(messenger.sent).as("round " + round + ": each chat reminded once").hasSize(2);
                assertThat(one.get("byChat").intValue() + other.get("byChat").intValue()).isEqualTo(2);
                assertThat(one.get("emails").size() + other.get("emails").size()).as("one fresh link each").isEqualTo(2);
                assertThat(database().getCollection("reminders").countDocuments()).isEqualTo(4);
            } finally {
                organisers.shutdownNow();
            }
        }
    }
}
