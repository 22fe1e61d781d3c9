package nl.peilbot.channel.web;

import static nl.peilbot.channel.web.ChatClient.last;
import static nl.peilbot.channel.web.ChatClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.flow.Flow;

/** A first-time respondent on a flow's open link, answering every question over the WebSocket protocol. */
final class OpenLinkRespondent {

    private OpenLinkRespondent() {
    }

    /** Walks the flow through its open link, as a first-time respondent: consent, profile, every question, submit. */
    static QuestionnaireWalker walk(JsonMapper json, int port, Flow flow) throws Exception {
        return walk(json, port, flow, new QuestionnaireWalker(flow));
    }

    /** The same with a given walker (e.g. another variant). */
    static QuestionnaireWalker walk(JsonMapper json, int port, Flow flow, QuestionnaireWalker walker) throws Exception {
        try (ChatClient chat = ChatClient.connect(json, port)) {
            chat.send(Map.of("type", "hello", "survey", flow.id()));
            List<JsonNode> frames = chat.turn();
            assertThat(ChatClient.type(frames.get(0))).as("%s", frames).isEqualTo("session");
            JsonNode ask = last(frames, "ask");
            for (int turns = 0; ; turns++) {
                assertThat(turns).as("turns to complete %s", flow.id()).isLessThan(500);
                QuestionnaireWalker.Frame answer = walker.respond(ask);
                chat.message(answer.type(), answer.field(), answer.value());
                frames = chat.turn();
                JsonNode ack = frames.get(0);
                assertThat(type(ack)).as("answer %s: %s", answer, frames).isEqualTo("ack");
                assertThat(ack.get("outcome").stringValue()).as("%s answered with %s", answer, frames).isEqualTo("applied");
                if (ack.get("completed").booleanValue()) {
                    return walker;
                }
                ask = last(frames, "ask");
            }
        }
    }

}
