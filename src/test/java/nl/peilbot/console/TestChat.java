package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A respondent on the real {@code /ws/chat}: sends frames and returns the frames of each turn. */
final class TestChat implements AutoCloseable {

    private final JsonMapper json;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocketSession session;
    /** The last question asked: answers name its step and ask id, as the widget does. */
    private JsonNode lastAsk;

    TestChat(JsonMapper json, int port) throws Exception {
        this.json = json;
        this.session = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
                received.add(json.readTree(message.getPayload()));
            }
        }, null, URI.create("ws://127.0.0.1:" + port + "/ws/chat")).get(10, TimeUnit.SECONDS);
    }

    List<JsonNode> hello(String token) throws Exception {
        return send(Map.of("type", "hello", "token", token));
    }

    List<JsonNode> helloOpenLink(String survey) throws Exception {
        return send(Map.of("type", "hello", "survey", survey));
    }

    List<JsonNode> choice(String code) throws Exception {
        return send(answer("choice", "code", code));
    }

    List<JsonNode> text(String text) throws Exception {
        return send(answer("text", "text", text));
    }

    private Map<String, String> answer(String type, String field, String value) {
        assertThat(lastAsk).as("a question to answer").isNotNull();
        return Map.of("type", type, "id", UUID.randomUUID().toString(), field, value,
                "step", lastAsk.get("step").stringValue(), "ask", lastAsk.get("ask").stringValue());
    }

    /** Frames up to the next ask or error, or until the server is quiet (after the closing). */
    private List<JsonNode> send(Map<String, String> frame) throws Exception {
        session.sendMessage(new TextMessage(json.writeValueAsString(frame)));
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode next = received.poll(frames.isEmpty() ? 10 : 1, TimeUnit.SECONDS);
            if (next == null) {
                assertThat(frames).as("an answer from the server").isNotEmpty();
                return frames;
            }
            frames.add(next);
            String type = next.get("type").stringValue();
            if (type.equals("ask")) {
                lastAsk = next;
            }
            if (type.equals("ask") || type.equals("error")) {
                return frames;
            }
        }
    }

    static JsonNode last(List<JsonNode> frames) {
        return frames.get(frames.size() - 1);
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
