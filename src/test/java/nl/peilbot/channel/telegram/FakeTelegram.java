package nl.peilbot.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake Telegram Bot API on 127.0.0.1 for tests: answers the methods the bot calls as Telegram does, records
 * every request, holds updates for {@code getUpdates} (which confirms those below its offset, as Telegram does),
 * and can answer {@code sendMessage} with HTTP 429 and a {@code retry_after}. Public for the fault suite
 * ({@code nl.peilbot.faults}), which runs the application in a child JVM against it.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "123456789:fake-token-for-tests";
    public static final String BOT_USERNAME = "peilbot_test_bot";

    /** One recorded call; {@code body} is null for multipart calls ({@code setWebhook}), {@code raw} has the text. */
    record Call(String method, JsonNode body, String raw, long atNanos) {

        long chatId() {
            return body == null || !body.has("chat_id") ? 0 : Long.parseLong(body.get("chat_id").asString());
        }
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new ArrayList<>();
    private final List<Map<String, Object>> updates = new ArrayList<>();
    private final Map<Integer, Map<String, Object>> messages = new LinkedHashMap<>();
    private final AtomicInteger updateIds = new AtomicInteger(1000);
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private final AtomicInteger callbackIds = new AtomicInteger(1);
    private volatile java.util.function.LongSupplier clock = System::nanoTime;
    private int confirmedBelow;
    private int tooManyRequests;
    private int retryAfterSeconds;
    private boolean everythingTwice;
    private int serverErrors;
    private long stalledChat;
    private long stallMillis;
    private volatile boolean stalling;
    private volatile long answerDelayMillis;
    private volatile boolean pollingFails;
    private final java.util.Set<Long> blockedChats = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger holding = new AtomicInteger();

    FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A started server; tests create it in a static initialiser, where checked exceptions cannot go. */
    public static FakeTelegram startOrFail() {
        try {
            return new FakeTelegram();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // --- what the respondent does ---

    public synchronized int text(long chatId, String text) {
        return add(Map.of("message", message(chatId, text, "nl")));
    }

    synchronized int text(long chatId, String text, String languageCode) {
        return add(Map.of("message", message(chatId, text, languageCode)));
    }

    public synchronized int sticker(long chatId) {
        Map<String, Object> message = message(chatId, null, "nl");
        message.put("sticker", Map.of("file_id", "sticker-1", "file_unique_id", "s1", "type", "regular",
                "width", 512, "height", 512, "is_animated", false, "is_video", false));
        return add(Map.of("message", message));
    }

    /** Presses a button of a message the bot sent. */
    public synchronized int press(long chatId, int messageId, String data) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("id", "cb" + callbackIds.getAndIncrement());
        query.put("from", user(chatId, "nl"));
        // As Telegram does, the pressed message comes along as it is now: its text and keyboard.
        Map<String, Object> pressed = new LinkedHashMap<>(Map.of("message_id", messageId, "date", 1700000000,
                "chat", Map.of("id", chatId, "type", "private")));
        Map<String, Object> sent = messages.get(messageId);
        if (sent != null) {
            pressed.put("text", sent.get("text"));
            if (sent.containsKey("reply_markup")) {
                pressed.put("reply_markup", sent.get("reply_markup"));
            }
        }
        query.put("message", pressed);
        query.put("chat_instance", "ci" + chatId);
        query.put("data", data);
        return add(Map.of("callback_query", query));
    }

    /** Delivers the update with this id once more, as Telegram does when it was not confirmed. */
    synchronized void deliverAgain(int updateId) {
        updates.stream().filter(u -> u.get("update_id").equals(updateId)).findFirst()
                .ifPresent(update -> updates.add(new LinkedHashMap<>(update)));
    }

    /** The update with this id as JSON, for posting it to a webhook. */
    synchronized String updateJson(int updateId) {
        return json.writeValueAsString(updates.stream().filter(u -> u.get("update_id").equals(updateId)).findFirst()
                .orElseThrow());
    }

    /** Removes all pending updates, for tests that deliver them through the webhook instead. */
    synchronized void forgetUpdates() {
        updates.clear();
    }

    /** Where the times of recorded calls come from: a test's fake clock instead of the real one. */
    void clock(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    public synchronized void answerTooManyRequests(int times, int retryAfter) {
        tooManyRequests = times;
        retryAfterSeconds = retryAfter;
    }

    /** From now on every update is delivered twice in a row, as Telegram may after a lost confirmation. */
    synchronized void deliverEverythingTwice(boolean twice) {
        everythingTwice = twice;
    }

    /** The next {@code times} sends and edits are answered with a 502, as during an outage of the Bot API. */
    public synchronized void answerServerErrors(int times) {
        serverErrors = times;
    }

    /**
     * The next send to the chat hangs for {@code stall} before the connection is dropped, and Telegram never takes
     * the message (a call lost on the way); other chats are served meanwhile.
     */
    synchronized void stallNextSend(long chatId, java.time.Duration stall) {
        stalledChat = chatId;
        stallMillis = stall.toMillis();
    }

    /**
     * From now on a send is taken (the message shows in its chat) but answered only after {@code delay}: a bot
     * killed meanwhile never learns that it went through. Zero: answered at once.
     */
    public void answerSlowly(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    /** While true, every {@code getUpdates} is answered with a 502, as during an outage of the Bot API. */
    void failPolling(boolean fails) {
        pollingFails = fails;
    }

    /** From now on every send to the chat is answered 403, as when the respondent blocked the bot. */
    void block(long chatId) {
        blockedChats.add(chatId);
    }

    /** Sends taken whose answer is being held back now. */
    public int holding() {
        return holding.get();
    }

    /** Whether a stalled send is hanging now. */
    boolean stalling() {
        return stalling;
    }

    /** Whether the bot has confirmed (polled past) this update. */
    public synchronized boolean confirmed(int updateId) {
        return confirmedBelow > updateId;
    }

    // --- what the bot did ---

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
    }

    /** Messages sent to the chat, in order, as they are now (edits applied). */
    public synchronized List<JsonNode> messages(long chatId) {
        return messages.values().stream().filter(m -> ((Number) ((Map<?, ?>) m.get("chat")).get("id")).longValue() == chatId)
                .map(m -> (JsonNode) json.valueToTree(m)).toList();
    }

    public synchronized List<String> texts(long chatId) {
        return messages(chatId).stream().map(m -> m.get("text").asString()).toList();
    }

    synchronized List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- the server ---

    private int add(Map<String, Object> content) {
        Map<String, Object> update = new LinkedHashMap<>();
        int id = updateIds.getAndIncrement();
        update.put("update_id", id);
        update.putAll(content);
        updates.add(update);
        if (everythingTwice) {
            updates.add(new LinkedHashMap<>(update));
        }
        notifyAll();
        return id;
    }

    private Map<String, Object> message(long chatId, String text, String languageCode) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_id", messageIds.getAndIncrement());
        message.put("from", user(chatId, languageCode));
        message.put("chat", Map.of("id", chatId, "type", "private", "first_name", "Respondent"));
        message.put("date", 1700000000);
        if (text != null) {
            message.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
                message.put("entities", List.of(Map.of("type", "bot_command", "offset", 0, "length", end)));
            }
        }
        return message;
    }

    private static Map<String, Object> user(long id, String languageCode) {
        return Map.of("id", id, "is_bot", false, "first_name", "Respondent", "language_code", languageCode);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, Map.of("ok", false, "error_code", 401, "description", "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase();
            String raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = type != null && type.startsWith("application/json") && !raw.isBlank() ? json.readTree(raw) : null;
            Call call = new Call(method, body, raw, clock.getAsLong());
            if (method.equals("getupdates")) {
                if (pollingFails) {
                    respond(exchange, 502, Map.of("ok", false, "error_code", 502, "description", "Bad Gateway"));
                    return;
                }
                respond(exchange, 200, Map.of("ok", true, "result", getUpdates(body)));
                return;
            }
            synchronized (this) {
                calls.add(call);
            }
            switch (method) {
                case "sendmessage" -> sendMessage(exchange, body);
                case "editmessagereplymarkup", "editmessagetext" -> edit(exchange, body);
                case "getme" -> respond(exchange, 200, Map.of("ok", true, "result", Map.of("id", 42, "is_bot", true,
                        "first_name", "Peilbot", "username", BOT_USERNAME)));
                case "answercallbackquery", "setmycommands", "setwebhook", "deletewebhook" ->
                        respond(exchange, 200, Map.of("ok", true, "result", true));
                default -> respond(exchange, 404, Map.of("ok", false, "error_code", 404, "description", "Not Found"));
            }
        } catch (RuntimeException | InterruptedException e) {
            respond(exchange, 500, Map.of("ok", false, "error_code", 500, "description", e.toString()));
        }
    }

    private List<Map<String, Object>> getUpdates(JsonNode body) throws InterruptedException {
        int offset = body != null && body.has("offset") ? body.get("offset").asInt() : 0;
        long timeoutMillis = TimeUnit.SECONDS.toMillis(body != null && body.has("timeout") ? body.get("timeout").asInt() : 0);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (this) {
            confirmedBelow = Math.max(confirmedBelow, offset);
            // Telegram forgets updates below the offset: they are confirmed.
            updates.removeIf(u -> (Integer) u.get("update_id") < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
            notifyAll();
            return List.copyOf(updates);
        }
    }

    /** Answers 502 while server errors are due; true when it did. */
    private boolean serverError(HttpExchange exchange) throws IOException {
        synchronized (this) {
            if (serverErrors <= 0) {
                return false;
            }
            serverErrors--;
        }
        respond(exchange, 502, Map.of("ok", false, "error_code", 502, "description", "Bad Gateway"));
        return true;
    }

    private void sendMessage(HttpExchange exchange, JsonNode body) throws IOException, InterruptedException {
        if (serverError(exchange)) {
            return;
        }
        if (blockedChats.contains(Long.parseLong(body.get("chat_id").asString()))) {
            respond(exchange, 403, Map.of("ok", false, "error_code", 403,
                    "description", "Forbidden: bot was blocked by the user"));
            return;
        }
        long stall = 0;
        synchronized (this) {
            if (stallMillis > 0 && Long.parseLong(body.get("chat_id").asString()) == stalledChat) {
                stall = stallMillis;
                stallMillis = 0;
            }
        }
        if (stall > 0) {
            stalling = true;
            try {
                Thread.sleep(stall);
            } finally {
                stalling = false;
            }
            respond(exchange, 502, Map.of("ok", false, "error_code", 502, "description", "Bad Gateway"));
            return;
        }
        synchronized (this) {
            if (tooManyRequests > 0) {
                tooManyRequests--;
                respond(exchange, 429, Map.of("ok", false, "error_code", 429,
                        "description", "Too Many Requests: retry after " + retryAfterSeconds,
                        "parameters", Map.of("retry_after", retryAfterSeconds)));
                return;
            }
        }
        Map<String, Object> message = new LinkedHashMap<>();
        int id = messageIds.getAndIncrement();
        message.put("message_id", id);
        message.put("date", 1700000000);
        message.put("chat", Map.of("id", Long.parseLong(body.get("chat_id").asString()), "type", "private"));
        message.put("text", body.get("text").asString());
        if (body.has("reply_markup")) {
            message.put("reply_markup", json.treeToValue(body.get("reply_markup"), Map.class));
        }
        long delay = answerDelayMillis;
        if (delay > 0) {
            holding.incrementAndGet();
        }
        synchronized (this) {
            messages.put(id, message);
            notifyAll();
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } finally {
                holding.decrementAndGet();
            }
        }
        respond(exchange, 200, Map.of("ok", true, "result", message));
    }

    private void edit(HttpExchange exchange, JsonNode body) throws IOException {
        if (serverError(exchange)) {
            return;
        }
        int id = body.get("message_id").asInt();
        Map<String, Object> message;
        synchronized (this) {
            message = messages.get(id);
            if (message == null) {
                respond(exchange, 400, Map.of("ok", false, "error_code", 400, "description", "Bad Request: message to edit not found"));
                return;
            }
            if (body.has("reply_markup")) {
                message.put("reply_markup", json.treeToValue(body.get("reply_markup"), Map.class));
            } else {
                message.remove("reply_markup");
            }
            if (body.has("text")) {
                message.put("text", body.get("text").asString());
            }
            notifyAll();
        }
        respond(exchange, 200, Map.of("ok", true, "result", message));
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
