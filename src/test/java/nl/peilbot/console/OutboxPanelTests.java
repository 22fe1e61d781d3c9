package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxMessage;

/** Organisers see what the outbox still has to send and what it gave up on, per kind, and nothing of the payload. */
class OutboxPanelTests extends ConsoleTestBase {

    @Autowired
    Outbox outbox;

    private JsonNode panel() throws Exception {
        String body = mvc.perform(get("/console/api/outbox").with(user("olga").roles("ORGANISER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static JsonNode kind(JsonNode panel, String kind) {
        for (JsonNode row : panel.get("kinds")) {
            if (row.get("kind").stringValue().equals(kind)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void shouldShowPendingAndGivenUpMessagesPerKind() throws Exception {
        outbox.enqueue(OutboxMessage.of("panel-refused-1", ConsoleTestBase.REFUSED_KIND, null,
                Map.of("text", "secret answer")));
        outbox.enqueue(OutboxMessage.of("panel-waiting-1", "panel-nobody-delivers", null, Map.of("text", "secret")));

        await().atMost(Duration.ofSeconds(20)).until(() -> kind(panel(), ConsoleTestBase.REFUSED_KIND) != null
                && kind(panel(), ConsoleTestBase.REFUSED_KIND).get("givenUp").asLong() == 1);
        JsonNode panel = panel();

        assertThat(kind(panel, ConsoleTestBase.REFUSED_KIND).get("pending").asLong()).isZero();
        assertThat(kind(panel, "panel-nobody-delivers").get("pending").asLong()).isEqualTo(1);
        assertThat(panel.get("oldestPendingSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(panel.toString()).doesNotContain("secret");
    }

    @Test
    void shouldShowTheOutboxOnTheWavesPage() throws Exception {
        String page = mvc.perform(get("/console?lang=en").with(user("olga").roles("ORGANISER")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Outgoing messages").contains("id=\"outbox\"");
    }
}
