package nl.peilbot.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.TokenCheck;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.Mailpit;

/**
 * Invitations and reminders by e-mail, end to end through the console's API, the outbox and a real Mailpit: what
 * arrives is read through Mailpit's HTTP API. Each test uses addresses of its own, so tests share the one Mailpit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.flows.directory=conversation-flows",
        "peilbot.console.public-url=https://peilbot.example",
        "peilbot.console.max-reminders=2",
        "peilbot.mail.from=enquete@peilbot.example",
        "peilbot.mail.per-second=50",
        "peilbot.outbox.poll-interval=200ms"})
@AutoConfigureMockMvc
class MailTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final String BASE = "/console/api/waves/" + SURVEY;
    private static final String DATABASE = FerretDb.uniqueDatabase("mail");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("https://peilbot\\.example/chat/" + SURVEY + "#t=([A-Za-z0-9_-]+)");
    private static final Pattern DECLINE = Pattern.compile("<https://peilbot\\.example(/mail/decline\\?d=[A-Za-z0-9_.-]+)>");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Mailpit.shared().smtpPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Autowired
    Invitations invitations;

    private final Mailpit mailpit = Mailpit.shared();
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String address(String who) {
        return who + "." + tag + "@" + Mailpit.ACCEPTED_DOMAIN;
    }

    private <B extends AbstractMockHttpServletRequestBuilder<B>> JsonNode call(B request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user("olga").roles("ORGANISER")).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        return body.isEmpty() ? null : json.readTree(body);
    }

    /** Imports invitees from a CSV as an organiser does; returns their references by address. */
    private Map<String, String> importCsv(List<String> addresses) throws Exception {
        StringBuilder csv = new StringBuilder("hospital;hospitalType;role;name;email\n");
        for (int i = 0; i < addresses.size(); i++) {
            csv.append("Ziekenhuis ").append(tag).append(' ').append(i).append(";topklinisch;cmio;Invitee ").append(i)
                    .append(i == 0 ? " & <Zoë>" : "").append(';').append(addresses.get(i)).append('\n');
        }
        JsonNode created = call(multipart(BASE + "/invitations/upload").file(new MockMultipartFile("file", "invitees.csv",
                "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8))));
        Map<String, String> refs = new java.util.LinkedHashMap<>();
        created.get("created").forEach(link -> refs.put(link.get("email").asString(), link.get("ref").asString()));
        assertThat(refs).hasSize(addresses.size());
        return refs;
    }

    private JsonNode sendInvitations(Map<String, Object> body) throws Exception {
        return call(post(BASE + "/mail/invitations").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /** The state of the latest mail of a kind per reference, as the console shows it. */
    private String state(String ref, String kind) throws Exception {
        JsonNode mails = call(get(BASE + "/mail")).get("mails").get(ref);
        if (mails == null) {
            return null;
        }
        for (JsonNode mail : mails) {
            if (mail.get("kind").asString().equalsIgnoreCase(kind)) {
                return mail.get("state").asString() + (mail.get("reason").isNull() ? "" : " " + mail.get("reason").asString());
            }
        }
        return null;
    }

    private static String token(Mailpit.Mail mail) {
        Matcher link = LINK.matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return link.group(1);
    }

    @Test
    void invitationsToACsvOfFiveArriveOnceEachWithAWorkingLinkAndAOneClickDecline() throws Exception {
        List<String> addresses = List.of(address("an"), address("bram"), address("cor"), address("dana"), address("eva"));
        Map<String, String> refs = importCsv(addresses);
        call(put(BASE + "/mail/sender").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Onderzoeksteam AI\",\"replyTo\":\"team@peilbot.example\"}"));

        JsonNode queued = sendInvitations(Map.of("notYetInvited", true));
        assertThat(queued.get("queued").size()).isGreaterThanOrEqualTo(5);

        for (String address : addresses) {
            await().atMost(WAIT).until(() -> "sent".equals(state(refs.get(address), "invitation")));
        }
        for (String address : addresses) {
            List<Mailpit.Mail> received = mailpit.to(address);
            assertThat(received).as(address).hasSize(1);
            Mailpit.Mail mail = received.get(0);
            assertThat(mail.subject()).isEqualTo("Uitnodiging: AI in Nederlandse ziekenhuizen 2020");
            assertThat(mail.header("From")).contains("Onderzoeksteam AI").contains("enquete@peilbot.example");
            assertThat(mail.header("Reply-To")).contains("team@peilbot.example");
            assertThat(mail.messageId()).matches("peilbot\\.[0-9a-f]{32}@peilbot\\.example");
            assertThat(mail.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(mail.header("List-Unsubscribe")).matches(DECLINE.pattern());
            assertThat(mail.text()).contains("Beste Invitee").contains("Dear Invitee")
                    .contains("Ziekenhuis " + tag);
            // The link works and leads to this invitee's response.
            TokenCheck check = invitations.check(token(mail));
            assertThat(check).isInstanceOf(TokenCheck.Valid.class);
            assertThat(((TokenCheck.Valid) check).invitation().responseId()).isEqualTo(refs.get(address));
        }
        // Names are escaped in the HTML body.
        Mailpit.Mail first = mailpit.to(addresses.get(0)).get(0);
        assertThat(first.html()).contains("Invitee 0 &amp; &lt;Zoë&gt;").doesNotContain("<Zoë>");

        // Sending to "everyone not yet invited" again sends nothing.
        assertThat(sendInvitations(Map.of("notYetInvited", true)).get("queued").size()).isZero();
        // Nor does an explicit send to someone whose invitation went out.
        JsonNode again = sendInvitations(Map.of("refs", List.of(refs.get(addresses.get(1)))));
        assertThat(again.get("queued").size()).isZero();
        assertThat(again.get("skipped").size()).isEqualTo(1);

        // One click, without login or CSRF token, as a mail client does (RFC 8058); a repeat is answered the same.
        Matcher decline = DECLINE.matcher(mailpit.to(addresses.get(2)).get(0).header("List-Unsubscribe"));
        assertThat(decline.matches()).isTrue();
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse declined = mvc.perform(post(decline.group(1))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                    .andReturn().getResponse();
            assertThat(declined.getStatus()).isEqualTo(200);
            assertThat(declined.getContentAsString(StandardCharsets.UTF_8)).contains("geen herinneringen meer");
        }
        List<String> declinedRefs = call(get(BASE + "/mail")).get("declined").valueStream().map(JsonNode::asString)
                .toList();
        assertThat(declinedRefs).contains(refs.get(addresses.get(2)))
                .doesNotContain(refs.get(addresses.get(0)), refs.get(addresses.get(1)), refs.get(addresses.get(3)));
        // A forged token is refused without a trace of the server's insides.
        MockHttpServletResponse forged = mvc.perform(post("/mail/decline?d=" + refs.get(addresses.get(3)) + ".AAAA"))
                .andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(forged.getContentAsString(StandardCharsets.UTF_8)).contains("niet (meer) geldig");
    }

    @Test
    void remindersGoByMailToTheTwoWhoDidNotStartAndNeverToWhoDeclined() throws Exception {
        List<String> addresses = List.of(address("fem"), address("gijs"), address("hans"), address("ilse"),
                address("jan"));
        Map<String, String> refs = importCsv(addresses);
        sendInvitations(Map.of("notYetInvited", true));
        for (String address : addresses) {
            await().atMost(WAIT).until(() -> "sent".equals(state(refs.get(address), "invitation")));
        }
        // Three started (and answered today), one of the two others declined before the reminders.
        for (String address : addresses.subList(0, 3)) {
            startedToday(refs.get(address));
        }
        String declining = addresses.get(4);
        Matcher decline = DECLINE.matcher(mailpit.to(declining).get(0).header("List-Unsubscribe"));
        assertThat(decline.matches()).isTrue();
        mvc.perform(post(decline.group(1))).andReturn();

        JsonNode sent = call(post(BASE + "/reminders"));

        assertThat(sent.get("byMail").intValue()).isEqualTo(1);
        assertThat(sent.get("emails").size()).isZero();
        String notStarted = addresses.get(3);
        await().atMost(WAIT).until(() -> "sent".equals(state(refs.get(notStarted), "reminder")));
        List<Mailpit.Mail> received = mailpit.to(notStarted);
        assertThat(received).hasSize(2);
        Mailpit.Mail reminder = received.get(1);
        assertThat(reminder.subject()).isEqualTo("Herinnering: AI in Nederlandse ziekenhuizen 2020");
        assertThat(reminder.messageId()).isNotEqualTo(received.get(0).messageId());
        // The reminder's link is new, the invitation's stopped working, both lead to the same response.
        assertThat(invitations.check(token(reminder))).isInstanceOf(TokenCheck.Valid.class);
        assertThat(invitations.check(token(received.get(0)))).isInstanceOf(TokenCheck.Refused.class);
        for (String address : addresses.subList(0, 3)) {
            assertThat(mailpit.count(address)).as(address).isEqualTo(1);
        }
        assertThat(mailpit.count(declining)).isEqualTo(1);
        assertThat(database().getCollection("reminders").find(new Document("responseId", refs.get(notStarted)))
                .first().getString("channel")).isEqualTo("email");
        // Within the interval nobody is reminded again.
        assertThat(call(post(BASE + "/reminders")).get("byMail").intValue()).isZero();
    }

    @Test
    void aPermanentRefusalIsShownPerInviteeAndNotTriedAgain() throws Exception {
        String refused = "kim." + tag + "@refused.example.net";
        String accepted = address("lot");
        Map<String, String> refs = importCsv(List.of(refused, accepted));

        sendInvitations(Map.of("refs", new ArrayList<>(refs.values())));

        await().atMost(WAIT).until(() -> "sent".equals(state(refs.get(accepted), "invitation")));
        await().atMost(WAIT).until(() -> String.valueOf(state(refs.get(refused), "invitation")).startsWith("failed"));
        assertThat(state(refs.get(refused), "invitation")).contains("SMTP 550");
        assertThat(mailpit.count(refused)).isZero();
        assertThat(mailpit.count(accepted)).isEqualTo(1);
        // An organiser may try again after fixing the server's mind: a new attempt, refused again here.
        JsonNode retried = sendInvitations(Map.of("refs", List.of(refs.get(refused))));
        assertThat(retried.get("queued").size()).isEqualTo(1);
    }

    @Test
    void thePreviewRendersTheSurveysTemplatesForASampleInvitee() throws Exception {
        JsonNode preview = call(get(BASE + "/mail/preview?kind=reminder"));
        assertThat(preview.get("subject").asString()).isEqualTo("Herinnering: AI in Nederlandse ziekenhuizen 2020");
        // Without a bot there is no Telegram line at all.
        assertThat(preview.get("text").asString()).contains("Beste An de Vries").contains("Dear An de Vries")
                .doesNotContain("Telegram")
                .contains("https://peilbot.example/chat/" + SURVEY + "#t=");
        assertThat(preview.get("html").asString()).contains("<div lang=\"nl\">").contains("<div lang=\"en\">");
        MockHttpServletResponse unknown = mvc.perform(get(BASE + "/mail/preview?kind=newsletter")
                .with(user("olga").roles("ORGANISER"))).andReturn().getResponse();
        assertThat(unknown.getStatus()).isEqualTo(400);
    }

    private void startedToday(String ref) {
        Instant now = Instant.now();
        database().getCollection("responses").insertOne(new Document("_id", ref).append("survey", SURVEY)
                .append("wave", "2020").append("flowVersion", "0000000000000000").append("status", "in_progress")
                .append("language", "nl").append("channels", List.of("web")).append("profile", new Document())
                .append("answers", new Document()).append("startedAt", Date.from(now)).append("updatedAt", Date.from(now))
                .append("version", 1).append("recentMessageIds", List.of())
                .append("conversation", new Document("stage", "asking").append("currentStep", "familiarity")));
    }

    private MongoDatabase database() {
        return mongo.getDatabase(DATABASE);
    }
}
