package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client of {@code /ws/chat} for tests: sends frames and reads what the server answers. */
public final class ChatClient implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 15;
    /** The server's frames have no size limit (a resumed transcript can be long); a browser has none either. */
    private static final int RECEIVE_BUFFER_CHARS = 256 * 1024;

    private final JsonMapper json;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final WebSocketSession session;
    private volatile CloseStatus closed;
    /** The last question the server asked, whose step and ask id {@link #message} answers. */
    private volatile JsonNode lastAsk;
    /** Messages sent through {@link #message}, by id, to send again as the widget does after {@code rate_limited}. */
    private final Map<String, Map<String, String>> sent = new java.util.concurrent.ConcurrentHashMap<>();

    private ChatClient(JsonMapper json, int port) throws Exception {
        this.json = json;
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(RECEIVE_BUFFER_CHARS);
        this.session = new StandardWebSocketClient(container).execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
                JsonNode frame = json.readTree(message.getPayload());
                if (type(frame).equals("ask")) {
                    lastAsk = frame;
                }
                received.add(frame);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
                closed = status;
            }
        }, null, URI.create("ws://127.0.0.1:" + port + "/ws/chat")).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    public static ChatClient connect(JsonMapper json, int port) throws Exception {
        return new ChatClient(json, port);
    }

    void sendRaw(String payload) throws Exception {
        session.sendMessage(new TextMessage(payload));
    }

    public void send(Map<String, ?> frame) throws Exception {
        sendRaw(json.writeValueAsString(frame));
    }

    /** Sends a message frame answering the last question asked, with a new client id, and returns the id. */
    public String message(String type, String field, String value) throws Exception {
        JsonNode ask = lastAsk;
        assertThat(ask).as("a question to answer").isNotNull();
        return message(type, field, value, ask.get("step").stringValue(), ask.get("ask").stringValue());
    }

    /** Sends a message frame composed for the question {@code step} asked as {@code ask}; returns its new id. */
    public String message(String type, String field, String value, String step, String ask) throws Exception {
        String id = UUID.randomUUID().toString();
        Map<String, String> frame = Map.of("type", type, "id", id, field, value, "step", step, "ask", ask);
        sent.put(id, frame);
        send(frame);
        return id;
    }

    /** The last ask frame received, or null before any. */
    JsonNode lastAsk() {
        return lastAsk;
    }

    /** The close status the server sent, once closed. */
    CloseStatus closeStatus() {
        return closed;
    }

    public JsonNode next() throws InterruptedException {
        JsonNode frame = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(frame).as("a frame from the server within " + TIMEOUT_SECONDS + " s (closed: " + closed + ")")
                .isNotNull();
        return frame;
    }

    /**
     * Frames up to and including the next {@code ask}; after completion, up to the last frame of the turn. Like
     * the widget, a message refused with {@code rate_limited} is sent again (same id) after the server's hint.
     */
    public List<JsonNode> turn() throws Exception {
        List<JsonNode> frames = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            if (type(frame).equals("error") && frame.path("code").stringValue("").equals("rate_limited")
                    && sent.containsKey(frame.path("id").stringValue(""))) {
                Thread.sleep(frame.get("retryAfterMs").longValue());
                send(sent.get(frame.get("id").stringValue()));
                continue;
            }
            frames.add(frame);
            if (type(frame).equals("ask") || type(frame).equals("error")) {
                return frames;
            }
            if (frames.stream().anyMatch(ChatClient::completes) && type(frame).equals("say")
                    && received.peek() == null && quietFor(500)) {
                return frames;
            }
        }
    }

    /** Whether nothing arrives for {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return received.isEmpty();
    }

    boolean isOpen() {
        return session.isOpen();
    }

    public static String type(JsonNode frame) {
        return frame.get("type").stringValue();
    }

    public static JsonNode last(List<JsonNode> frames, String type) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (type(frames.get(i)).equals(type)) {
                return frames.get(i);
            }
        }
        throw new AssertionError("no " + type + " frame in " + frames);
    }

    private static boolean completes(JsonNode frame) {
        String type = type(frame);
        return (type.equals("ack") || type.equals("session")) && frame.path("completed").booleanValue();
    }

    @Override
    public void close() throws Exception {
        if (session.isOpen()) {
            session.close();
        }
    }
}
