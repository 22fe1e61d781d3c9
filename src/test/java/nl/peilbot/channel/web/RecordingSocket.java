package nl.peilbot.channel.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** A WebSocket session that records what the handler sends, for unit tests of the frame translation. */
final class RecordingSocket implements WebSocketSession {

    final List<String> sent = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private final HttpHeaders headers = new HttpHeaders();
    private boolean open = true;

    RecordingSocket acceptLanguage(String value) {
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, value);
        return this;
    }

    /** Sent frames since the last call. */
    List<String> take() {
        List<String> frames = List.copyOf(sent);
        sent.clear();
        return frames;
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) {
        sent.add(((TextMessage) message).getPayload());
    }

    @Override
    public String getId() {
        return "test";
    }

    @Override
    public URI getUri() {
        return URI.create("ws://127.0.0.1/ws/chat");
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return headers;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public Principal getPrincipal() {
        return null;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public String getAcceptedProtocol() {
        return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getTextMessageSizeLimit() {
        return WebChatConfiguration.TEXT_BUFFER_CHARS;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return WebChatConfiguration.BINARY_BUFFER_BYTES;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }

    private volatile CloseStatus closeStatus;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public void close(CloseStatus status) {
        open = false;
        closeStatus = status;
    }

    /** How the server closed this socket; null while open or closed without a status. */
    CloseStatus closeStatus() {
        return closeStatus;
    }
}
