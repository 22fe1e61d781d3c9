package nl.peilbot.channel.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.AccessRefusedException;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.conversation.UnknownAccessException;

/**
 * One WebSocket connection of the chat widget. The only state kept here is which response the connection
 * answers and in which language; everything else lives with the conversation.
 */
final class ChatSocketHandler extends TextWebSocketHandler {

    static final String CHANNEL = "web";
    static final String RESPONSE_ID = "peilbot.responseId";
    static final String LANGUAGE = "peilbot.language";

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);

    private final Conversations conversations;
    private final FrameParser parser;
    private final ServerFrames frames;
    private final MessageSource texts;

    ChatSocketHandler(Conversations conversations, FrameParser parser, ServerFrames frames, MessageSource texts) {
        this.conversations = conversations;
        this.parser = parser;
        this.frames = frames;
        this.texts = texts;
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
        try {
            ClientFrame frame = parser.parse(message.getPayload(), message.getPayloadLength());
            if (frame instanceof ClientFrame.Hello hello) {
                open(socket, hello);
            } else {
                handle(socket, (ClientFrame.Message) frame);
            }
        } catch (FrameException e) {
            sendError(socket, e.error(), e.messageId());
        } catch (RuntimeException e) {
            // Exception texts may quote answers or tokens, so only the type and where it was thrown are logged.
            StackTraceElement[] trace = e.getStackTrace();
            log.error("Web chat frame failed on connection {}: {} at {}", socket.getId(), e.getClass().getName(),
                    trace.length > 0 ? trace[0] : "?");
            sendError(socket, ChatError.INTERNAL_ERROR, null);
        }
    }

    private void open(WebSocketSession socket, ClientFrame.Hello hello) throws IOException {
        Session session;
        try {
            session = conversations.open(new Access(hello.token(), hello.survey()), CHANNEL);
        } catch (AccessRefusedException e) {
            sendError(socket, ChatError.of(e.reason()), null);
            return;
        } catch (UnknownAccessException e) {
            sendError(socket, hello.token() != null ? ChatError.UNKNOWN_TOKEN : ChatError.UNKNOWN_SURVEY, null);
            return;
        }
        socket.getAttributes().put(RESPONSE_ID, session.responseId());
        socket.getAttributes().put(LANGUAGE, session.language());
        send(socket, frames.session(session));
    }

    private void handle(WebSocketSession socket, ClientFrame.Message message) throws IOException {
        String responseId = (String) socket.getAttributes().get(RESPONSE_ID);
        if (responseId == null) {
            sendError(socket, ChatError.HELLO_REQUIRED, message.id());
            return;
        }
        Reply reply;
        try {
            reply = conversations.handle(responseId, message.id(), message.input(), CHANNEL);
        } catch (AccessRefusedException e) {
            sendError(socket, ChatError.of(e.reason()), message.id());
            return;
        } catch (UnknownAccessException e) {
            sendError(socket, ChatError.UNKNOWN_TOKEN, message.id());
            return;
        }
        if (reply.language() != null) {
            socket.getAttributes().put(LANGUAGE, reply.language());
        }
        send(socket, frames.reply(message.id(), reply));
    }

    private void sendError(WebSocketSession socket, ChatError error, String messageId) throws IOException {
        String text = texts.getMessage(error.messageKey(), null, error.code(), Locale.forLanguageTag(language(socket)));
        send(socket, List.of(frames.error(error, text, messageId)));
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
        return ChatLanguages.preferred(socket.getHandshakeHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
