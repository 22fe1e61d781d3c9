package nl.peilbot.channel.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Conversations;

/**
 * Registers the chat endpoint {@code /ws/chat}. The widget may be embedded on any host page, so any origin
 * may connect by default: the connection carries no cookie-based authority, only the token in the hello.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties({ChatRateLimit.class, ChatBrand.class, WebChatProperties.class})
class WebChatConfiguration implements WebSocketConfigurer {

    /**
     * Larger than the protocol's limit (4 KB, at most 4,096 characters) so that oversized frames reach the handler
     * and get an error frame; no larger, because the container allocates it up front for every open connection.
     */
    static final int TEXT_BUFFER_CHARS = 16 * 1024;

    /** The chat has no binary frames; the container still allocates this buffer for every open connection. */
    static final int BINARY_BUFFER_BYTES = 1024;

    private final ChatSocketHandler chats;
    private final String[] allowedOrigins;

    WebChatConfiguration(Conversations conversations, JsonMapper json, MessageSource texts, ChatRateLimit rateLimit,
                         ChatBrand brand, WebChatProperties properties) {
        this.chats = new ChatSocketHandler(conversations, new FrameParser(json), new ServerFrames(json, brand), texts,
                rateLimit);
        this.allowedOrigins = properties.allowedOrigins().toArray(String[]::new);
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(chats, "/ws/chat").setAllowedOriginPatterns(allowedOrigins);
    }

    @Bean
    ChatShutdown chatShutdown() {
        return new ChatShutdown(chats);
    }

    @Bean
    OpenChatsGauge openChatsGauge() {
        return new OpenChatsGauge(chats);
    }

    @Bean
    static ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(TEXT_BUFFER_CHARS);
        container.setMaxBinaryMessageBufferSize(BINARY_BUFFER_BYTES);
        container.setMaxSessionIdleTimeout(30L * 60 * 1000);
        return container;
    }
}
