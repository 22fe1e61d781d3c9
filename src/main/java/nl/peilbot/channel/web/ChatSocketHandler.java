package nl.peilbot.channel.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.AccessRefusedException;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.conversation.StorageUnavailableException;
import nl.peilbot.conversation.UnknownAccessException;
import nl.peilbot.system.Languages;

/**
 * One WebSocket connection of the chat widget. The only state kept here is which response the connection
 * answers, in which language, and its frame allowance; everything else lives with the conversation.
 */
final class ChatSocketHandler extends TextWebSocketHandler {

    static final String CHANNEL = "web";
    static final String RESPONSE_ID = "peilbot.responseId";
    static final String LANGUAGE = "peilbot.language";
    static final String BUCKET = "peilbot.rateLimit";
    /** When a client may try again after the database could not be reached. */
    static final long UNAVAILABLE_RETRY_MILLIS = 3000;
    static final CloseStatus SHUTTING_DOWN = CloseStatus.GOING_AWAY.withReason("server shutting down, reconnect");

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);

    private final Conversations conversations;
    private final FrameParser parser;
    private final ServerFrames frames;
    private final MessageSource texts;
    private final ChatRateLimit rateLimit;
    private final Set<WebSocketSession> sockets = ConcurrentHashMap.newKeySet();
    /** Turns hold the read side; shutting down takes the write side, so it waits for the turns in flight. */
    private final ReadWriteLock turns = new ReentrantReadWriteLock();
    private volatile boolean closing;

    ChatSocketHandler(Conversations conversations, FrameParser parser, ServerFrames frames, MessageSource texts,
                      ChatRateLimit rateLimit) {
        this.conversations = conversations;
        this.parser = parser;
        this.frames = frames;
        this.texts = texts;
        this.rateLimit = rateLimit;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) {
        socket.getAttributes().put(BUCKET, new TokenBucket(rateLimit, System::nanoTime));
        sockets.add(socket);
        if (closing) {
            sockets.remove(socket);
            close(socket);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        sockets.remove(socket);
    }

    int openConnections() {
        return sockets.size();
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
        String messageId = null;
        Lock turn = turns.readLock();
        if (closing || !turn.tryLock()) {
            // Not processed; the connection is about to close with 1001 and the widget re-sends after reconnecting.
            return;
        }
        try {
            ClientFrame frame = parser.parse(message.getPayload(), message.getPayloadLength());
            messageId = frame instanceof ClientFrame.Message m ? m.id() : null;
            long wait = ((TokenBucket) socket.getAttributes().get(BUCKET)).take();
            if (wait > 0) {
                sendError(socket, ChatError.RATE_LIMITED, messageId, wait);
            } else if (frame instanceof ClientFrame.Hello hello) {
                open(socket, hello);
            } else {
                handle(socket, (ClientFrame.Message) frame);
            }
        } catch (FrameException e) {
            sendError(socket, e.error(), e.messageId(), null);
        } catch (StorageUnavailableException e) {
            log.warn("Web chat connection {}: the database cannot be reached ({})", socket.getId(),
                    e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName());
            sendError(socket, ChatError.UNAVAILABLE, messageId, UNAVAILABLE_RETRY_MILLIS);
        } catch (RuntimeException e) {
            // Exception texts may quote answers or tokens, so only the type and where it was thrown are logged.
            StackTraceElement[] trace = e.getStackTrace();
            log.error("Web chat frame failed on connection {}: {} at {}", socket.getId(), e.getClass().getName(),
                    trace.length > 0 ? trace[0] : "?");
            sendError(socket, ChatError.INTERNAL_ERROR, messageId, null);
        } finally {
            turn.unlock();
        }
    }

    private void open(WebSocketSession socket, ClientFrame.Hello hello) throws IOException {
        Session session;
        try {
            session = conversations.open(new Access(hello.token(), hello.survey()), CHANNEL);
        } catch (AccessRefusedException e) {
            sendError(socket, ChatError.of(e.reason()), null, null);
            return;
        } catch (UnknownAccessException e) {
            sendError(socket, hello.token() != null ? ChatError.UNKNOWN_TOKEN : ChatError.UNKNOWN_SURVEY, null, null);
            return;
        }
        socket.getAttributes().put(RESPONSE_ID, session.responseId());
        socket.getAttributes().put(LANGUAGE, session.language());
        send(socket, frames.session(session));
    }

    private void handle(WebSocketSession socket, ClientFrame.Message message) throws IOException {
        String responseId = (String) socket.getAttributes().get(RESPONSE_ID);
        if (responseId == null) {
            sendError(socket, ChatError.HELLO_REQUIRED, message.id(), null);
            return;
        }
        Reply reply;
        try {
            reply = conversations.handle(responseId, message.id(), message.input(), CHANNEL, message.step(),
                    message.ask());
        } catch (AccessRefusedException e) {
            sendError(socket, ChatError.of(e.reason()), message.id(), null);
            return;
        } catch (UnknownAccessException e) {
            sendError(socket, ChatError.UNKNOWN_TOKEN, message.id(), null);
            return;
        }
        if (reply.language() != null) {
            socket.getAttributes().put(LANGUAGE, reply.language());
        }
        send(socket, frames.reply(message.id(), reply));
    }

    /**
     * Refuses new turns, waits up to {@code patience} for the turns in flight to answer, then closes every chat
     * with 1001 so that widgets reconnect (to another instance, or this one after the restart).
     */
    void closeAll(Duration patience) {
        closing = true;
        Lock all = turns.writeLock();
        boolean idle = false;
        try {
            idle = all.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!idle) {
                log.warn("Web chat shutdown: turns still running after {}; closing the chats anyway", patience);
            }
            List.copyOf(sockets).forEach(ChatSocketHandler::close);
            sockets.clear();
        } finally {
            if (idle) {
                all.unlock();
            }
        }
    }

    private static void close(WebSocketSession socket) {
        try {
            socket.close(SHUTTING_DOWN);
        } catch (IOException | RuntimeException e) {
            log.debug("Web chat connection {} was already gone at shutdown", socket.getId());
        }
    }

    private void sendError(WebSocketSession socket, ChatError error, String messageId, Long retryAfterMillis)
            throws IOException {
        String text = texts.getMessage(error.messageKey(), null, error.code(), Locale.forLanguageTag(language(socket)));
        send(socket, List.of(frames.error(error, text, messageId, retryAfterMillis)));
    }

    private static void send(WebSocketSession socket, List<String> payloads) throws IOException {
        for (String payload : payloads) {
            socket.sendMessage(new TextMessage(payload));
        }
    }

    /** The conversation's language, or before the hello the browser's preference between Dutch and English. */
    static String language(WebSocketSession socket) {
        Object language = socket.getAttributes().get(LANGUAGE);
        if (language instanceof String known) {
            return known;
        }
        return Languages.preferred(socket.getHandshakeHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
