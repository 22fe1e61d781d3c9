package nl.peilbot.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.peilbot.channel.web.QuestionnaireWalker;

/**
 * One respondent who behaves like the widget under faults: every message keeps its id until it is acknowledged,
 * a dropped connection is re-opened with back-off, and after {@code hello} the un-acknowledged message is sent
 * again with the same id and the step it was composed for. It counts what it sent and what the server said.
 */
final class RespondentClient {

    /** What the server said to the messages of one respondent. */
    static final class Counts {
        int sent;
        int resent;
        int applied;
        int duplicate;
        int conflict;
        int rejected;
        int retryable;
        /** The codes of the "try again" errors, so a report says which it was. */
        final java.util.Map<String, Integer> retryableCodes = new java.util.TreeMap<>();
        int reconnects;
        /** Milliseconds from sending an answer to its acknowledgement, one per acknowledged answer. */
        final java.util.List<Long> latencies = new java.util.ArrayList<>();
    }

    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonNode CLOSED = JsonNodeFactory.instance.objectNode().put("type", "#closed");

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final QuestionnaireWalker walker;
    private final Counts counts = new Counts();
    private final int port;
    private BlockingQueue<JsonNode> frames;
    private WebSocket socket;
    private ObjectNode pending;
    private long pendingSince;
    private boolean completed;

    RespondentClient(JsonMapper json, int port, String token, QuestionnaireWalker walker) {
        this.json = json;
        this.port = port;
        this.token = token;
        this.walker = walker;
    }

    Counts counts() {
        return counts;
    }

    boolean completed() {
        return completed;
    }

    /**
     * Answers until the questionnaire is submitted or {@code stepsThisRun} messages were acknowledged, surviving any
     * number of dropped connections.
     */
    void answer(int stepsThisRun, long deadlineNanos) throws InterruptedException {
        int acknowledged = 0;
        while (!completed && acknowledged < stepsThisRun) {
            if (System.nanoTime() > deadlineNanos) {
                throw new AssertionError("respondent did not finish in time: " + describe());
            }
            if (socket == null && !connect()) {
                Thread.sleep(200);
                continue;
            }
            JsonNode frame = frames.poll(FRAME_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + FRAME_TIMEOUT + ": " + describe());
            }
            switch (frame.get("type").stringValue()) {
                case "#closed" -> dropConnection();
                case "session" -> completed = frame.path("completed").booleanValue();
                case "ask" -> {
                    if (pending == null) {
                        QuestionnaireWalker.Frame reply = walker.respond(frame);
                        pending = compose(reply, frame);
                        pendingSince = System.nanoTime();
                        counts.sent++;
                        send(pending);
                    }
                }
                case "ack" -> {
                    if (pending != null && pending.get("id").stringValue().equals(frame.get("id").stringValue())) {
                        count(frame.get("outcome").stringValue());
                        counts.latencies.add((System.nanoTime() - pendingSince) / 1_000_000);
                        pending = null;
                        acknowledged++;
                        completed = frame.path("completed").booleanValue();
                    }
                }
                case "error" -> onError(frame);
                default -> {
                }
            }
        }
    }

    void disconnect() {
        if (socket != null) {
            socket.abort();
        }
        socket = null;
    }

    private void onError(JsonNode frame) throws InterruptedException {
        String code = frame.path("code").stringValue("");
        boolean ours = pending != null && frame.path("id").stringValue("").equals(pending.get("id").stringValue());
        if (ours && (code.equals("internal_error") || code.equals("unavailable") || code.equals("rate_limited"))) {
            counts.retryable++;
            counts.retryableCodes.merge(code, 1, Integer::sum);
            Thread.sleep(200);
            counts.resent++;
            send(pending);
            return;
        }
        throw new AssertionError("unexpected error " + frame + ": " + describe());
    }

    private void count(String outcome) {
        switch (outcome) {
            case "applied" -> counts.applied++;
            case "duplicate" -> counts.duplicate++;
            case "conflict" -> counts.conflict++;
            case "rejected" -> counts.rejected++;
            default -> throw new AssertionError("unknown outcome " + outcome);
        }
    }

    /** The walker's reply as a frame that names the step (and ask instance) it answers. */
    private ObjectNode compose(QuestionnaireWalker.Frame reply, JsonNode ask) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode();
        frame.put("type", reply.type());
        frame.put("id", UUID.randomUUID().toString());
        frame.put(reply.field(), reply.value());
        for (String field : new String[] {"step", "ask"}) {
            if (ask.has(field)) {
                frame.set(field, ask.get(field));
            }
        }
        return frame;
    }

    private boolean connect() {
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(2))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), new Listener(queue))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception refused) {
            socket = null;
            return false;
        }
        frames = queue;
        Map<String, String> hello = new LinkedHashMap<>();
        hello.put("type", "hello");
        hello.put("token", token);
        send(json.valueToTree(hello));
        if (pending != null) {
            // The widget re-sends its outbox right after hello, in order, with the same ids.
            counts.resent++;
            send(pending);
        }
        return true;
    }

    private void dropConnection() {
        socket = null;
        counts.reconnects++;
    }

    private void send(JsonNode frame) {
        if (socket == null) {
            return;
        }
        try {
            socket.sendText(json.writeValueAsString(frame), true).get(5, TimeUnit.SECONDS);
        } catch (Exception broken) {
            // The listener reports the close; the message stays pending and is re-sent after reconnecting.
            socket.abort();
            frames.add(CLOSED);
        }
    }

    String describe() {
        return "token …" + token.substring(Math.max(0, token.length() - 4)) + ", pending " + pending
                + ", completed " + completed;
    }

    private final class Listener implements WebSocket.Listener {

        private final BlockingQueue<JsonNode> queue;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<JsonNode> queue) {
            this.queue = queue;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(json.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            queue.add(CLOSED);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            queue.add(CLOSED);
        }
    }
}
