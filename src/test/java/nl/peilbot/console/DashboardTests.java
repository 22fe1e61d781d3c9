package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import nl.peilbot.invitation.InvitationsIssued;
import nl.peilbot.invitation.IssuedInvitation;

/** The dashboard's numbers, computed from invitations and response documents in a real FerretDB. */
class DashboardTests extends ConsoleTestBase {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private static Map<String, Integer> seconds(Object... pairs) {
        Map<String, Integer> seconds = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            seconds.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return seconds;
    }

    private JsonNode fetch(String path) throws Exception {
        String body = mvc.perform(get("/console/api/waves/" + WAVE_2020 + path).with(user("olga").roles("ORGANISER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private JsonNode dashboard() throws Exception {
        String body = mvc.perform(get("/console/api/waves/" + WAVE_2020 + "/dashboard").with(user("olga").roles("ORGANISER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    @Test
    void shouldCountPerHospitalAndComputeTheFunnelAndMedians() throws Exception {
        IssuedInvitation a1 = invite(WAVE_2020, "Alpha Ziekenhuis", "Anna Alpha");
        IssuedInvitation a2 = invite(WAVE_2020, "Alpha Ziekenhuis", "Arie Alpha");
        IssuedInvitation b = invite(WAVE_2020, "Beta Ziekenhuis", "Bea Beta");
        invite(WAVE_2020, "Gamma Ziekenhuis", "Gijs Gamma");
        invite(WAVE_2021, "Other Wave", "Otto Other");
        waves.configure(WAVE_2020, 10, true);
        storeResponse(a1.responseId(), WAVE_2020, "2020", "completed", T0, T0.plusSeconds(600), null,
                seconds("familiarity", 10, "policy", 20, "remarks", 30));
        storeResponse(a2.responseId(), WAVE_2020, "2020", "in_progress", T0, T0.plusSeconds(100), "policy",
                seconds("familiarity", 30));
        storeResponse(b.responseId(), WAVE_2020, "2020", "in_progress", T0, T0.plusSeconds(5), "#consent", seconds());
        storeResponse("r_openlinkresponse000000", WAVE_2020, "2020", "completed", T0, T0.plusSeconds(1200), null,
                seconds("familiarity", 20, "policy", 40, "remarks", 50));
        storeResponse("r_otherwaveresponse00000", WAVE_2021, "2021", "completed", T0, T0.plusSeconds(60), null,
                seconds("familiarity", 99));

        JsonNode dashboard = dashboard();

        assertThat(dashboard.get("overall").toString()).isEqualTo("{\"invited\":4,\"started\":4,\"completed\":2}");
        assertThat(dashboard.get("units").toString()).isEqualTo("["
                + "{\"unit\":\"Alpha Ziekenhuis\",\"invited\":2,\"started\":2,\"completed\":1},"
                + "{\"unit\":\"Beta Ziekenhuis\",\"invited\":1,\"started\":1,\"completed\":0},"
                + "{\"unit\":\"Gamma Ziekenhuis\",\"invited\":1,\"started\":0,\"completed\":0},"
                + "{\"unit\":\"X\",\"invited\":0,\"started\":1,\"completed\":1}]");
        assertThat(dashboard.get("responseRate").doubleValue()).isEqualTo(0.2);
        assertThat(dashboard.get("medianSecondsToComplete").doubleValue()).isEqualTo(900.0);
        assertThat(dashboard.get("leftBeforeQuestions").intValue()).isEqualTo(1);
        JsonNode funnel = dashboard.get("funnel");
        assertThat(funnel).hasSize(3);
        assertStep(funnel.get(0), "familiarity", 3, 0, 20.0);
        assertStep(funnel.get(1), "policy", 3, 1, 30.0);
        assertStep(funnel.get(2), "remarks", 2, 0, 40.0);
        assertThat(dashboard.get("respondents")).as("the table is a request of its own").isEmpty();
        assertThat(dashboard.toString()).as("organisers never see answers").doesNotContain("secret", "Geheim");
        JsonNode respondents = fetch("/respondents?page=0&size=50");
        assertThat(respondents.get("total").intValue()).isEqualTo(5);
        assertThat(respondents.get("rows")).hasSize(5);
        assertThat(respondents.get("rows").get(1).get("status").stringValue()).isEqualTo("in_progress");
        assertThat(respondents.get("rows").get(1).get("lastAnswerAt").stringValue()).isEqualTo("2026-11-02T09:01:40Z");
        assertThat(respondents.get("rows").get(3).get("status").stringValue()).isEqualTo("not_started");
        assertThat(respondents.toString()).as("organisers never see answers").doesNotContain("secret", "Geheim");
        JsonNode second = fetch("/respondents?page=1&size=2");
        assertThat(second.get("rows")).hasSize(2);
        assertThat(second.get("rows").get(0).get("ref").stringValue()).isEqualTo(respondents.get("rows").get(2).get("ref").stringValue());
    }

    @Test
    void shouldFollowChangesAfterTheFirstFetchWithoutRecounting() throws Exception {
        assertThat(dashboard().get("overall").toString()).isEqualTo("{\"invited\":0,\"started\":0,\"completed\":0}");
        IssuedInvitation revoked = invite(WAVE_2020, "Foxtrot Ziekenhuis", "Fien Foxtrot");
        IssuedInvitation kept = invite(WAVE_2020, "Foxtrot Ziekenhuis", "Flip Foxtrot");
        for (IssuedInvitation issued : java.util.List.of(revoked, kept)) {
            try (TestChat chat = new TestChat(json, port)) {
                chat.hello(issued.token());
                chat.choice("#yes");
            }
        }
        assertThat(dashboard().get("overall").toString()).as("invited outside the console: counted at once")
                .isEqualTo("{\"invited\":2,\"started\":2,\"completed\":0}");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/console/api/waves/" + WAVE_2020 + "/invitations/" + revoked.responseId() + "/revoke")
                .with(user("olga").roles("ORGANISER"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(204);

        JsonNode dashboard = dashboard();

        assertThat(dashboard.get("overall").toString()).as("a revocation counts at once")
                .isEqualTo("{\"invited\":1,\"started\":2,\"completed\":0}");
    }

    @Test
    void shouldRateAgainstTheInvitedWithoutATarget() throws Exception {
        IssuedInvitation only = invite(WAVE_2020, "Delta Ziekenhuis", "Dora Delta");
        invite(WAVE_2020, "Delta Ziekenhuis", "Dick Delta");
        storeResponse(only.responseId(), WAVE_2020, "2020", "completed", T0, T0.plusSeconds(300), null,
                seconds("familiarity", 5, "policy", 6, "remarks", 7));

        JsonNode dashboard = dashboard();

        assertThat(dashboard.get("target").intValue()).isZero();
        assertThat(dashboard.get("responseRate").doubleValue()).isEqualTo(0.5);
        assertThat(dashboard.get("funnel").get(2).get("medianSeconds").doubleValue()).isEqualTo(7.0);
    }

    @Autowired
    private ApplicationEventPublisher publisher;

    @Test
    void shouldCountAnInvitationMadeThroughTheApiAsInvitedBeforeTheRespondentStartsAndOnlyOnce() throws Exception {
        assertThat(dashboard().get("overall").toString()).isEqualTo("{\"invited\":0,\"started\":0,\"completed\":0}");
        int status = mvc.perform(post("/api/invitations").with(user("olga").roles("ORGANISER")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"survey": "%s", "profile": {"hospital": "Hotel Ziekenhuis", "hospitalType": "algemeen", "role": "cio"}}
                                """.formatted(WAVE_2020)))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);

        assertThat(dashboard().get("overall").toString()).isEqualTo("{\"invited\":1,\"started\":0,\"completed\":0}");
        assertThat(dashboard().get("units").toString())
                .isEqualTo("[{\"unit\":\"Hotel Ziekenhuis\",\"invited\":1,\"started\":0,\"completed\":0}]");

        // the event again (a retry, a late delivery): the fold re-reads the invitation, nothing counts twice
        String ref = invitations.list(WAVE_2020).get(0).responseId();
        publisher.publishEvent(new InvitationsIssued(WAVE_2020, "2020", java.util.List.of(ref)));
        publisher.publishEvent(new InvitationsIssued(WAVE_2020, "2020", java.util.List.of(ref)));
        assertThat(dashboard().get("overall").toString()).isEqualTo("{\"invited\":1,\"started\":0,\"completed\":0}");
    }

    @Test
    void shouldCountARealChatTurnAtOnce() throws Exception {
        IssuedInvitation issued = invite(WAVE_2020, "Echo Ziekenhuis", "Eef Echo");
        try (TestChat chat = new TestChat(json, port)) {
            chat.hello(issued.token());
            chat.choice("#yes");
            chat.choice("familiar");
        }

        JsonNode dashboard = dashboard();

        assertThat(dashboard.get("overall").get("started").intValue()).isEqualTo(1);
        assertThat(dashboard.get("funnel").get(0).get("reached").intValue()).isEqualTo(1);
        assertThat(dashboard.get("funnel").get(1).get("left").intValue()).as("stands at policy").isEqualTo(1);
    }

    private static void assertStep(JsonNode step, String question, int reached, int left, double medianSeconds) {
        assertThat(step.get("question").stringValue()).isEqualTo(question);
        assertThat(step.get("reached").intValue()).as(question + " reached").isEqualTo(reached);
        assertThat(step.get("left").intValue()).as(question + " left").isEqualTo(left);
        assertThat(step.get("medianSeconds").doubleValue()).as(question + " median").isEqualTo(medianSeconds);
    }
}
